const HAN = /\p{Script=Han}/u;
/** Runs of Han characters, or of other letters and digits (Latin words, numbers). */
const RUNS = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

/**
 * The tokens a library title or summary is indexed under (and a query is split into), for
 * full-text search of Chinese without a segmenter or an extension: every Han character and every
 * pair of adjacent Han characters (unigrams + bigrams), every other word lower-cased (NFKC first,
 * so full-width ＩＴ equals IT). A text contains a query string only if its tokens contain the
 * query's, so `tokens @> queryTokens` on a GIN index finds every candidate.
 */
export function searchTokens(text: string): string[] {
  const tokens = new Set<string>();
  for (const run of text.normalize('NFKC').toLowerCase().match(RUNS) ?? []) {
    if (!HAN.test(run)) {
      tokens.add(run);
      continue;
    }
    const chars = [...run];
    chars.forEach((c, i) => {
      tokens.add(c);
      if (i + 1 < chars.length) tokens.add(c + chars[i + 1]);
    });
  }
  return [...tokens];
}

/**
 * The tokens a query must all match: bigrams for Han runs of two or more characters (a unigram
 * only for a one-character run, which has no bigram), words otherwise. Fewer tokens than
 * `searchTokens` (the unigrams of a longer run add nothing the bigrams do not already require).
 */
export function queryTokens(query: string): string[] {
  const tokens = new Set<string>();
  for (const run of query.normalize('NFKC').toLowerCase().match(RUNS) ?? []) {
    const chars = [...run];
    if (!HAN.test(run) || chars.length === 1) tokens.add(run);
    else for (let i = 0; i + 1 < chars.length; i++) tokens.add(chars[i]! + chars[i + 1]!);
  }
  return [...tokens];
}
