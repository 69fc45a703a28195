import { crc32, inflateRawSync } from 'node:zlib';

/** Why a file could not be read as a zip: the caller turns it into a 400 naming its field. */
export class ZipFormatError extends Error {}

const STORED = 0;
const DEFLATE = 8;

/**
 * The named entries of a zip archive held in memory (an upload already bounded in size), inflated
 * with a cap on each entry's size so a small "zip bomb" cannot expand into gigabytes.
 */
export function readZipEntries(archive: Buffer, wanted: (name: string) => boolean, maxEntryBytes: number): Map<string, Buffer> {
  const end = findEndOfCentralDirectory(archive);
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let index = 0; index < count; index++) {
    if (at + 46 > archive.length || archive.readUInt32LE(at) !== 0x02014b50) throw new ZipFormatError('broken zip central directory');
    const method = archive.readUInt16LE(at + 10);
    const crc = archive.readUInt32LE(at + 16);
    const compressedSize = archive.readUInt32LE(at + 20);
    const size = archive.readUInt32LE(at + 24);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const localOffset = archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (!wanted(name)) continue;
    if (size > maxEntryBytes) throw new ZipFormatError(`${name} expands to more than ${maxEntryBytes} bytes`);
    const content = inflateEntry(archive, localOffset, method, compressedSize, maxEntryBytes, name);
    if (crc32(content) >>> 0 !== crc) throw new ZipFormatError(`zip entry ${name} is corrupt (CRC mismatch)`);
    entries.set(name, content);
  }
  return entries;
}

function inflateEntry(archive: Buffer, offset: number, method: number, compressedSize: number, maxBytes: number, name: string): Buffer {
  if (offset + 30 > archive.length || archive.readUInt32LE(offset) !== 0x04034b50) throw new ZipFormatError(`broken zip entry ${name}`);
  const start = offset + 30 + archive.readUInt16LE(offset + 26) + archive.readUInt16LE(offset + 28);
  const data = archive.subarray(start, start + compressedSize);
  if (data.length !== compressedSize) throw new ZipFormatError(`truncated zip entry ${name}`);
  if (method === STORED) return data;
  if (method !== DEFLATE) throw new ZipFormatError(`zip entry ${name} uses compression method ${method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch {
    throw new ZipFormatError(`zip entry ${name} cannot be inflated or expands to more than ${maxBytes} bytes`);
  }
}

function findEndOfCentralDirectory(archive: Buffer): number {
  // The record is 22 bytes plus a comment of up to 65,535 bytes at the very end.
  for (let at = archive.length - 22; at >= Math.max(0, archive.length - 22 - 0xffff); at--) {
    if (archive.readUInt32LE(at) === 0x06054b50) return at;
  }
  throw new ZipFormatError('not a zip archive (an XLSX file is one)');
}
