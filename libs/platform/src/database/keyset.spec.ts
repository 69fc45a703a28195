import { DomainError } from '../errors';
import { decodeKeysetCursor, encodeKeysetCursor, keysetStart } from './keyset';

const position = { updatedAt: '2026-12-02T06:15:42.123456Z', id: '0b6c6f57-1f4e-4a55-9a3e-5d6f3e0f7a11' };

describe('keyset cursors (issue 14 bootstrap walks)', () => {
  it('a cursor is opaque URL-safe text that gives back its position, microseconds kept', () => {
    const cursor = encodeKeysetCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeKeysetCursor(cursor)).toEqual(position);
  });

  it.each([
    ['not base64 JSON', 'not a cursor!'],
    ['another shape', Buffer.from(JSON.stringify({ a: 1 })).toString('base64url')],
    ['an instant without zone', encodeKeysetCursor({ ...position, updatedAt: '2026-12-02T06:15:42' })],
    ['an id that is no UUID', encodeKeysetCursor({ ...position, id: "x' OR 1=1" })],
  ])('%s is 400 VALIDATION_FAILED on the field', (_what, raw) => {
    let failure: unknown;
    try {
      decodeKeysetCursor(raw, 'cursor');
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(DomainError);
    expect(failure).toMatchObject({ code: 'VALIDATION_FAILED', field: 'cursor' });
  });

  it('a walk starts after the cursor, else at updatedSince inclusive, else at the beginning', () => {
    expect(keysetStart({ cursor: encodeKeysetCursor(position), updatedSince: '2020-01-01T00:00:00Z' })).toEqual(position);
    expect(keysetStart({ updatedSince: '2026-01-01T00:00:00+08:00' })).toEqual({
      updatedAt: '2026-01-01T00:00:00+08:00',
      id: '00000000-0000-0000-0000-000000000000',
    });
    expect(keysetStart({}).updatedAt).toBe('1970-01-01T00:00:00Z');
  });

  it('a text key (a unit code) round-trips; its start sorts before every code; a uuid walk refuses it', () => {
    const street = { updatedAt: position.updatedAt, id: '310101002' };
    const cursor = encodeKeysetCursor(street);
    expect(decodeKeysetCursor(cursor, 'cursor', 'text')).toEqual(street);
    expect(keysetStart({ updatedSince: '2026-01-01T00:00:00Z' }, 'text')).toEqual({ updatedAt: '2026-01-01T00:00:00Z', id: '' });
    expect(() => decodeKeysetCursor(cursor)).toThrow(DomainError);
    expect(() => decodeKeysetCursor(encodeKeysetCursor({ ...street, id: "31' OR 1=1" }), 'cursor', 'text')).toThrow(DomainError);
  });
});
