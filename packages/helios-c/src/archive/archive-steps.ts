/**
 * An archive as a sequence of steps: each step is one chain event of the `.bel` archive with the
 * data files stored just before it (Belenios 2.0 specification §4.4). The records that belenios-tool
 * writes around an event — the Setup payload naming the election, trustees and credentials by
 * hash, the `owned` payloads of shuffles and partial decryptions (`{"owner":N,"payload":"…"}`) —
 * are built here, so that whoever transports an election step by step (a bulletin board, a room
 * of a chat protocol) rebuilds byte for byte the archive that belenios-tool verifies.
 *
 * @module
 */
import { fromUtf8, utf8 } from '../encoding/bytes';
import { sha256Hex } from '../encoding/sha256';
import { fail, field, hashAt, objectAt, type ParseResult, parseJsonText, runDecoder } from '../json/decoder';
import {
  type EventType,
  encodeArchiveHeader,
  encodeDataEntry,
  encodeEventEntry,
  readArchive,
} from './archive';

/** One step of an election: a chain event and the data files stored with it. */
export interface ArchiveStep {
  readonly type: EventType;
  /** SHA-256 (hex) of the payload data, when the event has one. */
  readonly payload?: string;
  /** Exact texts of the data files stored with this step, in archive order. */
  readonly data: readonly string[];
}

/** The texts an election is set up with (`election.json`, `trustees.json`, public credentials). */
export interface SetupTexts {
  /** The election JSON text (e.g. from `serializeElection`). */
  readonly election: string;
  /** The trustees JSON text (`serializeTrustees`). */
  readonly trustees: string;
  /** The public credentials JSON text (`generateCredentials(…).publicCredentials`). */
  readonly credentials: string;
}

/**
 * The SHA-256 (hex) of a data text, as the archive names it.
 *
 * @param text - the exact text.
 * @returns its hash.
 */
export function dataHash(text: string): string {
  return sha256Hex(utf8(text));
}

/**
 * The Setup payload (§4.4): the election, trustees and credentials named by the hashes of their texts.
 *
 * @param hashes - the SHA-256 (hex) of each text.
 * @returns the payload's JSON text, as `archive init` writes it.
 */
export function serializeSetupPayload(hashes: SetupTexts): string {
  return `{"election":"${hashes.election}","trustees":"${hashes.trustees}","credentials":"${hashes.credentials}"}`;
}

/**
 * An `owned` record (§4.4: the payload of `Shuffle` and `PartialDecryption` events): a trustee's
 * number and the hash of the data it owns.
 */
export interface OwnedRecord {
  /** The trustee's number (1-based, in the order of the election's trustees). */
  readonly owner: number;
  /** SHA-256 (hex) of the owned data, as stored in the archive. */
  readonly payload: string;
}

/**
 * An `owned` payload (§4.4: `Shuffle` and `PartialDecryption` events): a trustee's number and the
 * hash of its data. {@link parseOwnedRecord} reads it back.
 *
 * @param owner - the trustee's number (1-based).
 * @param payload - SHA-256 (hex) of the owned data.
 * @returns the JSON text.
 */
export function serializeOwned(owner: number, payload: string): string {
  return `{"owner":${owner},"payload":"${payload}"}`;
}

/**
 * Decodes an `owned` record from parsed JSON, inside a decoder (see `runDecoder`).
 * @param value - the parsed JSON
 * @param path - its JSON path, for errors
 * @returns the record
 * @throws {@link MalformedInputError} naming the path of the defect
 */
export function decodeOwnedRecord(value: unknown, path = '$'): OwnedRecord {
  const o = objectAt(value, path);
  const owner = field(o, 'owner', path);
  if (typeof owner !== 'number' || !Number.isSafeInteger(owner) || owner < 1)
    fail(`${path}.owner`, 'a trustee number (a positive integer)');
  return { owner, payload: hashAt(field(o, 'payload', path), `${path}.payload`) };
}

/**
 * Parses an `owned` payload, the inverse of {@link serializeOwned}.
 * @param text - the JSON text, as stored in the archive
 * @returns the record, or a MalformedInputError naming the path of the defect
 * @example
 * const owned = parseOwnedRecord('{"owner":2,"payload":"…"}');
 * if (owned.ok) console.log(owned.value.owner);
 */
export function parseOwnedRecord(text: string): ParseResult<OwnedRecord> {
  return runDecoder(() => decodeOwnedRecord(parseJsonText(text)));
}

/**
 * The Setup step of an election (what `archive init` writes).
 *
 * @param texts - the election, trustees and public credentials texts.
 * @returns the step: the three texts and the Setup payload, whose hash the event names.
 * @example
 * const step = setupStep({ election, trustees, credentials: generated.publicCredentials });
 */
export function setupStep(texts: SetupTexts): ArchiveStep {
  const setup = serializeSetupPayload({
    election: dataHash(texts.election),
    trustees: dataHash(texts.trustees),
    credentials: dataHash(texts.credentials),
  });
  return {
    type: 'Setup',
    payload: dataHash(setup),
    data: [texts.election, texts.trustees, texts.credentials, setup],
  };
}

/**
 * A step whose payload is owned by a trustee: `Shuffle` (data: the shuffle) or `PartialDecryption`
 * (data: the partial decryption), followed by the `owned` record the event names.
 *
 * @param type - `Shuffle` or `PartialDecryption`.
 * @param owner - the trustee's number (1-based).
 * @param text - the shuffle's or partial decryption's JSON text.
 * @returns the step.
 */
export function ownedStep(type: 'Shuffle' | 'PartialDecryption', owner: number, text: string): ArchiveStep {
  const owned = serializeOwned(owner, dataHash(text));
  return { type, payload: dataHash(owned), data: [text, owned] };
}

/**
 * The texts a Setup step carries, found by the hashes its payload names.
 *
 * @param step - a Setup step (untrusted).
 * @returns the election, trustees and credentials texts, or `undefined` when the payload is not a
 * Setup payload naming three of the step's data texts.
 */
export function setupTextsOf(step: ArchiveStep): SetupTexts | undefined {
  const byHash = new Map(step.data.map((text) => [dataHash(text), text]));
  let names: { election?: unknown; trustees?: unknown; credentials?: unknown } | null;
  try {
    names = JSON.parse(byHash.get(step.payload ?? '') ?? 'null') as typeof names;
  } catch {
    return undefined;
  }
  const text = (name: unknown) => (typeof name === 'string' ? byHash.get(name) : undefined);
  const [election, trustees, credentials] = [
    text(names?.election),
    text(names?.trustees),
    text(names?.credentials),
  ];
  return election === undefined || trustees === undefined || credentials === undefined
    ? undefined
    : { election, trustees, credentials };
}

/**
 * Builds a `.bel` archive from steps: header, then for each step its data files and its event,
 * chained by `parent` and `height` — the records belenios-tool writes, in its order.
 *
 * @param timestamp - the archive header's timestamp (seconds).
 * @param steps - the steps in chain order.
 * @returns the archive bytes and the hash of its last event.
 */
export function archiveFromSteps(
  timestamp: number,
  steps: readonly ArchiveStep[],
): { bytes: Uint8Array; lastEvent?: string } {
  const parts: Uint8Array[] = [encodeArchiveHeader(timestamp)];
  let parent: string | undefined;
  steps.forEach((step, height) => {
    // Every step writes its own data, even a text an earlier step already wrote (two trustees'
    // partial decryptions of an election without ballots are identical): belenios-tool writes it
    // again, and rejects an archive whose records differ from the ones it regenerates.
    for (const item of step.data) parts.push(encodeDataEntry(item, timestamp).bytes);
    const event = encodeEventEntry(
      {
        ...(parent ? { parent } : {}),
        height,
        type: step.type,
        ...(step.payload ? { payload: step.payload } : {}),
      },
      timestamp,
    );
    parent = event.hash;
    parts.push(event.bytes);
  });
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return { bytes, ...(parent ? { lastEvent: parent } : {}) };
}

/**
 * Splits an archive into steps.
 *
 * @param bytes - a `.bel` archive.
 * @param after - hash of the last event already transported: only later steps are returned.
 * @returns the header timestamp, the steps in chain order and the hash of the archive's last event.
 * @throws `InvalidArchiveError` or `MalformedInputError` on a malformed archive, RangeError on a
 * data file that is not UTF-8.
 */
export function archiveSteps(
  bytes: Uint8Array,
  after?: string,
): { timestamp: number; steps: ArchiveStep[]; lastEvent?: string } {
  const read = readArchive(bytes);
  if (!read.ok) throw read.error;
  const { header, entries, events } = read.value;
  const steps: ArchiveStep[] = [];
  let data: string[] = [];
  let skipping = after !== undefined;
  let next = 0;
  for (const entry of entries.slice(1)) {
    if (entry.name.endsWith('.data.json')) {
      const text = fromUtf8(entry.content);
      if (text === undefined) throw new RangeError(`${entry.name} is not UTF-8 text`);
      data.push(text);
      continue;
    }
    const event = events[next++];
    if (event === undefined) break;
    if (!skipping)
      steps.push({ type: event.type, ...(event.payload ? { payload: event.payload } : {}), data });
    if (skipping && event.hash === after) skipping = false;
    data = [];
  }
  const lastEvent = events.at(-1)?.hash;
  return { timestamp: Number(header.timestamp), steps, ...(lastEvent ? { lastEvent } : {}) };
}
