import { redact } from './redact';

describe('a logged error never carries a row or its parameters (issue 8, defect 8)', () => {
  function driverError(): Error {
    const err = new Error('null value in column "post_level" of relation "workers" violates not-null constraint') as Error &
      Record<string, unknown>;
    Object.assign(err, {
      code: '23502',
      table: 'workers',
      column: 'post_level',
      detail: 'Failing row contains (1, 工人69002, female, 1990-05-17, personRef-abc)',
      parameters: ['工人69002', 'v1.ciphertext'],
    });
    return err;
  }

  it('drops detail and parameters, keeps SQLSTATE, table and column', () => {
    const out = JSON.stringify(redact(driverError()));
    expect(out).not.toContain('工人69002');
    expect(out).not.toContain('ciphertext');
    expect(out).toContain('23502');
    expect(out).toContain('post_level');
  });

  it('a TypeORM QueryFailedError-like wrapper loses the quoted value in its message and its driverError detail', () => {
    const wrapper = new Error('invalid input syntax for type uuid: "王五-1990-05-17"') as Error & Record<string, unknown>;
    Object.assign(wrapper, { code: '22P02', query: 'SELECT 1 WHERE id = $1', parameters: ['王五-1990-05-17'], driverError: driverError() });
    const out = JSON.stringify(redact(wrapper));
    expect(out).not.toContain('王五');
    expect(out).not.toContain('Failing row');
    expect(out).toContain('22P02');
  });
});
