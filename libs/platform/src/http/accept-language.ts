import type { FastifyReply } from 'fastify';

/** The languages the platform answers in: English (the default) and simplified Chinese for operators. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The language to answer in, from an `Accept-Language` header (RFC 9110 §12.5.4): the supported
 * language with the highest q-value, the first listed on a tie; `zh`, `zh-CN`, `zh-Hans`,
 * `zh-Hans-CN` (any `zh-*`) mean simplified Chinese; `*` means the default. English when the
 * header is missing, unparseable or names nothing we have.
 */
export function preferredLanguage(header: string | string[] | undefined): Language {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return 'en';
  let best: { language: Language; q: number } | undefined;
  for (const part of value.split(',').slice(0, 20)) {
    const [rawTag = '', ...params] = part.trim().split(';');
    const q = qualityOf(params);
    const language = languageOfTag(rawTag.trim().toLowerCase());
    if (language === undefined || q <= 0) continue;
    if (!best || q > best.q) best = { language, q };
  }
  return best?.language ?? 'en';
}

/**
 * The language to answer a request in, said on the reply: `Content-Language`, and `Accept-Language`
 * added to its `Vary` (other fields already there kept), so caches keep one answer per language.
 */
export function answerLanguage(header: string | string[] | undefined, reply: FastifyReply): Language {
  const language = preferredLanguage(header);
  const vary = reply.getHeader('vary');
  const fields =
    typeof vary === 'string'
      ? vary
          .split(',')
          .map((f) => f.trim())
          .filter(Boolean)
      : [];
  if (!fields.some((f) => f.toLowerCase() === 'accept-language' || f === '*')) fields.push('Accept-Language');
  void reply.header('Content-Language', language).header('Vary', fields.join(', '));
  return language;
}

function qualityOf(params: string[]): number {
  for (const param of params) {
    const match = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(param);
    if (match) return Number(match[1]);
  }
  return 1;
}

function languageOfTag(tag: string): Language | undefined {
  if (tag === '*' || tag === 'en' || tag.startsWith('en-')) return 'en';
  // Traditional-Chinese readers (zh-TW, zh-HK) too are better served by simplified Chinese than by English.
  if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
  return undefined;
}
