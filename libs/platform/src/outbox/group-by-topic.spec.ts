import { groupByTopicInOrder } from './outbox-relay';

describe('groupByTopicInOrder', () => {
  it('keeps seq order inside each topic and keys messages by aggregate id', () => {
    const rows = [
      { seq: '1', topic: 'cwp.a.xs', message_key: 'k1', envelope: { n: 1 } },
      { seq: '2', topic: 'cwp.a.ys', message_key: 'k2', envelope: { n: 2 } },
      { seq: '3', topic: 'cwp.a.xs', message_key: 'k1', envelope: { n: 3 } },
    ];
    const grouped = groupByTopicInOrder(rows);
    expect([...grouped.keys()]).toEqual(['cwp.a.xs', 'cwp.a.ys']);
    expect(grouped.get('cwp.a.xs')!.map((m) => [m.key, JSON.parse(String(m.value)).n])).toEqual([
      ['k1', 1],
      ['k1', 3],
    ]);
  });
});
