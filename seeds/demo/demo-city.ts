/**
 * What the demo city is: the synthetic workforce of Shanghai (~62,000 workers over the whole org
 * tree) with its history, and a few hundred reserve-pool entries. Every row it writes carries
 * DEMO_MARK as its author (`created_by` / `recorded_by`), so demo data is always recognisable as
 * synthetic and can be told apart from anything an operator records.
 */

/** Author of every demo row: workers.created_by, worker_history.recorded_by, entries.created_by. */
export const DEMO_MARK = 'demo-city-synthetic';
/** Generator seed of the demo workforce (the benchmarks use the same one). */
export const DEMO_SEED = 1;
/** Shanghai's community workforce (ARCHITECTURE: ~62k). */
export const DEMO_WORKERS = 62_000;
/** Share of the generated workers who left in the two years before the demo's day (turnover). */
export const DEMO_EXITED_SHARE = 0.08;
/** Share of current workers transferred between areas of their street in the last year (ORG-2). */
export const DEMO_TRANSFERRED_PERCENT = 3;
/** Reserve-pool entries (POOL-1..3), expiring from a few days to two years ahead. */
export const DEMO_RESERVE_ENTRIES = 300;
/**
 * National IDs of demo candidates use this region code, which was never issued (GB/T 2260 has no
 * 310199), so no generated number can be a real person's. The check character is computed.
 */
export const DEMO_ID_REGION = '310199';
