/**
 * @module
 * A group the bridge serves: created with the bridge's bot invited, its control table giving the
 * bridge's kinds of decision to its creator alone (oligarchy, 1 of 1), and published on the
 * fediverse by a decision.
 */
import {
  appendToRoomLog,
  type CreatedGroup,
  closeDecision,
  createGroup,
  emptyRoomLog,
  fetchRoomHistory,
  initControlTable,
  propose,
  replayDecisions,
  sendGovernanceEvent,
} from '@imago/matrix-binding';
import type { TestHomeserver } from '@imago/matrix-binding/testing';
import { expect } from 'vitest';
import { rawHistory } from './bridge-harness';
import type { Json } from './peer';
import { eventually } from './services';

const HOUR = 3_600_000;
/** The Accept header that asks for an ActivityPub document. */
export const ACTIVITY_JSON = { headers: { accept: 'application/activity+json' } };

type Client = Parameters<typeof createGroup>[0];

/**
 * Creates the group and waits until the bot has joined its decisions room.
 *
 * @param creator - the creator's client and session (user id, access token).
 * @param options - the group's profile and join rule, the bot, and the kinds its creator decides alone.
 * @returns the created group.
 */
export async function groupWithBot(
  homeserver: TestHomeserver,
  creator: { client: Client; userId: string; accessToken: string },
  options: Pick<Parameters<typeof createGroup>[1], 'profile' | 'joinRule'> & {
    bot: string;
    kinds: readonly string[];
  },
): Promise<CreatedGroup> {
  const group = await createGroup(creator.client, {
    profile: options.profile,
    rooms: ['chat', 'decisions'],
    invite: [options.bot],
    ...(options.joinRule ? { joinRule: options.joinRule } : {}),
  });
  const decisions = group.rooms.decisions as string;
  const alone = {
    protocol: 'oligarchy',
    deciders: { members: [creator.userId] },
    required: 1,
    duration: HOUR,
  };
  await initControlTable(creator.client, decisions, {
    rules: {
      'change-control-table': { protocol: 'consensus', duration: HOUR },
      ...Object.fromEntries(options.kinds.map((kind) => [kind, alone])),
    },
  } as never);
  await eventually(
    'the bot to join the decisions room',
    async () =>
      (await rawHistory(homeserver, creator.accessToken, decisions)).some(
        (e) =>
          e.type === 'm.room.member' &&
          e.state_key === options.bot &&
          (e.content as Json).membership === 'join',
      ),
    (joined) => joined,
    60_000,
  );
  return group;
}

/**
 * The group's authority (its creator) closes a decision its deciders have just settled: settled
 * before its deadline, it is provisional until that close names it, and the bridge waits for it.
 *
 * @param authority - the authority's client.
 * @param decisions - the decisions room.
 * @param decision - the decision's id.
 */
export async function confirmByClose(authority: Client, decisions: string, decision: string): Promise<void> {
  const log = appendToRoomLog(emptyRoomLog(decisions), await fetchRoomHistory(authority, decisions));
  await closeDecision(authority, decisions, decision, replayDecisions(log).state);
}

/**
 * Proposes publishing the group and approves the proposal (then closes it, as its authority); with
 * `statusBefore`, checks what the actor's address answers while the decision is open, and while
 * its adoption is provisional (approved, not closed yet).
 *
 * @returns the group's actor, once served.
 */
export async function publishByDecision(
  client: Client,
  decisions: string,
  groupIri: string,
  proposal: { kind: string; title?: string; action: Json; statusBefore?: number },
): Promise<Json> {
  const { statusBefore, ...content } = proposal;
  const publish = await propose(client, decisions, content as never);
  if (statusBefore !== undefined) expect((await fetch(groupIri, ACTIVITY_JSON)).status).toBe(statusBefore);
  await sendGovernanceEvent(client, decisions, 'org.imago.governance.approve', { decision: publish });
  if (statusBefore !== undefined) {
    // Adopted by its decider before the deadline, provisionally: the bridge waits for the close.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect((await fetch(groupIri, ACTIVITY_JSON)).status).toBe(statusBefore);
  }
  await confirmByClose(client, decisions, publish);
  return (await eventually(
    'the group actor',
    async () => {
      const response = await fetch(groupIri, ACTIVITY_JSON);
      return response.ok ? ((await response.json()) as Json) : undefined;
    },
    (value) => value !== undefined,
  )) as Json;
}
