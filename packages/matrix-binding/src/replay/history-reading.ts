/**
 * @module
 * A follower's reading of the room's history: backwards from the present in pages (so that a
 * homeserver that joined late backfills the earlier events), placed at once in the room's order.
 * At the start, forward reading is set to begin right after the newest event in the room's order,
 * not at the stream position: an event of another server that arrives with an older place in the
 * room's order is then placed where the homeserver says it belongs (`announced-events.ts`) rather
 * than read as if it came after. Read again when such an event lies beyond any context.
 */
import { Direction } from 'matrix-js-sdk';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { type FollowerSession, messagesPage, tokenAfter } from './follower-session';
import { eventIdOf } from './served-event';

/**
 * @internal Reads the whole history, backwards from the present, and places it; resolves once its
 * encrypted events are decrypted (or failed).
 */
export async function readHistory(session: FollowerSession): Promise<void> {
  const newestFirst: RawMatrixEvent[] = [];
  let from: string | null = null;
  let start: string | undefined;
  for (;;) {
    const page = await messagesPage(session, from, Direction.Backward);
    session.stats.historyRequests++;
    start ??= page.start;
    newestFirst.push(...page.events);
    if (!page.end || page.events.length === 0 || page.end === from) break;
    from = page.end;
  }
  const history = newestFirst.reverse();
  session.stats.historyEvents += history.length;
  if (session.token === undefined) {
    session.last = eventIdOf(history.at(-1) as RawMatrixEvent) ?? null;
    // Read forward from right after the newest event in the room's order, not from the stream
    // position: an event of another server that arrives with an older place in the room's order
    // is then left to the placing of announced events rather than read as if it came after.
    session.token = session.last === null ? start : ((await tokenAfter(session, session.last)) ?? start);
  }
  await session.receive(null, history);
}
