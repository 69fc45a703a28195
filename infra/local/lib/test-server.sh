# Temporal's time-skipping test server (Java, Maven Central jars). Not a long-running server:
# each workflow test file starts its own through infra/local/bin/temporal-test-server. Installing
# it means fetching the jars, writing a fixed classpath and training an AppCDS archive once.

TEST_SERVER_DIR="$CACHE/temporal-test-server-1.31.0"
TEST_SERVER_WRAPPER="$HERE/bin/temporal-test-server"

test_server_install() {
  mkdir -p "$CACHE"
  mvn_fetch temporal-test-server "$TEST_SERVER_DIR/libs"
  if [[ ! -f $TEST_SERVER_DIR/classpath ]]; then
    # A fixed, sorted classpath: a CDS archive only matches the exact classpath it was made with,
    # and a `libs/*` wildcard expands in directory order.
    find "$TEST_SERVER_DIR/libs" -name '*.jar' | LC_ALL=C sort | paste -sd: >"$TEST_SERVER_DIR/classpath"
  fi
  # An archive only works with the JVM that wrote it: retrain when the JDK changes.
  local jdk
  jdk="$(readlink -f "$(command -v java)") $(java -version 2>&1 | head -n1)"
  if [[ ! -f $TEST_SERVER_DIR/app.jsa || $(cat "$TEST_SERVER_DIR/app.jsa.jdk" 2>/dev/null) != "$jdk" ]]; then
    rm -f "$TEST_SERVER_DIR/app.jsa"
    test_server_train_cds && [[ -f $TEST_SERVER_DIR/app.jsa ]] && echo "$jdk" >"$TEST_SERVER_DIR/app.jsa.jdk"
  fi
  return 0
}

# Start the server once with -XX:ArchiveClassesAtExit, let it serve a request so the classes of a
# real call are loaded too, then stop it: the JVM writes the classes it loaded to the archive.
test_server_train_cds() {
  local port=$((TEMPORAL_PORT + 3)) pid deadline archive="$TEST_SERVER_DIR/app.jsa"
  if port_open "$port"; then
    log "temporal test server: port $port busy, skipping the CDS archive (the server still works, only slower to start)"
    return 0
  fi
  log "temporal test server: training a class-data-sharing archive (once)"
  rm -f "$archive.tmp"
  CWP_CACHE_DIR="$CACHE" CWP_TEST_SERVER_CDS=0 \
    CWP_TEST_SERVER_JAVA_OPTS="-XX:ArchiveClassesAtExit=$archive.tmp -Xlog:cds=error" \
    "$TEST_SERVER_WRAPPER" "$port" >"$CACHE/test-server-cds.log" 2>&1 9>&- &
  pid=$!
  deadline=$((SECONDS + 60))
  until port_open "$port"; do
    if ! kill -0 "$pid" 2>/dev/null || ((SECONDS >= deadline)); then
      kill -KILL "$pid" 2>/dev/null || true
      log "temporal test server: did not start while training CDS (see $CACHE/test-server-cds.log); continuing without the archive"
      return 0
    fi
    sleep 0.2
  done
  node "$HERE/lib/cds-train.js" "127.0.0.1:$port" >>"$CACHE/test-server-cds.log" 2>&1 || true
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [[ -s $archive.tmp ]]; then
    mv "$archive.tmp" "$archive"
  else
    log "temporal test server: no CDS archive written (see $CACHE/test-server-cds.log); it still works, slower to start"
  fi
}

test_server_status() {
  local cds="no CDS archive"
  [[ -f $TEST_SERVER_DIR/app.jsa ]] && cds="CDS archive $TEST_SERVER_DIR/app.jsa"
  if [[ -f $TEST_SERVER_DIR/libs/.complete ]]; then
    status_line test-server "installed (started per test file by $TEST_SERVER_WRAPPER; $cds)"
  else
    status_line test-server "not installed (stack.sh install)"
  fi
}
