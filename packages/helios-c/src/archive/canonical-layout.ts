/**
 * The canonical record layout of a `.bel` archive (Belenios 2.0 specification §4.4): the archive
 * that belenios-tool regenerates from the event chain when it checks an archive (`election verify`
 * rewrites it and compares block by block). From the header timestamp and the last event, walking
 * the chain back to the Setup event, every event contributes, in order:
 *
 * - `Setup`: the election, trustees and credentials data, the setup data, the event;
 * - `Ballot`, `Result`: the payload data, the event;
 * - `EncryptedTally`: the encrypted tally, the sized-tally payload data, the event;
 * - `Shuffle`, `PartialDecryption`: the inner data, the `owned` payload data, the event;
 * - `EndBallots`, `EndShuffles`: the event only.
 *
 * Every record carries the header timestamp as its file time and events are written in their
 * canonical serialisation. Anything else (duplicated or extra data, records out of order, another
 * file time, trailing bytes) makes belenios-tool reject the archive.
 *
 * @module
 */
import { bytesEqual, fromUtf8 } from '../encoding/bytes';
import { field, hashAt, objectAt, parseJsonText, runDecoder } from '../json/decoder';
import {
  type Archive,
  type ArchiveEvent,
  encodeArchiveHeader,
  encodeDataEntry,
  encodeEventEntry,
} from './archive';

/** One record of the canonical layout. */
export interface CanonicalRecord {
  /** The tar file name (`<sha256>.data.json` or `<sha256>.event.json`). */
  readonly name: string;
  /** What the record is, e.g. `inner data of event 7 (Shuffle)`. */
  readonly role: string;
  /** The exact bytes belenios-tool writes (tar header and padded content). */
  readonly bytes: Uint8Array;
}

/** Where an archive departs from its canonical layout. */
export interface LayoutDeviation {
  /** Byte offset of the first differing record (or of the trailing bytes). */
  readonly offset: number;
  /** Precise reason. */
  readonly reason: string;
}

/** A reason the layout cannot be derived (thrown inside this module only). */
class LayoutError extends Error {}

function eventLabel(event: ArchiveEvent): string {
  return `event ${event.height} (${event.type})`;
}

function innerHashes(event: ArchiveEvent, text: string | undefined): string[] {
  const path = `payload of ${eventLabel(event)}`;
  const decoded = runDecoder(() => {
    if (text === undefined) throw new Error('not UTF-8');
    const o = objectAt(parseJsonText(text), path);
    if (event.type === 'Setup')
      return ['election', 'trustees', 'credentials'].map((k) => hashAt(field(o, k, path), `${path}.${k}`));
    if (event.type === 'EncryptedTally')
      return [hashAt(field(o, 'encrypted_tally', path), `${path}.encrypted_tally`)];
    return [hashAt(field(o, 'payload', path), `${path}.payload`)];
  });
  if (!decoded.ok) throw new LayoutError(`cannot read the ${path}: ${decoded.error.message}`);
  return decoded.value;
}

/**
 * Computes the records belenios-tool regenerates for an archive, in order.
 * @param archive - a decoded archive
 * @returns the header bytes and the records, or the reason they cannot be derived (broken chain,
 *   missing data, unreadable payload)
 * @example
 * const layout = canonicalRecords(archive);
 * if (layout.ok) console.log(layout.records.map((r) => r.name));
 */
export function canonicalRecords(
  archive: Archive,
):
  | { ok: true; header: Uint8Array; records: CanonicalRecord[] }
  | { ok: false; reason: string; offset: number } {
  const timestamp = Number(archive.header.timestamp);
  if (!Number.isSafeInteger(timestamp) || timestamp < 0)
    return {
      ok: false,
      reason: `header timestamp ${archive.header.timestamp} is not a file time`,
      offset: 0,
    };
  const byHash = new Map(archive.events.map((e) => [e.hash, e]));
  const last = archive.events.at(-1);
  if (last === undefined) return { ok: false, reason: 'no events', offset: 0 };
  const offsets = new Map(archive.entries.map((e) => [e.name, e.offset]));
  const offsetOf = (e: ArchiveEvent) => offsets.get(`${e.hash}.event.json`) ?? 0;
  const chain: ArchiveEvent[] = [last];
  for (let e = last; e.parent !== undefined; ) {
    const parent = byHash.get(e.parent);
    if (parent === undefined)
      return { ok: false, reason: `parent of ${eventLabel(e)} not in archive`, offset: offsetOf(e) };
    chain.unshift(parent);
    e = parent;
  }
  const records: CanonicalRecord[] = [];
  const data = (hash: string, role: string): void => {
    const bytes = archive.data.get(hash);
    if (bytes === undefined) throw new LayoutError(`${role} ${hash} not in archive`);
    const entry = encodeDataEntry(bytes, timestamp);
    records.push({ name: `${entry.hash}.data.json`, role, bytes: entry.bytes });
  };
  let current: ArchiveEvent | undefined;
  try {
    for (const event of chain) {
      current = event;
      const label = eventLabel(event);
      const payload = event.payload;
      if (event.type === 'EndBallots' || event.type === 'EndShuffles') {
        if (payload !== undefined) throw new LayoutError(`extra payload in ${label}`);
      } else {
        if (payload === undefined) throw new LayoutError(`missing payload in ${label}`);
        if (event.type !== 'Ballot' && event.type !== 'Result') {
          const bytes = archive.data.get(payload);
          const inner = innerHashes(event, bytes === undefined ? undefined : fromUtf8(bytes));
          const roles = event.type === 'Setup' ? ['election', 'trustees', 'credentials'] : [`inner data`];
          for (const [i, h] of inner.entries()) data(h, `${roles[i]} of ${label}`);
        }
        data(payload, `payload of ${label}`);
      }
      const entry = encodeEventEntry(event, timestamp);
      records.push({ name: `${entry.hash}.event.json`, role: label, bytes: entry.bytes });
    }
  } catch (error) {
    if (error instanceof LayoutError)
      return { ok: false, reason: error.message, offset: current ? offsetOf(current) : 0 };
    throw error;
  }
  return { ok: true, header: encodeArchiveHeader(timestamp), records };
}

/**
 * Finds where an archive departs from the layout belenios-tool regenerates (see module comment).
 * @param bytes - the archive bytes
 * @param archive - the same archive, decoded
 * @returns the first deviation, or `undefined` when the archive is byte-for-byte canonical
 * @example
 * const deviation = findLayoutDeviation(bytes, archive);
 * if (deviation) console.error(`at byte ${deviation.offset}: ${deviation.reason}`);
 */
export function findLayoutDeviation(bytes: Uint8Array, archive: Archive): LayoutDeviation | undefined {
  const layout = canonicalRecords(archive);
  if (!layout.ok) return { offset: layout.offset, reason: layout.reason };
  const entries = archive.entries;
  const timestamp = archive.header.timestamp;
  const header = entries[0];
  if (header === undefined || !bytesEqual(bytes.subarray(0, layout.header.length), layout.header)) {
    const expected = fromUtf8(layout.header.subarray(512)) ?? '';
    return {
      offset: 0,
      reason: `the BELENIOS header is not the canonical ${expected.replace(/\0+$/, '')} with file time ${timestamp}`,
    };
  }
  const seen = new Map<string, number>();
  let offset = layout.header.length;
  for (const [i, record] of layout.records.entries()) {
    const found = entries[i + 1];
    if (found === undefined)
      return { offset, reason: `archive ends where ${record.role} (${record.name}) is expected` };
    if (found.name !== record.name) {
      const earlier = seen.get(found.name);
      const what =
        earlier === undefined
          ? layout.records.some((r) => r.name === found.name)
            ? 'a record out of order'
            : 'a record that belongs to no event'
          : `a duplicate of the record at byte ${earlier}`;
      return {
        offset: found.offset,
        reason: `found ${found.name}, ${what}, where ${record.role} (${record.name}) is expected`,
      };
    }
    if (found.mtime !== Number(timestamp))
      return {
        offset: found.offset,
        reason: `${found.name} has file time ${found.mtime}, expected the header timestamp ${timestamp}`,
      };
    if (
      found.offset !== offset ||
      !bytesEqual(bytes.subarray(offset, offset + record.bytes.length), record.bytes)
    )
      return {
        offset: found.offset,
        reason: `${found.name} (${record.role}) is not stored as belenios-tool writes it (tar header, content or padding)`,
      };
    seen.set(found.name, found.offset);
    offset += record.bytes.length;
  }
  const extra = entries[layout.records.length + 1];
  if (extra !== undefined)
    return { offset: extra.offset, reason: `found ${extra.name} after the last event of the chain` };
  if (bytes.length !== offset)
    return { offset, reason: `${bytes.length - offset} trailing bytes after the last record` };
  return undefined;
}
