import { PlatformTypeOrmLogger, safeErrorFields } from './typeorm-logger';

function capture() {
  const lines: Array<{ level: string; entry: unknown }> = [];
  const sink = {
    log: (entry: unknown) => lines.push({ level: 'log', entry }),
    warn: (entry: unknown) => lines.push({ level: 'warn', entry }),
    error: (entry: unknown) => lines.push({ level: 'error', entry }),
    debug: (entry: unknown) => lines.push({ level: 'debug', entry }),
  };
  return { lines, sink };
}

const ID = '31010419900307123X';
const PHONE = '13812345678';
const SQL = 'INSERT INTO entries (national_id, phone) VALUES ($1, $2)';

describe('PlatformTypeOrmLogger (never query parameters)', () => {
  it('logs a failing query with its SQL text and error code, never its parameters, message or detail', () => {
    const { lines, sink } = capture();
    const error = Object.assign(new Error(`duplicate key value violates unique constraint; value ${ID}`), {
      name: 'QueryFailedError',
      driverError: {
        code: '23505',
        constraint: 'entries_one_active_per_person_unit',
        table: 'entries',
        detail: `Key (national_id)=(${ID}) already exists.`,
      },
    });
    new PlatformTypeOrmLogger(['error'], sink).logQueryError(error, SQL, [ID, PHONE]);
    expect(lines).toEqual([
      {
        level: 'error',
        entry: {
          msg: 'query failed',
          query: SQL,
          error: 'QueryFailedError',
          code: '23505',
          constraint: 'entries_one_active_per_person_unit',
          table: 'entries',
        },
      },
    ]);
    expect(JSON.stringify(lines)).not.toContain(ID);
    expect(JSON.stringify(lines)).not.toContain(PHONE);
  });

  it('writes queries and slow queries without parameters, and only at the enabled levels', () => {
    const { lines, sink } = capture();
    const all = new PlatformTypeOrmLogger('all', sink);
    all.logQuery(SQL, [ID, PHONE]);
    all.logQuerySlow(1500, SQL, [ID, PHONE]);
    expect(lines).toEqual([
      { level: 'debug', entry: { msg: 'query', query: SQL } },
      { level: 'warn', entry: { msg: 'slow query', durationMs: 1500, query: SQL } },
    ]);
    const quiet = capture();
    const errorsOnly = new PlatformTypeOrmLogger(['error'], quiet.sink);
    errorsOnly.logQuery(SQL, [ID]);
    errorsOnly.logMigration('applied');
    errorsOnly.log('info', 'x');
    expect(quiet.lines).toEqual([]);
    new PlatformTypeOrmLogger(false, quiet.sink).logQueryError(new Error('x'), SQL, [ID]);
    expect(quiet.lines).toEqual([]);
  });

  it('keeps only identifying fields of a driver error', () => {
    expect(safeErrorFields('boom')).toEqual({ error: 'query error' });
    expect(safeErrorFields(Object.assign(new Error(ID), { code: '22P02', detail: ID }))).toEqual({ error: 'Error', code: '22P02' });
  });
});
