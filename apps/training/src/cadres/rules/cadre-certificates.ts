import type { CertificateKind } from '@cwp/contracts';

/**
 * REC-8 names "assistant social worker or social worker" titles; @cwp/policy's ladder calls them
 * junior / intermediate / senior social worker (助理社会工作师 / 社会工作师 / 高级社会工作师). This maps the
 * certificates this service records (TRAIN-8) onto that ladder; others (counsellor) pass unchanged.
 */
const LADDER: Partial<Record<CertificateKind, string>> = {
  'assistant-social-worker': 'junior-social-worker',
  'social-worker': 'intermediate-social-worker',
  'senior-social-worker': 'senior-social-worker',
};

export function policyCertificates(kinds: readonly string[]): string[] {
  return kinds.map((k) => LADDER[k as CertificateKind] ?? k);
}
