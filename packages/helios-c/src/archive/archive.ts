/**
 * The public event archive (`.bel`, Belenios 2.0 specification §4.4): a `BELENIOS` header followed
 * by data and events named after the SHA-256 of their content, the events forming a hash chain.
 * Hashes are always computed over the bytes as stored.
 *
 * @module
 */
import { fromUtf8, utf8 } from '../encoding/bytes';
import { sha256Hex } from '../encoding/sha256';
import { InvalidArchiveError } from '../errors/invalid-archive-error';
import type { MalformedInputError } from '../errors/malformed-input-error';
import {
  fail,
  field,
  hashAt,
  objectAt,
  optionalField,
  type ParseResult,
  parseJsonText,
  runDecoder,
  smallIntAt,
  stringAt,
} from '../json/decoder';
import { jsonString } from '../json/json-string';
import { encodeTarEntry, readTar, type TarEntry } from './tar';

/** Event types (§4.4). */
export const eventTypes = [
  'Setup',
  'Ballot',
  'EndBallots',
  'EncryptedTally',
  'Shuffle',
  'EndShuffles',
  'PartialDecryption',
  'Result',
] as const;

/** The type of an event. */
export type EventType = (typeof eventTypes)[number];

/** An event of the hash chain. */
export interface ArchiveEvent {
  readonly parent?: string;
  readonly height: number;
  readonly type: EventType;
  readonly payload?: string;
  /** SHA-256 (hex) of the event's bytes as stored. */
  readonly hash: string;
}

/** The archive header (the `BELENIOS` file). */
export interface ArchiveHeader {
  readonly version: number;
  readonly timestamp: string;
}

/** A stored file whose name does not match the hash of its content. */
export interface MisnamedEntry {
  readonly name: string;
  readonly actualHash: string;
  readonly offset: number;
}

/** A decoded archive: raw data by hash, events in order. */
export interface Archive {
  readonly header: ArchiveHeader;
  /** Data payloads by the SHA-256 (hex) of their bytes. */
  readonly data: ReadonlyMap<string, Uint8Array>;
  /** Events in archive order. */
  readonly events: readonly ArchiveEvent[];
  /** Files whose name is not the hash of their content (a verification failure). */
  readonly misnamed: readonly MisnamedEntry[];
  /** The raw tar entries. */
  readonly entries: readonly TarEntry[];
}

/**
 * Decodes an event's JSON text.
 * @param text - the event JSON
 * @param hash - the SHA-256 of its bytes
 * @param path - path for errors
 * @returns the event
 */
export function decodeEvent(text: string, hash: string, path = '$'): ArchiveEvent {
  const o = objectAt(parseJsonText(text), path);
  const type = stringAt(field(o, 'type', path), `${path}.type`);
  if (!(eventTypes as readonly string[]).includes(type)) fail(`${path}.type`, 'an event type');
  const parent = optionalField(o, 'parent');
  const payload = optionalField(o, 'payload');
  return {
    ...(parent === undefined ? {} : { parent: hashAt(parent, `${path}.parent`) }),
    height: smallIntAt(field(o, 'height', path), `${path}.height`),
    type: type as EventType,
    ...(payload === undefined ? {} : { payload: hashAt(payload, `${path}.payload`) }),
    hash,
  };
}

/**
 * Serializes an event as belenios-tool does (`parent`, `height`, `type`, `payload`).
 * @param event - the event (its hash is ignored)
 * @returns the JSON text
 */
export function serializeEvent(event: Omit<ArchiveEvent, 'hash'>): string {
  const parent = event.parent === undefined ? '' : `"parent":${jsonString(event.parent)},`;
  const payload = event.payload === undefined ? '' : `,"payload":${jsonString(event.payload)}`;
  return `{${parent}"height":${event.height},"type":${jsonString(event.type)}${payload}}`;
}

const dataName = /^([0-9a-f]{64})\.data\.json$/;
const eventName = /^([0-9a-f]{64})\.event\.json$/;

/**
 * Reads a `.bel` archive.
 * @param bytes - the archive bytes
 * @returns the archive, or an error (InvalidArchiveError or MalformedInputError) locating the defect
 * @example
 * const read = readArchive(bytes);
 * if (read.ok) console.log(read.value.events.length);
 */
export function readArchive(
  bytes: Uint8Array,
): { ok: true; value: Archive } | { ok: false; error: InvalidArchiveError | MalformedInputError } {
  let entries: TarEntry[];
  try {
    entries = readTar(bytes);
  } catch (error) {
    if (error instanceof InvalidArchiveError) return { ok: false, error };
    throw error;
  }
  const first = entries[0];
  if (first?.name !== 'BELENIOS')
    return { ok: false, error: new InvalidArchiveError(0, 'missing BELENIOS header') };
  const headerText = fromUtf8(first.content);
  const header = runDecoder((): ArchiveHeader => {
    if (headerText === undefined) fail('BELENIOS', 'UTF-8 text');
    const o = objectAt(parseJsonText(headerText), 'BELENIOS');
    const version = smallIntAt(field(o, 'version', 'BELENIOS'), 'BELENIOS.version');
    if (version !== 1) fail('BELENIOS.version', 'version 1');
    const ts = field(o, 'timestamp', 'BELENIOS');
    const timestamp = typeof ts === 'number' ? String(ts) : stringAt(ts, 'BELENIOS.timestamp');
    return { version, timestamp };
  });
  if (!header.ok) return header;
  const data = new Map<string, Uint8Array>();
  const events: ArchiveEvent[] = [];
  const misnamed: MisnamedEntry[] = [];
  for (const entry of entries.slice(1)) {
    const actualHash = sha256Hex(entry.content);
    const d = dataName.exec(entry.name);
    const e = eventName.exec(entry.name);
    if (!d && !e)
      return { ok: false, error: new InvalidArchiveError(entry.offset, `unexpected file ${entry.name}`) };
    const declared = (d ?? e)?.[1] as string;
    if (declared !== actualHash) misnamed.push({ name: entry.name, actualHash, offset: entry.offset });
    if (d) {
      data.set(actualHash, entry.content);
      continue;
    }
    const text = fromUtf8(entry.content);
    const path = `${entry.name}`;
    const decoded: ParseResult<ArchiveEvent> = runDecoder(() => {
      if (text === undefined) fail(path, 'UTF-8 text');
      return decodeEvent(text, actualHash, path);
    });
    if (!decoded.ok) return decoded;
    events.push(decoded.value);
  }
  return { ok: true, value: { header: header.value, data, events, misnamed, entries } };
}

/**
 * Encodes a `.bel` header entry.
 * @param timestamp - seconds since the epoch (as belenios-tool, written as a string)
 * @returns the tar bytes of the `BELENIOS` file
 */
export function encodeArchiveHeader(timestamp: number): Uint8Array {
  return encodeTarEntry('BELENIOS', utf8(`{"version":1,"timestamp":"${timestamp}"}`), timestamp);
}

/**
 * Encodes a data file (`<sha256>.data.json`).
 * @param content - the exact bytes (or text) of the data
 * @param mtime - modification time in seconds
 * @returns the tar bytes and the hash
 */
export function encodeDataEntry(
  content: string | Uint8Array,
  mtime: number,
): { bytes: Uint8Array; hash: string } {
  const raw = typeof content === 'string' ? utf8(content) : content;
  const hash = sha256Hex(raw);
  return { bytes: encodeTarEntry(`${hash}.data.json`, raw, mtime), hash };
}

/**
 * Encodes an event file (`<sha256>.event.json`).
 * @param event - the event
 * @param mtime - modification time in seconds
 * @returns the tar bytes and the event hash
 */
export function encodeEventEntry(
  event: Omit<ArchiveEvent, 'hash'>,
  mtime: number,
): { bytes: Uint8Array; hash: string } {
  const raw = utf8(serializeEvent(event));
  const hash = sha256Hex(raw);
  return { bytes: encodeTarEntry(`${hash}.event.json`, raw, mtime), hash };
}

/**
 * Text of a data payload.
 * @param archive - the archive
 * @param hash - the payload hash
 * @returns the UTF-8 text, or `undefined` if absent or not UTF-8
 */
export function dataText(archive: Archive, hash: string): string | undefined {
  const bytes = archive.data.get(hash);
  return bytes === undefined ? undefined : fromUtf8(bytes);
}
