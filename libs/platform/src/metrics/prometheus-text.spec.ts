import { sampleValue } from './prometheus-text';

const text = [
  '# HELP cwp_inbox_messages_total x',
  'cwp_inbox_messages_total{consumer="a",outcome="handled"} 3',
  'cwp_inbox_messages_total{consumer="a",outcome="duplicate"} 1',
  'cwp_outbox_backlog_rows 0',
  'cwp_outbox_backlog_rows_extra 9',
].join('\n');

describe('sampleValue (Prometheus text)', () => {
  it('finds the sample whose labels include the given pairs', () => {
    expect(sampleValue(text, 'cwp_inbox_messages_total', { outcome: 'duplicate' })).toBe(1);
    expect(sampleValue(text, 'cwp_inbox_messages_total', { consumer: 'a', outcome: 'handled' })).toBe(3);
  });

  it('reads unlabelled samples and never matches a longer name', () => {
    expect(sampleValue(text, 'cwp_outbox_backlog_rows')).toBe(0);
    expect(sampleValue(text, 'cwp_inbox_messages_total', { outcome: 'skipped-type' })).toBeUndefined();
  });
});
