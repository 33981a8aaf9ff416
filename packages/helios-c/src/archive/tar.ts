/**
 * The old-style (v7) tar layout of Belenios public archives (Belenios 2.0 specification §4.4), read
 * and written as belenios-tool does: 512-byte headers with octal fields, mode `0000644`, uid/gid 0,
 * typeflag `0`, no ustar magic, and no end-of-archive blocks (archives are append-only).
 *
 * @module
 */
import { fromUtf8, utf8 } from '../encoding/bytes';
import { InvalidArchiveError } from '../errors/invalid-archive-error';

/** One file of a tar archive. */
export interface TarEntry {
  readonly name: string;
  readonly content: Uint8Array;
  /** Modification time, seconds since the epoch. */
  readonly mtime: number;
  /** Byte offset of the entry's header. */
  readonly offset: number;
}

const BLOCK = 512;

function octalField(bytes: Uint8Array, start: number, length: number, offset: number, what: string): number {
  const text = fromUtf8(bytes.subarray(start, start + length));
  const cleaned = text?.replace(/[\0 ]+$/, '').replace(/^ +/, '');
  if (cleaned === undefined || !/^[0-7]+$/.test(cleaned))
    throw new InvalidArchiveError(offset, `bad ${what} field`);
  return Number.parseInt(cleaned, 8);
}

/**
 * Splits a tar archive into entries. Trailing zero blocks are accepted and ignored.
 * @param bytes - the archive
 * @returns the entries in order
 * @throws InvalidArchiveError on a truncated or malformed archive
 */
export function readTar(bytes: Uint8Array): TarEntry[] {
  const entries: TarEntry[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    if (offset + BLOCK > bytes.length) throw new InvalidArchiveError(offset, 'truncated header');
    const header = bytes.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break;
    const expected = octalField(header, 148, 8, offset, 'checksum');
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (header[i] as number);
    if (sum !== expected) throw new InvalidArchiveError(offset, 'header checksum mismatch');
    const nameEnd = header.subarray(0, 100).indexOf(0);
    const name = fromUtf8(header.subarray(0, nameEnd < 0 ? 100 : nameEnd));
    if (name === undefined || name.length === 0) throw new InvalidArchiveError(offset, 'bad file name');
    const size = octalField(header, 124, 12, offset, 'size');
    const mtime = octalField(header, 136, 12, offset, 'mtime');
    const type = header[156];
    if (type !== 0x30 && type !== 0) throw new InvalidArchiveError(offset, 'not a regular file');
    const start = offset + BLOCK;
    if (start + size > bytes.length) throw new InvalidArchiveError(offset, 'truncated file content');
    entries.push({ name, content: bytes.subarray(start, start + size), mtime, offset });
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}

function writeOctal(target: Uint8Array, start: number, length: number, value: number): void {
  const text = value.toString(8).padStart(length - 1, '0');
  target.set(utf8(text), start);
  target[start + length - 1] = 0;
}

/**
 * Encodes one tar entry (header and zero-padded content) exactly as belenios-tool writes it.
 * @param name - file name (at most 99 bytes)
 * @param content - file content
 * @param mtime - modification time in seconds
 * @returns the bytes to append to the archive
 */
export function encodeTarEntry(name: string, content: Uint8Array, mtime: number): Uint8Array {
  const nameBytes = utf8(name);
  if (nameBytes.length > 99) throw new RangeError('tar file name too long');
  const out = new Uint8Array(BLOCK + Math.ceil(content.length / BLOCK) * BLOCK);
  const header = out.subarray(0, BLOCK);
  header.set(nameBytes, 0);
  writeOctal(header, 100, 8, 0o644);
  writeOctal(header, 108, 8, 0);
  writeOctal(header, 116, 8, 0);
  writeOctal(header, 124, 12, content.length);
  writeOctal(header, 136, 12, mtime);
  header[156] = 0x30;
  header.fill(32, 148, 156);
  let sum = 0;
  for (const b of header) sum += b;
  header.set(utf8(sum.toString(8).padStart(6, '0')), 148);
  header[154] = 0;
  header[155] = 32;
  out.set(content, BLOCK);
  return out;
}
