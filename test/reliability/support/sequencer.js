// Jest's default order (slowest first), except that the personal-data scan of the reliability
// tier runs after every other file: it reads the logs, topics and histories they produced.
const Sequencer = require('@jest/test-sequencer').default;

class ReliabilityLastScanSequencer extends Sequencer {
  async sort(tests) {
    const ordered = [...(await super.sort(tests))];
    const isScan = (t) => /test\/reliability\/zz-personal-data\.rel-spec\.ts$/.test(t.path);
    return [...ordered.filter((t) => !isScan(t)), ...ordered.filter(isScan)];
  }
}

module.exports = ReliabilityLastScanSequencer;
