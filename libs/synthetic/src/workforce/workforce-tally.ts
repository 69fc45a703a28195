/**
 * Running totals over a stream of synthetic workers, for CLIs and benchmarks: how the generated
 * set looks against POLICY.md (PROM-3 title shares, PROM-1 roles, ORG-3 routes, QUOTA-6 on-duty).
 * O(1) memory per category, so it can watch 620,000 workers go by.
 */
import type { SyntheticWorker } from './workforce.types';

const TALLIED = ['title', 'role', 'entryRoute', 'education', 'region', 'status', 'placement'] as const;
type Tallied = (typeof TALLIED)[number];

export class WorkforceTally {
  count = 0;
  readonly by: Record<Tallied, Map<string, number>> = Object.fromEntries(TALLIED.map((field) => [field, new Map()])) as Record<
    Tallied,
    Map<string, number>
  >;

  add(worker: SyntheticWorker): void {
    this.count += 1;
    for (const field of TALLIED) {
      const value = String(worker[field]);
      this.by[field].set(value, (this.by[field].get(value) ?? 0) + 1);
    }
  }

  /** PROM-3: junior : intermediate : senior shares among titled workers (target ≈ 0.4 : 0.4 : 0.2). */
  titleShares(): { junior: number; intermediate: number; senior: number } {
    const get = (title: string): number => this.by.title.get(title) ?? 0;
    const titled = get('junior') + get('intermediate') + get('senior') || 1;
    return { junior: get('junior') / titled, intermediate: get('intermediate') / titled, senior: get('senior') / titled };
  }

  format(): string {
    const percent = (n: number): string => `${(n * 100).toFixed(1)}%`;
    const line = (field: Tallied): string =>
      `  ${field.padEnd(11)} ${[...this.by[field]]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ${percent(n / (this.count || 1))}`)
        .join(', ')}`;
    const shares = this.titleShares();
    return [
      `${this.count} workers`,
      ...TALLIED.map(line),
      `  PROM-3 titled shares junior ${percent(shares.junior)} : intermediate ${percent(shares.intermediate)} : senior ${percent(shares.senior)}`,
    ].join('\n');
  }
}
