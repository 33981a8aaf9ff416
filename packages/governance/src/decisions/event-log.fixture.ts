/**
 * Test support: builds governance logs tersely. Not exported from the package.
 *
 * @module
 */
import type { GovernanceContext } from './governance-context';

/** A raw governance event as tests write it. */
export interface TestEvent {
  id: string;
  sender: string;
  timestamp: number;
  type: string;
  content: unknown;
}

const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Builds events with increasing ids and explicit timestamps. */
export class EventLog {
  readonly events: TestEvent[] = [];
  #next = 0;

  add(sender: string, timestamp: number, type: string, content: unknown, id?: string): string {
    const eventId = id ?? `$e${this.#next++}`;
    this.events.push({ id: eventId, sender, timestamp, type: `org.imago.governance.${type}`, content });
    return eventId;
  }
}

export function members(...ids: string[]): GovernanceContext {
  return { members: new Set(ids) };
}

/** A table in which every built-in kind is decided by consensus over a day, except `overrides`. */
export function tableJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    rules: {
      'change-control-table': { protocol: 'consensus', duration: DAY },
      ...overrides,
    },
  };
}
