/**
 * @module
 * The tar layer of Belenios `.bel` archives (Belenios 2.0 specification §4.4): a sequence of ustar
 * entries without end-of-archive blocks (archives grow by appending). Only what `.bel` files use:
 * regular files with short names.
 */
import { utf8 } from '@imago/helios-c';

/** One file of an archive. */
export interface BelEntry {
  readonly name: string;
  readonly content: Uint8Array;
}

const BLOCK = 512;
const decoder = new TextDecoder('utf-8', { fatal: true });

function octal(bytes: Uint8Array, start: number, length: number): number {
  const text = decoder
    .decode(bytes.subarray(start, start + length))
    .replace(/[\0 ]+$/, '')
    .replace(/^ +/, '');
  if (!/^[0-7]+$/.test(text)) throw new RangeError(`bad octal field at ${start}`);
  return Number.parseInt(text, 8);
}

/**
 * Reads the entries of a `.bel` archive.
 *
 * @param bytes - the archive.
 * @returns its files in order.
 * @throws RangeError on a malformed archive.
 */
export function readBelEntries(bytes: Uint8Array): BelEntry[] {
  const entries: BelEntry[] = [];
  let offset = 0;
  while (offset + BLOCK <= bytes.length) {
    const header = bytes.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break;
    const nameEnd = header.subarray(0, 100).indexOf(0);
    const name = decoder.decode(header.subarray(0, nameEnd < 0 ? 100 : nameEnd));
    const size = octal(header, 124, 12);
    const start = offset + BLOCK;
    if (start + size > bytes.length) throw new RangeError(`truncated entry ${name}`);
    entries.push({ name, content: bytes.slice(start, start + size) });
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}

function writeOctal(target: Uint8Array, start: number, length: number, value: number): void {
  target.set(utf8(value.toString(8).padStart(length - 1, '0')), start);
  target[start + length - 1] = 0;
}

/**
 * Encodes one entry as belenios-tool writes it (mode 0644, uid/gid 0, type `0`).
 *
 * @param name - file name (at most 99 bytes).
 * @param content - file content.
 * @param mtime - modification time in seconds.
 * @returns the bytes of the entry.
 */
export function encodeBelEntry(name: string, content: Uint8Array, mtime: number): Uint8Array {
  const out = new Uint8Array(BLOCK + Math.ceil(content.length / BLOCK) * BLOCK);
  const header = out.subarray(0, BLOCK);
  header.set(utf8(name), 0);
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
