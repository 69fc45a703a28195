export * from './tabular-row';
export * from './csv-writer';
export * from './xlsx-writer';
export * from './xlsx-reader';
export * from './tabular-file';
export { zipStream, type ZipEntry } from './zip-stream';
export { readZipEntries, ZipFormatError } from './zip-read';
