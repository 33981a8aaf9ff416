/**
 * @module
 * A Belenios election as a sequence of steps, one Matrix event each (`org.imago.helios.step`): the
 * step's chain event type, its payload hash, and the data files (exact JSON texts) that the archive
 * stores before it. The archive's hash chain (`parent`, `height`) is rebuilt from the order of the
 * steps, so a `.bel` exported from a room is what belenios-tool verifies (specification §4.4).
 */
import { encodeTarEntry, readTar, sha256Hex, type TarEntry, utf8 } from '@imago/helios-c';

/** The chain event types of Belenios 2.0. */
export const BEL_EVENT_TYPES = [
  'Setup',
  'Ballot',
  'EndBallots',
  'EncryptedTally',
  'Shuffle',
  'EndShuffles',
  'PartialDecryption',
  'Result',
] as const;

/** A chain event type. */
export type BelEventType = (typeof BEL_EVENT_TYPES)[number];

/** One step of an election: a chain event and the data files stored before it. */
export interface BelStep {
  readonly type: BelEventType;
  /** SHA-256 (hex) of the payload data, when the event has one. */
  readonly payload?: string;
  /** Exact texts of the data files stored with this step, in archive order. */
  readonly data: readonly string[];
}

const text = new TextDecoder('utf-8', { fatal: true });

/**
 * Splits an archive into steps.
 *
 * @param bytes - a `.bel` archive.
 * @param after - hash of the last event already transported: only later steps are returned.
 * @returns the election uuid (from the Setup), the header timestamp and the steps, in chain order.
 * @throws `InvalidArchiveError` (from `@imago/helios-c`) or RangeError on a malformed archive.
 */
export function belStepsFromArchive(
  bytes: Uint8Array,
  after?: string,
): { timestamp: number; steps: BelStep[]; lastEvent?: string } {
  const entries: TarEntry[] = readTar(bytes);
  const header = entries[0];
  if (header?.name !== 'BELENIOS') throw new RangeError('missing BELENIOS header');
  const timestamp = Number((JSON.parse(text.decode(header.content)) as { timestamp: unknown }).timestamp);
  const steps: BelStep[] = [];
  let data: string[] = [];
  let skipping = after !== undefined;
  let lastEvent: string | undefined;
  for (const entry of entries.slice(1)) {
    if (entry.name.endsWith('.data.json')) {
      data.push(text.decode(entry.content));
      continue;
    }
    const event = JSON.parse(text.decode(entry.content)) as { type: BelEventType; payload?: string };
    lastEvent = entry.name.slice(0, 64);
    if (!skipping)
      steps.push({ type: event.type, ...(event.payload ? { payload: event.payload } : {}), data });
    if (skipping && lastEvent === after) skipping = false;
    data = [];
  }
  return { timestamp, steps, ...(lastEvent ? { lastEvent } : {}) };
}

/**
 * Builds a `.bel` archive from steps: header, then for each step its data files and its event,
 * chained by `parent` and `height`.
 *
 * @param timestamp - the archive header's timestamp (seconds).
 * @param steps - the steps in chain order.
 * @returns the archive bytes and the hash of its last event.
 */
export function belArchiveFromSteps(
  timestamp: number,
  steps: readonly BelStep[],
): { bytes: Uint8Array; lastEvent?: string } {
  const parts: Uint8Array[] = [
    encodeTarEntry('BELENIOS', utf8(`{"version":1,"timestamp":"${timestamp}"}`), timestamp),
  ];
  const stored = new Set<string>();
  let parent: string | undefined;
  steps.forEach((step, height) => {
    for (const item of step.data) {
      const raw = utf8(item);
      const hash = sha256Hex(raw);
      if (stored.has(hash)) continue;
      stored.add(hash);
      parts.push(encodeTarEntry(`${hash}.data.json`, raw, timestamp));
    }
    const eventText = `{${parent ? `"parent":${JSON.stringify(parent)},` : ''}"height":${height},"type":${JSON.stringify(step.type)}${
      step.payload ? `,"payload":${JSON.stringify(step.payload)}` : ''
    }}`;
    const raw = utf8(eventText);
    parent = sha256Hex(raw);
    parts.push(encodeTarEntry(`${parent}.event.json`, raw, timestamp));
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
