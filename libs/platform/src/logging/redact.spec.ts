import { Writable } from 'node:stream';
import { PlatformLogger } from './platform-logger';
import { redact, REDACTED, redactString } from './redact';
import { runWithRequestContext } from './request-context';

describe('redact', () => {
  it('scrubs 18-character national IDs, with digit or X check character', () => {
    expect(redactString('id 31010119900307123X ok')).toBe('id [national-id] ok');
    expect(redactString('id=310101199003071234,')).toBe('id=[national-id],');
  });

  it('scrubs legacy 15-digit national IDs', () => {
    expect(redactString('old 310101900307123 card')).toBe('old [national-id] card');
  });

  it('scrubs mainland mobile numbers, with or without +86', () => {
    expect(redactString('call 13812345678 or +86 13912345678')).toBe('call [phone] or [phone]');
    expect(redactString('8613812345678')).toBe('[phone]');
  });

  it('leaves org unit codes, short numbers and non-mobile 11-digit numbers alone', () => {
    expect(redactString('unit 310101002001 street 310101002 city 31')).toBe('unit 310101002001 street 310101002 city 31');
    expect(redactString('12345678901 and 02112345678')).toBe('12345678901 and 02112345678');
  });

  it('redacts by key anywhere in nested objects and arrays', () => {
    const out = redact({
      worker: { nationalId: 'anything', Phone: 'x', id_number: 'y', name: 'ok' },
      headers: { authorization: 'Bearer abc' },
      notes: ['reach me at 13812345678'],
    });
    expect(out).toEqual({
      worker: { nationalId: REDACTED, Phone: REDACTED, id_number: REDACTED, name: 'ok' },
      headers: { authorization: REDACTED },
      notes: ['reach me at [phone]'],
    });
  });

  it('scrubs errors and survives cycles', () => {
    const a: Record<string, unknown> = { note: '13812345678' };
    a.self = a;
    expect(redact(a)).toEqual({ note: '[phone]', self: '[circular]' });
    const err = redact(new Error('bad 31010119900307123X')) as { message: string };
    expect(err.message).toBe('bad [national-id]');
  });
});

describe('PlatformLogger', () => {
  function capture(): { logger: PlatformLogger; lines: () => Record<string, unknown>[] } {
    const chunks: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _enc, cb) {
        chunks.push(chunk.toString());
        cb();
      },
    });
    const logger = new PlatformLogger({ serviceName: 'test', destination });
    return {
      logger,
      lines: () =>
        chunks
          .join('')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as Record<string, unknown>),
    };
  }

  it('writes JSON lines with the request id and no personal data', () => {
    const { logger, lines } = capture();
    runWithRequestContext({ requestId: 'req-1' }, () => {
      logger.log('created worker 31010119900307123X', 'WorkersService');
      logger.warn({ msg: 'contact', phone: '13812345678', nested: { text: 'tel 13812345678' } });
    });
    const [first, second] = lines();
    expect(first).toMatchObject({
      level: 'info',
      service: 'test',
      requestId: 'req-1',
      context: 'WorkersService',
      msg: 'created worker [national-id]',
    });
    expect(second).toMatchObject({ level: 'warn', requestId: 'req-1', msg: 'contact', phone: REDACTED, nested: { text: 'tel [phone]' } });
    expect(JSON.stringify(lines())).not.toMatch(/13812345678|31010119900307123X/);
  });
});
