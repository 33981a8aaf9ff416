/**
 * @module
 * What each homeserver's copy of the rooms says, read by a person on that server with the
 * documented API only: the relation between the Repair Café Lyon and the Recyclerie Paris 11e, the
 * offer vote and the secret vote replayed from that server's copy of the decisions room (secret
 * results verified by that person's own election duties), and the offer's copy in the Recyclerie's
 * announcements room, checked against its origin. Both servers must tell the same story.
 */
import {
  appendToRoomLog,
  consentedRelations,
  electionEvidence,
  electionOfDecision,
  emptyRoomLog,
  fetchRoomHistory,
  type GroupView,
  type MatrixClient,
  reachRoom,
  readGroupAnywhere,
  readRelatedGroup,
  receivedAnnouncements,
  replayDecisions,
  replaySecretBallots,
  viaOf,
} from '@imago/matrix-binding';
import { type Cast, serverOf } from './cast';
import type { DemoGroups } from './groups';
import type { ElectionMembers } from './secret-vote';
import { followUntil, untilChange } from './wait';

/** A decision's outcome as one server's copy of the room replays it. */
export interface SeenOutcome {
  readonly status: string;
  readonly winners: readonly number[];
}

/** The cross-server outcomes as one server sees them. */
export interface ServerView {
  /** The server's name. */
  readonly server: string;
  /** Who read (a person on that server). */
  readonly reader: string;
  /** Where the Recyclerie Paris 11e was read from: its space's state, or its card (hierarchy). */
  readonly parisSource: 'state' | 'card';
  /** Status of the Repair Café ⇄ Recyclerie Paris 11e partnership (`accepted` when both assert it). */
  readonly relation: string | undefined;
  readonly offer: SeenOutcome | undefined;
  readonly secret: SeenOutcome | undefined;
  /** The offer's copy received in the Recyclerie's announcements room, verified against its origin. */
  readonly announcement: { readonly title: string; readonly fromGroup: string } | undefined;
}

/**
 * Reads the cross-server outcomes as a person on one server sees them, waiting (up to a deadline,
 * at each change that person's election duties or room follower see) until that server's copy
 * has the secret result and the delivered announcement.
 *
 * @param cast - the people.
 * @param key - the reader: a member of the Repair Café on the server to read from.
 * @param groups - the groups.
 * @param members - the members' election duties (the reader's verifies the secret result).
 * @param decisions - the ids of the offer and secret decisions.
 * @returns what that server's copy says.
 */
export async function seenFrom(
  cast: Cast,
  key: string,
  groups: DemoGroups,
  members: ElectionMembers,
  decisions: { readonly offer: string; readonly secret: string },
): Promise<ServerView> {
  const client = cast.person(key).client;
  const room = groups.repair.rooms.decisions as string;
  const repair = (await readGroupAnywhere(client, groups.repair.spaceId)).view;
  // The Recyclerie reached from the Repair Café's relation alone (its servers in `via`).
  const paris = await readRelatedGroup(client, repair, groups.paris.spaceId);
  const relation = consentedRelations(
    new Map([repair, paris.view].map((view) => [view.spaceId, view.relations])),
  ).find((r) => [r.a, r.b].includes(groups.paris.spaceId) && [r.a, r.b].includes(groups.repair.spaceId));
  const velo = (await readGroupAnywhere(client, groups.velo.spaceId)).view;
  const duties = members.duties.get(key);
  // The reader's own election duties replay the room as it changes, the secret result checked by
  // the one verifier: wait for theirs to settle the secret vote, then replay this server's copy once.
  const settled = await untilChange(
    `the secret result on ${serverOf(cast.id(key))}`,
    (listener) => members.onChange(key, listener),
    () => {
      const update = duties?.last(room);
      return update?.decisions.state.decisions.get(decisions.secret)?.outcome ? update : undefined;
    },
    300_000,
  ).catch(async (error: Error) => {
    const failed = members.errors.get(key) ?? [];
    throw new Error(
      `${error.message}${failed.length ? ` (${key}'s updates failed: ${failed.slice(-3).join('; ')})` : ''}; ${await secretResultTrace(client, room, decisions.secret)}`,
    );
  });
  const state = replayDecisions(appendToRoomLog(emptyRoomLog(room), await fetchRoomHistory(client, room)), {
    groups: new Map([[velo.spaceId, new Set(velo.members.map((m) => m.userId))]]),
    verifySecretResult: settled.verifySecretResult,
  }).state;
  const seen = (id: string): SeenOutcome | undefined => {
    const outcome = state.decisions.get(id)?.outcome;
    return outcome ? { status: outcome.status, winners: [...(outcome.winners ?? [])] } : undefined;
  };
  return {
    server: serverOf(cast.id(key)),
    reader: cast.person(key).name,
    parisSource: paris.source,
    relation: relation?.status,
    offer: seen(decisions.offer),
    secret: seen(decisions.secret),
    announcement: await receivedInParis(client, paris.view, repair, groups),
  };
}

/**
 * What a server's copy of the decisions room says of a secret decision's result, when it is not
 * counted: the result event, the election's phase, and the archive this copy rebuilds (its steps
 * in this server's order, and its last event, which the result names as its evidence).
 */
async function secretResultTrace(client: MatrixClient, room: string, decision: string): Promise<string> {
  try {
    const events = await fetchRoomHistory(client, room);
    const contentOf = (e: (typeof events)[number]) => (e.content ?? {}) as Record<string, unknown>;
    const published = events.find(
      (e) => e.type === 'org.imago.governance.secret.result' && contentOf(e).decision === decision,
    );
    const election = electionOfDecision(
      replaySecretBallots(appendToRoomLog(emptyRoomLog(room), events)).elections,
      decision,
    );
    const steps = election?.steps.map((s) => {
      const owner = (JSON.parse(s.data[1] ?? '{}') as { owner?: number }).owner;
      return `${s.type}${owner === undefined ? '' : `#${owner}`}@${s.sender.split(':').slice(1).join(':')}`;
    });
    return [
      `this copy has ${events.length} events`,
      published ? `the result names evidence ${String(contentOf(published).evidence)}` : 'no result event',
      election
        ? `the election is ${election.phase}, its archive here ends with ${electionEvidence(election)}: ${steps?.join(', ')}`
        : 'no election',
    ].join('; ');
  } catch (error) {
    return `(the room could not be read: ${(error as Error).message})`;
  }
}

/** The offer's copy in the Recyclerie's announcements room (joined through its card's servers). */
async function receivedInParis(
  client: MatrixClient,
  paris: GroupView,
  repair: GroupView,
  groups: DemoGroups,
): Promise<ServerView['announcement']> {
  const inbox = groups.paris.rooms.announcements as string;
  const failure = await reachRoom(client, inbox, viaOf(paris, inbox));
  if (failure) throw new Error(`cannot reach the Recyclerie's announcements: ${failure.reason}`);
  // Checked at each change the room's follower reads, never polled.
  const received = await followUntil(
    client,
    inbox,
    `the offer in the Recyclerie's announcements from ${client.getDomain()}`,
    (follower) => {
      const found = receivedAnnouncements(follower.log(), paris.profile, [paris, repair]).announcements;
      return found.length > 0 ? found : undefined;
    },
    180_000,
  );
  const first = received[0];
  return first ? { title: first.announcement.title, fromGroup: first.announcement.origin.group } : undefined;
}
