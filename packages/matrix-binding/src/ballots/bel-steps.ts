/**
 * @module
 * A Belenios election as a sequence of steps, one Matrix event each (`org.imago.helios.step`): the
 * step's chain event type, its payload hash, and the data files (exact JSON texts) that the archive
 * stores before it. The archive's hash chain (`parent`, `height`) is rebuilt from the order of the
 * steps, so a `.bel` exported from a room is what belenios-tool verifies (specification §4.4).
 * Reading and writing the archive is @imago/helios-c's (`readArchive`, `encodeArchiveHeader`,
 * `encodeDataEntry`, `encodeEventEntry`); this module only groups data files with their event.
 */
import {
  type EventType,
  encodeArchiveHeader,
  encodeDataEntry,
  encodeEventEntry,
  eventTypes,
  fromUtf8,
  readArchive,
  sha256Hex,
  utf8,
} from '@imago/helios-c';

/** The chain event types of Belenios 2.0. */
export const BEL_EVENT_TYPES = eventTypes;

/** A chain event type. */
export type BelEventType = EventType;

/** One step of an election: a chain event and the data files stored before it. */
export interface BelStep {
  readonly type: BelEventType;
  /** SHA-256 (hex) of the payload data, when the event has one. */
  readonly payload?: string;
  /** Exact texts of the data files stored with this step, in archive order. */
  readonly data: readonly string[];
}

/**
 * Splits an archive into steps.
 *
 * @param bytes - a `.bel` archive.
 * @param after - hash of the last event already transported: only later steps are returned.
 * @returns the header timestamp, the steps in chain order and the hash of the archive's last event.
 * @throws `InvalidArchiveError` or `MalformedInputError` (from `@imago/helios-c`) on a malformed
 * archive, RangeError on a data file that is not UTF-8.
 */
export function belStepsFromArchive(
  bytes: Uint8Array,
  after?: string,
): { timestamp: number; steps: BelStep[]; lastEvent?: string } {
  const read = readArchive(bytes);
  if (!read.ok) throw read.error;
  const { header, entries, events } = read.value;
  const steps: BelStep[] = [];
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

/**
 * Builds a `.bel` archive from steps: header, then for each step its data files and its event,
 * chained by `parent` and `height` — the records belenios-tool writes, in its order.
 *
 * @param timestamp - the archive header's timestamp (seconds).
 * @param steps - the steps in chain order.
 * @returns the archive bytes and the hash of its last event.
 */
export function belArchiveFromSteps(
  timestamp: number,
  steps: readonly BelStep[],
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
 * The SHA-256 (hex) of a data text, as the archive names it.
 *
 * @param data - the exact text.
 * @returns its hash.
 */
export function belDataHash(data: string): string {
  return sha256Hex(utf8(data));
}
