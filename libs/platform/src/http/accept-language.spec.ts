import { preferredLanguage } from './accept-language';

describe('Accept-Language chooses the answer language (issue 14: zh-CN for operators)', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en;q=0.5, zh-CN;q=0.8', 'zh-CN'],
    ['fr-FR, zh;q=0.3', 'zh-CN'],
    ['fr-FR', 'en'],
    ['zh;q=0, en', 'en'],
    ['*', 'en'],
    ['garbage;;;q=x', 'en'],
  ])('%j → %s', (header, language) => {
    expect(preferredLanguage(header)).toBe(language);
  });

  it('keeps the first listed language on a tie', () => {
    expect(preferredLanguage('zh-CN, en')).toBe('zh-CN');
    expect(preferredLanguage('en, zh-CN')).toBe('en');
  });
});
