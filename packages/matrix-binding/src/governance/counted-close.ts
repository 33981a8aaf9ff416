/**
 * @module
 * The authority's close, naming what it counted. Matrix orders concurrent events differently on
 * different homeservers, so a vote racing the close could count for some readers and not others;
 * the close therefore carries, for every decision it settles, the events the authority's state
 * counted (@imago/governance `countsToName`), and every replay settles on exactly those. A list
 * that does not fit in one event (Matrix: 64 KiB) goes first in `org.imago.governance.counted`
 * parts; the close names their number and the SHA-256 of the whole list.
 */
import {
  type CountedIds,
  type CountedPartContent,
  countsToName,
  GovernanceEventTypes,
  type GovernanceState,
  MAX_COUNTED_IDS,
} from '@imago/governance';
import { sha256Hex } from '@imago/helios-c';
import type { MatrixClient } from 'matrix-js-sdk';
import { sendGovernanceEvent } from './decision-actions';

/**
 * Bytes of counted ids a close carries inline, and each part at most: under the 60,000 bytes of
 * content the binding reads for governance events, with room for the envelope.
 */
export const COUNTED_BUDGET_BYTES = 48_000;

/**
 * How far past the moment it is built a close names counts: its homeserver stamps it a moment
 * later, and a decision ending in between settles at the close too.
 */
const LOOKAHEAD_MS = 60_000;

/** What to send to close a decision: the parts of long lists first, then the close. */
export interface CountedClose {
  readonly parts: readonly CountedPartContent[];
  readonly close: { readonly decision: string; readonly counted: Readonly<Record<string, CountedIds>> };
}

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

function split(decision: string, ids: readonly string[], budget: number): CountedPartContent[] {
  const parts: CountedPartContent[] = [];
  let chunk: string[] = [];
  let size = 2;
  for (const id of ids) {
    const grows = bytes(id) + 1;
    if (chunk.length > 0 && (size + grows > budget || chunk.length === MAX_COUNTED_IDS)) {
      parts.push({ decision, part: parts.length, ids: chunk });
      chunk = [];
      size = 2;
    }
    chunk.push(id);
    size += grows;
  }
  parts.push({ decision, part: parts.length, ids: chunk });
  return parts;
}

/**
 * The events that close `decision` naming what was counted: inline while the close stays under
 * {@link COUNTED_BUDGET_BYTES}, the longest lists split into parts otherwise.
 *
 * @param decision - the decision the close is for.
 * @param counted - the ids counted, by decision (every decision the close settles).
 * @param budget - bytes of ids the event carries inline at most (the weights a Setup names share
 *   it with the election's data).
 * @returns the parts to send first and the close's content.
 */
export function countedClose(
  decision: string,
  counted: Readonly<Record<string, readonly string[]>>,
  budget: number = COUNTED_BUDGET_BYTES,
): CountedClose {
  const inline: Record<string, CountedIds> = {};
  const parts: CountedPartContent[] = [];
  let size = bytes({ decision, counted: {} });
  const longestLast = Object.entries(counted).sort(([, a], [, b]) => bytes(a) - bytes(b));
  for (const [id, ids] of longestLast) {
    const entry = bytes(id) + bytes(ids) + 4;
    if (size + entry <= budget && ids.length <= MAX_COUNTED_IDS) {
      inline[id] = ids;
      size += entry;
      continue;
    }
    const pieces = split(id, ids, COUNTED_BUDGET_BYTES);
    parts.push(...pieces);
    inline[id] = { parts: pieces.length, digest: sha256Hex(JSON.stringify(ids)) };
    size += bytes(id) + 100;
  }
  return { parts, close: { decision, counted: inline } };
}

/**
 * Closes a decision whose period has ended, or one whose settlement is still provisional (a
 * withdrawal, a challenge, or an oligarchy's approvals or refusals before its deadline), at once:
 * naming it confirms it for every reader. Given the authority's state, the close names what it
 * counted for every decision it settles and every provisional one (see the module); without it,
 * it names nothing and each reader settles on its own order (older clients).
 *
 * @param client - the authority's client.
 * @param roomId - the decisions room.
 * @param decision - the decision id.
 * @param state - the authority's governance state as the room's log settles it (a replay's
 *   `state`, not evaluated at a time), whose counted events the close names.
 * @param at - the time the close is sent at (default: now); decisions ending by then are named.
 * @returns the close's event id.
 * @throws {@link HomeserverError} when refused.
 * @example
 * ```ts
 * const { state } = replayDecisions(log);
 * await closeDecision(client, roomId, decisionId, state);
 * ```
 */
export async function closeDecision(
  client: MatrixClient,
  roomId: string,
  decision: string,
  state?: GovernanceState,
  at: number = Date.now(),
): Promise<string> {
  if (state === undefined)
    return sendGovernanceEvent(client, roomId, GovernanceEventTypes.close, { decision });
  const { parts, close } = countedClose(decision, countsToName(state, at + LOOKAHEAD_MS));
  for (const part of parts) await sendGovernanceEvent(client, roomId, GovernanceEventTypes.counted, part);
  return sendGovernanceEvent(client, roomId, GovernanceEventTypes.close, close);
}
