/**
 * Building a `.bel` archive in memory, event by event, as belenios-tool lays it out
 * (Belenios 2.0 specification §4.4): each payload is written before the event naming it.
 *
 * @module
 */
import type { EventType } from './archive';
import { encodeArchiveHeader, encodeDataEntry, encodeEventEntry } from './archive';
import { serializeSetupPayload } from './archive-steps';

/**
 * An append-only archive under construction.
 *
 * @example
 * const builder = new ArchiveBuilder(Math.floor(Date.now() / 1000));
 * const setup = builder.addSetup(electionText, trusteesText, credentialsText);
 * builder.addEvent('Ballot', [ballotText]);
 * const bytes = builder.bytes();
 */
export class ArchiveBuilder {
  private readonly parts: Uint8Array[] = [];
  private readonly timestamp: number;
  private last: { hash: string; height: number } | undefined;

  /** @param timestamp - seconds since the epoch, written in the header and as file times */
  constructor(timestamp: number) {
    this.timestamp = timestamp;
    this.parts.push(encodeArchiveHeader(timestamp));
  }

  /**
   * Appends data files.
   * @param texts - the exact texts to store
   * @returns their hashes
   */
  addData(...texts: string[]): string[] {
    return texts.map((text) => {
      const entry = encodeDataEntry(text, this.timestamp);
      this.parts.push(entry.bytes);
      return entry.hash;
    });
  }

  /**
   * Appends data lines then an event whose payload is the last of them (as `archive add-event`).
   * @param type - the event type
   * @param lines - data to store first; the last one is the payload
   * @returns the event hash
   */
  addEvent(type: EventType, lines: readonly string[] = []): string {
    const hashes = this.addData(...lines);
    const payload = hashes.at(-1);
    const event = encodeEventEntry(
      {
        ...(this.last ? { parent: this.last.hash } : {}),
        height: this.last ? this.last.height + 1 : 0,
        type,
        ...(payload === undefined ? {} : { payload }),
      },
      this.timestamp,
    );
    this.parts.push(event.bytes);
    this.last = { hash: event.hash, height: this.last ? this.last.height + 1 : 0 };
    return event.hash;
  }

  /**
   * Writes the setup: election, trustees, public credentials, setup data and the Setup event.
   * @param election - election JSON text
   * @param trustees - trustees JSON text
   * @param credentials - public credentials JSON text
   * @returns the Setup event hash
   */
  addSetup(election: string, trustees: string, credentials: string): string {
    const [e, t, c] = this.addData(election, trustees, credentials);
    return this.addEvent('Setup', [
      serializeSetupPayload({ election: e as string, trustees: t as string, credentials: c as string }),
    ]);
  }

  /** The archive so far. */
  bytes(): Uint8Array {
    const total = this.parts.reduce((n, p) => n + p.length, 0);
    const out = new Uint8Array(total);
    let offset = 0;
    for (const p of this.parts) {
      out.set(p, offset);
      offset += p.length;
    }
    return out;
  }
}
