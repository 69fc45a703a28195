import { VOCABULARIES, VOCABULARY_NAMES, zhLabelOf } from './vocabulary-labels';

describe('zh-CN labels of vocabulary codes (issue 14)', () => {
  it.each(VOCABULARY_NAMES)('%s: every code has a Chinese label and no label names a code the vocabulary lacks', (name) => {
    const { codes, zh } = VOCABULARIES[name];
    expect(Object.keys(zh).sort()).toEqual([...codes].sort());
    for (const code of codes) expect((zh as Record<string, string>)[code]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('uses the rules own wording: APPR-2 grades, POST-3 titles, EXIT-3 causes from the policy library', () => {
    expect(zhLabelOf('grade', 'basically-qualified')).toBe('基本合格');
    expect(zhLabelOf('title', 'senior')).toBe('高级社区工作者');
    expect(zhLabelOf('exit-cause', 'unqualified-two-years')).toBe('连续两年考核不合格');
    expect(zhLabelOf('education', 'junior-college')).toBe('大专');
    expect(zhLabelOf('cadre-target-role', 'party-secretary')).toBe('社区党组织书记'); // REC-8
  });

  it('an unknown code is shown as itself (never a wrong label), and inherited names are not labels', () => {
    expect(zhLabelOf('role', 'astronaut')).toBe('astronaut');
    expect(zhLabelOf('role', 'constructor')).toBe('constructor');
  });
});
