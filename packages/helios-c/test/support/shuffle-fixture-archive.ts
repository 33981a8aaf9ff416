/**
 * Test support: reads a belenios-tool `.bel` archive (a tar of `<hash>.event.json` and
 * `<hash>.data.json` files) into its events, in chain order, with their payloads.
 */
import { readFileSync } from 'node:fs';

export interface ArchiveEvent {
  readonly type: string;
  readonly height: number;
  readonly payload?: string;
}

export interface ArchiveContents {
  readonly files: Map<string, string>;
  readonly events: ArchiveEvent[];
  data(hash: string): string;
  json(hash: string): unknown;
}

export function readTar(bytes: Uint8Array): Map<string, string> {
  const files = new Map<string, string>();
  const decoder = new TextDecoder();
  for (let offset = 0; offset + 512 <= bytes.length; ) {
    const header = bytes.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const name = decoder.decode(header.subarray(0, 100)).replace(/\0.*$/s, '');
    const size = Number.parseInt(decoder.decode(header.subarray(124, 136)).replace(/\0.*$/s, '').trim(), 8);
    files.set(name, decoder.decode(bytes.subarray(offset + 512, offset + 512 + size)));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

export function readArchive(path: string): ArchiveContents {
  const files = readTar(readFileSync(path));
  const events: ArchiveEvent[] = [];
  for (const [name, text] of files) {
    if (name.endsWith('.event.json')) events.push(JSON.parse(text) as ArchiveEvent);
  }
  events.sort((a, b) => a.height - b.height);
  const data = (hash: string) => {
    const text = files.get(`${hash}.data.json`);
    if (text === undefined) throw new Error(`no data ${hash}`);
    return text;
  };
  return { files, events, data, json: (hash) => JSON.parse(data(hash)) };
}
