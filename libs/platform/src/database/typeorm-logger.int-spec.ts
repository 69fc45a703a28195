import { Logger } from '@nestjs/common';
import { createTestDataSource, type TestDataSource } from '../testing';
import { syntheticNationalId } from '../testing/national-id';

jest.setTimeout(30_000);

const ID = syntheticNationalId();

describe('platform DataSource logging (real PostgreSQL)', () => {
  let ds: TestDataSource;

  beforeAll(async () => {
    ds = await createTestDataSource({ schemaPrefix: 'typeorm_logger_it' });
    await ds.query('CREATE TABLE people (id int PRIMARY KEY, national_id text NOT NULL UNIQUE)');
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await ds?.destroy();
  });

  it('logs a failing query with its text and SQLSTATE, never the parameters nor values quoted by the server', async () => {
    const errors: unknown[] = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((entry: unknown) => void errors.push(entry));
    await ds.query('INSERT INTO people (id, national_id) VALUES ($1, $2)', [1, ID]);
    await expect(ds.query('INSERT INTO people (id, national_id) VALUES ($1, $2)', [2, ID])).rejects.toThrow();
    await expect(ds.query('SELECT * FROM people WHERE id = $1', [ID])).rejects.toThrow();
    expect(errors).toEqual([
      expect.objectContaining({
        msg: 'query failed',
        query: 'INSERT INTO people (id, national_id) VALUES ($1, $2)',
        code: '23505',
        constraint: 'people_national_id_key',
      }),
      expect.objectContaining({ msg: 'query failed', query: 'SELECT * FROM people WHERE id = $1', code: '22003' }), // the server's message quotes the value: it is left out
    ]);
    expect(JSON.stringify(errors)).not.toContain(ID);
  });
});
