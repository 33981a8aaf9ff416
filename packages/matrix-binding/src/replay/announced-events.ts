/**
 * @module
 * Events sync announced that forward reading did not return: an event from another server that the
 * room's order places before events already read (proposed at the end meanwhile, see
 * `live-feed.ts`). Each is placed after the event the homeserver
 * says precedes it (`GET /context`), with the events between; an event before the checkpoint the
 * follower started from is left to the full replay behind it; one too far back for any context
 * makes the follower read the history again. A context that cannot be read is tried again at the
 * next readings, a few times.
 */
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { eventContext, type FollowerSession } from './follower-session';
import { eventIdOf } from './served-event';

const CONTEXT_LIMIT = 20;

interface ContextAnswer {
  readonly event?: RawMatrixEvent;
  readonly events_before?: RawMatrixEvent[];
}

/**
 * @internal Places the announced events not read yet.
 *
 * @param session - the follower.
 * @param contextFailures - failed context reads so far, by event (kept between readings).
 * @throws what the homeserver threw, for an event whose context failed fewer than three times.
 */
export async function placeAnnounced(
  session: FollowerSession,
  contextFailures: Map<string, number>,
): Promise<void> {
  const { followed, announced } = session;
  for (const id of [...announced]) {
    if (session.stopped) return;
    if (followed.timeline.confirmed(id)) {
      announced.delete(id);
      continue;
    }
    for (const limit of [CONTEXT_LIMIT, session.pageSize]) {
      let answer: ContextAnswer;
      try {
        answer = await eventContext<ContextAnswer>(session, id, { limit: String(limit) });
      } catch (error) {
        // Not readable (yet): tried again at the next reading, a few times.
        const tries = (contextFailures.get(id) ?? 0) + 1;
        contextFailures.set(id, tries);
        if (tries < 3) throw error;
        break;
      }
      if (session.stopped || answer.event === undefined) break;
      const before = answer.events_before ?? [];
      const known = before.findIndex((raw) => {
        const key = eventIdOf(raw);
        return key !== undefined && followed.timeline.confirmed(key);
      });
      // Before the checkpoint this follower started from: the full replay behind it takes it.
      if (known < 0 && followed.base !== undefined) break;
      // Neither an event already placed nor the room's start within reach: ask for more context,
      // then read the history again (an event of another server, far back in the room's order).
      if (known < 0 && before.length >= Math.floor(limit / 2)) {
        if (limit < session.pageSize) continue;
        session.resync = true;
        break;
      }
      const run = (known < 0 ? before : before.slice(0, known)).reverse();
      session.stats.contextEvents += run.length + 1;
      void session.receive(known < 0 ? null : (eventIdOf(before[known] as RawMatrixEvent) ?? null), [
        ...run,
        answer.event,
      ]);
      break;
    }
    announced.delete(id);
  }
}
