import { queryTokens, searchTokens } from './search-tokens';

describe('library search tokens (TRAIN-10)', () => {
  it('indexes Han text by characters and adjacent pairs', () => {
    expect(searchTokens('心理咨询')).toEqual(['心', '心理', '理', '理咨', '咨', '咨询', '询']);
  });

  it('lower-cases Latin words and folds full-width letters (NFKC)', () => {
    expect(searchTokens('ＩＴ技能 PowerPoint')).toEqual(['it', '技', '技能', '能', 'powerpoint']);
  });

  it('a query of two or more Han characters needs its bigrams; one character needs itself', () => {
    expect(queryTokens('社区矫正')).toEqual(['社区', '区矫', '矫正']);
    expect(queryTokens('法')).toEqual(['法']);
  });

  it('every substring query of a title is covered by the title tokens', () => {
    const title = '社区工作者调解矛盾纠纷实务（进修）';
    const indexed = new Set(searchTokens(title));
    for (const q of ['调解', '矛盾纠纷', '实务', '进修', '纠']) expect(queryTokens(q).every((t) => indexed.has(t))).toBe(true);
    expect(queryTokens('养老').every((t) => indexed.has(t))).toBe(false);
  });

  it('punctuation and spaces alone give no tokens', () => {
    expect(queryTokens(' ，。!? ')).toEqual([]);
  });
});
