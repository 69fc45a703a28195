import { once } from 'node:events';
import { crc32, createDeflateRaw } from 'node:zlib';

/** One file of a zip archive: its name (ASCII) and its content, produced lazily. */
export interface ZipEntry {
  name: string;
  content: AsyncIterable<Buffer> | Iterable<Buffer>;
}

interface Written {
  name: Buffer;
  offset: number;
  crc: number;
  compressedSize: number;
  size: number;
}

// Zip without Zip64: every size and offset must fit 32 bits. A city roster is ~100 MB.
const LIMIT = 0xffffffff;
const DEFLATE = 8;
const DATA_DESCRIPTOR_FLAG = 0x0008;
const VERSION = 20;

/**
 * A zip archive streamed entry by entry: each entry is deflated as it is produced and its CRC and
 * sizes follow it in a data descriptor, so nothing is held in memory beyond zlib's window and the
 * consumer's backpressure is respected. Used for XLSX, which is a zip of XML parts.
 */
export async function* zipStream(entries: Iterable<ZipEntry>, modified = new Date()): AsyncGenerator<Buffer> {
  const { time, date } = dosDateTime(modified);
  const written: Written[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'ascii');
    const header = localHeader(name, time, date);
    yield header;
    const file: Written = { name, offset, crc: 0, compressedSize: 0, size: 0 };
    offset += header.length;
    for await (const chunk of deflated(entry.content, file)) {
      file.compressedSize += chunk.length;
      yield chunk;
    }
    if (file.size > LIMIT || offset + file.compressedSize > LIMIT) throw new Error(`zip entry ${entry.name} exceeds 4 GiB`);
    const descriptor = dataDescriptor(file);
    yield descriptor;
    offset += file.compressedSize + descriptor.length;
    written.push(file);
  }
  yield centralDirectory(written, offset, time, date);
}

/** The entry's content deflated; CRC and uncompressed size are counted into `file` on the way in. */
async function* deflated(content: ZipEntry['content'], file: Written): AsyncGenerator<Buffer> {
  const deflate = createDeflateRaw();
  const stop = new AbortController();
  const feeding = (async () => {
    for await (const chunk of content) {
      file.crc = crc32(chunk, file.crc);
      file.size += chunk.length;
      if (!deflate.write(chunk)) await once(deflate, 'drain', { signal: stop.signal });
    }
    deflate.end();
  })();
  // A failing source fails the archive; a consumer that leaves early stops the source (its cursor closes).
  feeding.catch((error: unknown) => deflate.destroy(error instanceof Error ? error : new Error(String(error))));
  try {
    for await (const chunk of deflate) yield chunk as Buffer;
    await feeding;
  } finally {
    stop.abort();
    deflate.destroy();
    await feeding.catch(() => undefined);
  }
}

function localHeader(name: Buffer, time: number, date: number): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(VERSION, 4);
  header.writeUInt16LE(DATA_DESCRIPTOR_FLAG, 6);
  header.writeUInt16LE(DEFLATE, 8);
  header.writeUInt16LE(time, 10);
  header.writeUInt16LE(date, 12);
  // CRC and sizes are zero here: they follow the data (flag bit 3).
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name]);
}

function dataDescriptor(file: Written): Buffer {
  const descriptor = Buffer.alloc(16);
  descriptor.writeUInt32LE(0x08074b50, 0);
  descriptor.writeUInt32LE(file.crc >>> 0, 4);
  descriptor.writeUInt32LE(file.compressedSize, 8);
  descriptor.writeUInt32LE(file.size, 12);
  return descriptor;
}

function centralDirectory(files: Written[], start: number, time: number, date: number): Buffer {
  const records = files.map((file) => {
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(VERSION, 4);
    record.writeUInt16LE(VERSION, 6);
    record.writeUInt16LE(DATA_DESCRIPTOR_FLAG, 8);
    record.writeUInt16LE(DEFLATE, 10);
    record.writeUInt16LE(time, 12);
    record.writeUInt16LE(date, 14);
    record.writeUInt32LE(file.crc >>> 0, 16);
    record.writeUInt32LE(file.compressedSize, 20);
    record.writeUInt32LE(file.size, 24);
    record.writeUInt16LE(file.name.length, 28);
    record.writeUInt32LE(file.offset, 42);
    return Buffer.concat([record, file.name]);
  });
  const directory = Buffer.concat(records);
  if (start + directory.length > LIMIT) throw new Error('zip archive exceeds 4 GiB');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(start, 16);
  return Buffer.concat([directory, end]);
}

/** MS-DOS time and date fields (2-second resolution, local fields of the given instant in UTC). */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.max(at.getUTCFullYear(), 1980);
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}
