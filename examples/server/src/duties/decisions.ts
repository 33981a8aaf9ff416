/**
 * @module
 * Decision closing: for each decisions room, replays the governance log (@imago/governance through
 * `replayDecisions`), sends `org.imago.governance.close` for every decision whose period has ended
 * (naming the events the log counted for it, so that every reader settles it alike),
 * and once the log settles a decision, publishes its outcome as a notice in the room (once, with
 * an `org.imago.outcome` field that clients and the service itself recognise). A decision whose
 * settlement is still provisional (an oligarchy's deciders settled it before its deadline, or its
 * proposer withdrew it, or a member challenged the act: an event that may race the close) is
 * closed at once, naming it, which confirms it for every reader; its outcome is published only
 * after.
 */
import type { Decision, GovernanceState } from '@imago/governance';
import {
  closeDecision,
  type DecisionsReplay,
  type ReplayDecisionsOptions,
  type RoomFollower,
  sendEvent,
} from '@imago/matrix-binding';
import type { WatchedRoom } from '../service/room-watcher';
import { type DutyContext, groupMembers, groupName } from './duty-context';
import type { ElectionSummary, ServiceElections } from './elections';
import { describeOutcome } from './outcome-text';

/** Key of the outcome field in the service's notices. */
export const OUTCOME_KEY = 'org.imago.outcome';

const FINAL = new Set(['adopted', 'rejected', 'expired', 'withdrawn']);

/** What the decision duty keeps between runs. */
export interface DecisionBook {
  readonly closing: Set<string>;
  readonly published: Set<string>;
  /** Last replay of each decisions room. */
  readonly replays: Map<string, DecisionsReplay>;
}

/** A new, empty book. */
export function decisionBook(): DecisionBook {
  return { closing: new Set(), published: new Set(), replays: new Map() };
}

/** Whether a room holds governance events (a decisions room). */
export function isDecisionsRoom(room: WatchedRoom): boolean {
  return room.log.entries.some((entry) => entry.status === 'event' && entry.event.kind === 'governance');
}

/**
 * The inputs of a room's decisions fold that come from outside the room: sub-group memberships (for
 * delegations to groups) and the secret results this service verified — the binding's one verifier,
 * over the room's elections as the service's election duties last replayed them.
 */
export function decisionsInputs(
  context: DutyContext,
  elections: ServiceElections,
  roomId: string,
): ReplayDecisionsOptions {
  const verifySecretResult = elections.duties.last(roomId)?.verifySecretResult ?? (() => false);
  return { groups: groupMembers(context), verifySecretResult };
}

function inputsKey(context: DutyContext, elections: ServiceElections, roomId: string): string {
  const groups = [...groupMembers(context)].map(([id, members]) => [id, [...members].sort()]).sort();
  const verified = [...(elections.duties.last(roomId)?.verified ?? [])];
  return JSON.stringify([groups, verified.sort()]);
}

const foldedWith = new WeakMap<RoomFollower, string>();

/**
 * The decisions of a room as the binding's follower folds them event by event (settled as the log
 * says, and as of now). When the inputs from outside the room changed since the fold began, the
 * fold is rebuilt with the new ones, so that it stays what a fresh replay gives.
 *
 * @returns the replay of the log alone and the state at the current time.
 */
export function replayRoom(
  context: DutyContext,
  room: WatchedRoom,
  elections: ServiceElections,
): { logged: DecisionsReplay; now: GovernanceState } {
  const key = inputsKey(context, elections, room.roomId);
  const previous = foldedWith.get(room.follower);
  foldedWith.set(room.follower, key);
  // The fold began with the inputs known when the room was first read: check them once, then on change.
  if (previous !== key) room.follower.refold(decisionsInputs(context, elections, room.roomId));
  const logged = room.follower.decisions() as DecisionsReplay;
  const now = (room.follower.decisions(Date.now()) as DecisionsReplay).state;
  return { logged, now };
}

/**
 * Closes what is due and publishes what was settled.
 *
 * @param context - the duty context.
 * @param room - the decisions room.
 * @param logged - the replay of the log alone.
 * @param now - the state at the current time.
 * @param book - what was already done.
 * @param elections - the secret elections (their archive is named in the outcome).
 */
export async function runDecisionDuty(
  context: DutyContext,
  room: WatchedRoom,
  logged: DecisionsReplay,
  now: GovernanceState,
  book: DecisionBook,
  elections?: ServiceElections,
): Promise<void> {
  const me = context.client.getSafeUserId();
  for (const event of room.raw) {
    const mark = (event.content as Record<string, unknown> | undefined)?.[OUTCOME_KEY] as
      | { decision?: unknown }
      | undefined;
    if (event.sender === me && typeof mark?.decision === 'string') book.published.add(mark.decision);
  }
  const nowMs = Date.now();
  for (const id of logged.state.decisions.keys()) {
    const decision = logged.state.decisions.get(id) as Decision;
    // A settlement before the deadline (approvals, a withdrawal, a challenge) stays provisional
    // until an authority's event names it or ends the period: the service's close, sent at once,
    // confirms it for every reader. The outcome is published once it no longer can change.
    const provisional = logged.state.provisional.has(id);
    if (FINAL.has(decision.status) && !provisional) {
      if (!book.published.has(id)) {
        book.published.add(id);
        await publishOutcome(context, room.roomId, decision, elections?.summary(room.roomId, id));
      }
      continue;
    }
    if (decision.status === 'closed') continue; // a secret ballot awaiting its verified result
    const due = provisional ? nowMs : decision.closesAt + context.config.closeMarginMs;
    if (nowMs < due) {
      context.wakeAt(room.roomId, due);
      continue;
    }
    const current = now.decisions.get(id);
    // A decision closed while provisional (a challenged act, say) may be settled early again later.
    const until = logged.state.provisional.get(id);
    const key = provisional ? `${id} ${decision.status} ${decision.evidence?.length ?? 0} ${until}` : id;
    if (book.closing.has(key) || current === undefined) continue;
    book.closing.add(key);
    // The close names what the log counted, and settles on it every decision whose period ended.
    await closeDecision(context.client, room.roomId, id, logged.state);
    for (const other of logged.state.pending) {
      if ((logged.state.decisions.get(other)?.closesAt ?? nowMs + 1) <= nowMs) book.closing.add(other);
    }
    const when = new Date(decision.closesAt).toISOString().slice(11, 19);
    context.log.info(
      'decisions',
      `closed "${decision.title ?? decision.kind}" (${provisional ? 'settled before its period ends at' : 'period ended'} ${when})`,
      { roomId: room.roomId, decision: id },
    );
  }
}

async function publishOutcome(
  context: DutyContext,
  roomId: string,
  decision: Decision,
  election: ElectionSummary | undefined,
): Promise<void> {
  const names = (id: string) => (id.startsWith('!') ? groupName(context, id) : id);
  const lines = describeOutcome(decision, names);
  if (election?.evidence) {
    lines.push(
      `Secret ballot: Helios-C election ${election.uuid}, ${election.ballots} ballots; archive ${election.evidence} verified by ${election.verifiedBy.join(' and ') || 'helios-c'}.`,
    );
  }
  const outcome = decision.outcome;
  await sendEvent(context.client, roomId, 'm.room.message', {
    msgtype: 'm.notice',
    body: lines.join('\n'),
    [OUTCOME_KEY]: {
      decision: decision.id,
      status: outcome?.status ?? decision.status,
      ...(outcome ? { reason: outcome.reason } : {}),
      ...(outcome?.winners ? { winners: [...outcome.winners] } : {}),
    },
  });
  context.log.info('decisions', `published the outcome: ${lines.join(' ')}`, {
    roomId,
    decision: decision.id,
  });
}
