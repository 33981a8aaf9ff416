/**
 * Rewriting archives for negative tests: change data or events, then lay the archive out again
 * with every file named after its new hash and (unless asked otherwise) every reference updated,
 * so that exactly the intended defect remains.
 */
import { readFileSync } from 'node:fs';
import { encodeTarEntry, readTar } from '../../src/archive/tar';
import { fromUtf8, utf8 } from '../../src/encoding/bytes';
import { sha256Hex } from '../../src/encoding/sha256';

export interface Entry {
  kind: 'header' | 'data' | 'event';
  text: string;
  /** Hash of the text as read (to update references once the text changes). */
  readonly originalHash?: string;
}

/** Reads an archive as a list of text entries. */
export function entriesOf(bytes: Uint8Array): Entry[] {
  return readTar(bytes).map((e) => ({
    kind: e.name === 'BELENIOS' ? 'header' : e.name.endsWith('.event.json') ? 'event' : 'data',
    text: fromUtf8(e.content) as string,
    originalHash: sha256Hex(e.content),
  }));
}

/**
 * Writes entries back, renaming files after their content and replacing every reference to a
 * changed hash (payloads, parents, hashes inside data) by the new one.
 */
export function layOut(entries: readonly Entry[], options: { fixReferences?: boolean } = {}): Uint8Array {
  const fix = options.fixReferences ?? true;
  const renamed = new Map<string, string>();
  const out: Uint8Array[] = [];
  for (const entry of entries) {
    let text = entry.text;
    if (fix) for (const [from, to] of renamed) text = text.replaceAll(from, to);
    if (entry.kind === 'header') {
      out.push(encodeTarEntry('BELENIOS', utf8(text), 1795711267));
      continue;
    }
    const hash = sha256Hex(text);
    const original = entry.originalHash ?? sha256Hex(entry.text);
    if (original !== hash) renamed.set(original, hash);
    out.push(encodeTarEntry(`${hash}.${entry.kind}.json`, utf8(text), 1795711267));
  }
  const total = out.reduce((n, b) => n + b.length, 0);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const b of out) {
    bytes.set(b, offset);
    offset += b.length;
  }
  return bytes;
}

/** The archive of a fixture folder. */
export function fixtureArchive(kind: string): Uint8Array {
  const dir = new URL(`../vectors/belenios/${kind}`, import.meta.url).pathname;
  const meta = JSON.parse(readFileSync(`${dir}/meta.json`, 'utf8')) as { archive: string };
  return new Uint8Array(readFileSync(`${dir}/${meta.archive}`));
}

/** Index of the n-th data entry that is the payload of an event of the given type. */
export function payloadIndex(entries: readonly Entry[], type: string, n = 0): number {
  const events = entries
    .filter((e) => e.kind === 'event')
    .map((e) => JSON.parse(e.text) as { type: string; payload?: string });
  const payload = events.filter((e) => e.type === type)[n]?.payload;
  if (!payload) throw new Error(`no ${type} event #${n}`);
  const i = entries.findIndex((e) => e.kind === 'data' && sha256Hex(e.text) === payload);
  if (i < 0) throw new Error('payload not found');
  return i;
}
