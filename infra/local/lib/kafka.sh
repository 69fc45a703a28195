# Apache Kafka 3.9.1, one KRaft node (broker + controller), from the Maven Central jars.

KAFKA_VERSION=3.9.1
KAFKA_LIBS="$CACHE/kafka-$KAFKA_VERSION/libs"
KAFKA_DIR="$STATE/kafka"
KAFKA_LOG="$LOGS/kafka.log"
# The broker's own stdout/stderr (JVM errors before log4j starts); server logs go to kafka.log.
KAFKA_OUT="$LOGS/kafka.out"
# shellcheck disable=SC2034 # written to stack.env by stack.sh
KAFKA_BROKERS_VALUE="${EXTERNAL_KAFKA_BROKERS:-127.0.0.1:$KAFKA_PORT}"

# mvn_fetch PROFILE DEST: copy a pom profile's jars into DEST (atomically: a partial copy never
# looks complete to the next run).
mvn_fetch() {
  local profile=$1 dest=$2
  [[ -f $dest/.complete ]] && return 0
  need mvn "Maven fetches the $profile jars from Maven Central"
  need java "Java 17+ runs the $profile jars"
  log "fetching $profile jars from Maven Central into $dest"
  rm -rf "$dest.tmp"
  mvn -q -B -f "$HERE/maven/pom.xml" -P "$profile" dependency:copy-dependencies \
    -DoutputDirectory="$dest.tmp" >"$CACHE/mvn-$profile.log" 2>&1 ||
    die "$profile: mvn dependency:copy-dependencies failed; see $CACHE/mvn-$profile.log"
  rm -rf "$dest"
  mv "$dest.tmp" "$dest"
  touch "$dest/.complete"
}

kafka_install() {
  [[ -n $EXTERNAL_KAFKA_BROKERS ]] && return 0
  mkdir -p "$CACHE"
  mvn_fetch kafka "$KAFKA_LIBS"
}

KAFKA_JVM_OPTS=(-Xms128m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true)

kafka_java() {
  java "${KAFKA_JVM_OPTS[@]}" -Dlog4j.configuration="file:$KAFKA_DIR/log4j.properties" \
    -Dkafka.logs.dir="$LOGS" -cp "$KAFKA_LIBS/*" "$@"
}

kafka_configure() {
  mkdir -p "$KAFKA_DIR/data" "$LOGS"
  cat >"$KAFKA_DIR/server.properties" <<EOF
# Written by infra/local/stack.sh on every start: a one-node development/test cluster.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DIR/data
# One node: every internal topic has one replica and needs one in sync.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
default.replication.factor=1
min.insync.replicas=1
# Consumer tests get their partitions at once instead of after the default 3 s delay.
group.initial.rebalance.delay.ms=0
num.partitions=3
auto.create.topics.enable=true
delete.topic.enable=true
log.retention.hours=168
log.segment.bytes=104857600
num.network.threads=2
num.io.threads=4
EOF
  cat >"$KAFKA_DIR/log4j.properties" <<EOF
# Written by infra/local/stack.sh: the broker logs to one rolling file, warnings and up for noise.
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=$KAFKA_LOG
log4j.appender.file.MaxFileSize=20MB
log4j.appender.file.MaxBackupIndex=2
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka=INFO
log4j.logger.org.apache.kafka=INFO
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.kafka.log.LogCleaner=WARN
log4j.logger.org.apache.kafka.storage=WARN
EOF
}

# Format once: the cluster id is generated once and kept, so restarts reuse the same log dirs.
kafka_format() {
  [[ -f $KAFKA_DIR/data/meta.properties ]] && return 0
  if [[ ! -s $KAFKA_DIR/cluster.id ]]; then
    kafka_java kafka.tools.StorageTool random-uuid 2>>"$KAFKA_OUT" | tail -n1 >"$KAFKA_DIR/cluster.id"
    [[ -s $KAFKA_DIR/cluster.id ]] || die "kafka: could not generate a cluster id; see $KAFKA_OUT"
  fi
  log "kafka: formatting storage (cluster id $(<"$KAFKA_DIR/cluster.id"))"
  kafka_java kafka.tools.StorageTool format -t "$(<"$KAFKA_DIR/cluster.id")" \
    -c "$KAFKA_DIR/server.properties" >>"$KAFKA_OUT" 2>&1 || die "kafka: storage format failed; see $KAFKA_OUT"
}

kafka_running() { pid_alive kafka kafka.Kafka; }

kafka_start() {
  mkdir -p "$LOGS" "$RUN"
  kafka_running && return 0
  assert_port_free kafka "$KAFKA_PORT"
  assert_port_free "kafka controller" "$KAFKA_CONTROLLER_PORT"
  kafka_configure
  kafka_format
  log "kafka: starting on 127.0.0.1:$KAFKA_PORT (log $KAFKA_LOG)"
  # setsid: the broker outlives this shell and a Ctrl-C in it (setsid execs java: $! is the JVM).
  setsid java "${KAFKA_JVM_OPTS[@]}" -Dlog4j.configuration="file:$KAFKA_DIR/log4j.properties" \
    -Dkafka.logs.dir="$LOGS" -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_DIR/server.properties" \
    </dev/null >>"$KAFKA_OUT" 2>&1 9>&- &
  echo $! >"$RUN/kafka.pid"
}

kafka_wait() {
  wait_until kafka "$KAFKA_LOG" 60 kafka_running kafka_answers
}

kafka_answers() { port_open "$KAFKA_PORT" && node "$HERE/lib/probe.js" kafka-ready "127.0.0.1:$KAFKA_PORT"; }

kafka_stop() {
  [[ -n $EXTERNAL_KAFKA_BROKERS ]] && return 0
  # A controlled shutdown flushes logs and writes a clean-shutdown marker: restarts skip recovery.
  stop_pid kafka kafka.Kafka 45 && log "stopped kafka"
  return 0
}

kafka_status() {
  if [[ -n $EXTERNAL_KAFKA_BROKERS ]]; then
    status_line kafka "external ($EXTERNAL_KAFKA_BROKERS)"
  elif kafka_running; then
    status_line kafka "running pid $(<"$RUN/kafka.pid") on 127.0.0.1:$KAFKA_PORT, data $KAFKA_DIR/data"
  else
    status_line kafka "stopped (port $KAFKA_PORT)"
  fi
}
