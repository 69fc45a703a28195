import { AUDIT_TEXT_LIMIT, auditSafe, auditText } from './audit-safe-text';

describe('audit text never makes an audit write fail (issue 8, defect 2)', () => {
  it('replaces NUL, control characters and lone surrogates; keeps CJK, emoji and newlines', () => {
    expect(auditText('a\u0000b\u0007c\ud800')).toBe('a\uFFFDb\uFFFDc\uFFFD');
    expect(auditText('张三 😀\n')).toBe('张三 😀\n');
  });

  it('cuts oversize text and cleans every string of a jsonb value, keys included', () => {
    expect(auditText('x'.repeat(10_000))).toHaveLength(AUDIT_TEXT_LIMIT + 1);
    expect(JSON.stringify(auditSafe({ 'k\u0000': ['v\u0000', 1, null] }))).not.toContain('\\u0000');
  });
});
