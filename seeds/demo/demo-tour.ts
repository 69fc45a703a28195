/**
 * What `npm run up`'s closing tour points at: a district, one of its workers who left (the exit
 * explanation: rule IDs, inputs, steps), read from the demo workforce, and the active reserve
 * entry expiring soonest (its workflow is running in Temporal), as the talent pool's API answered
 * its registration. Written as a small env file that infra/local/up.sh reads to print three curl
 * commands with real ids.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ClientBase } from 'pg';
import { DEMO_MARK } from './demo-city';

export interface DemoTour {
  district: string;
  workerId: string | null;
  entryId: string | null;
}

/**
 * The tour's district (徐汇区 when present, else the district with most current workers) and an
 * exited worker of it, from `workforce` (search_path = the workforce schema).
 */
export async function findDemoTour(workforce: ClientBase, entryId: string | null, preferredDistrict = '310104'): Promise<DemoTour> {
  const { rows: districts } = await workforce.query<{ district: string }>(
    `SELECT left(unit_code, 6) AS district FROM workers WHERE status <> 'exited'
      GROUP BY 1 ORDER BY (left(unit_code, 6) = $1) DESC, count(*) DESC LIMIT 1`,
    [preferredDistrict],
  );
  const district = districts[0]?.district ?? preferredDistrict;
  // A cause with facts behind it (EXIT-3 (1), APPR-5) makes the richer explanation.
  const { rows: workers } = await workforce.query<{ id: string }>(
    `SELECT id FROM workers WHERE unit_code LIKE $1 AND status = 'exited' AND created_by = $2
      ORDER BY (exit_cause = 'unqualified-two-years') DESC, id LIMIT 1`,
    [`${district}%`, DEMO_MARK],
  );
  return { district, workerId: workers[0]?.id ?? null, entryId };
}

export function writeDemoTour(stateDir: string, tour: DemoTour): string {
  const file = path.join(stateDir, 'demo-tour.env');
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(file, `DEMO_DISTRICT=${tour.district}\nDEMO_WORKER_ID=${tour.workerId ?? ''}\nDEMO_ENTRY_ID=${tour.entryId ?? ''}\n`);
  return file;
}
