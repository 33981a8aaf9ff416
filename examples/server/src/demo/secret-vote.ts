/**
 * @module
 * The secret majority-judgment vote on spending a grant, with @imago/matrix-binding's election
 * protocol: each member's client takes part with the binding's election duties. Amélie and Bruno
 * (on the Lyon server) and David (on the Paris server) establish a threshold key — any two of them
 * decrypt, with the service — every voter gets its credential Olm-encrypted (the group's chat is
 * encrypted: the service's crypto knows the members' devices through it) and hands its encrypted
 * ballot to the service, which posts it.
 */
import {
  type ElectionsUpdate,
  electionDuties,
  electionOfDecision,
  type FollowedElections,
  followElections,
  memoryElectionStore,
  propose,
  sendState,
} from '@imago/matrix-binding';
import type { Cast } from './cast';
import { REPAIR_MEMBERS } from './groups';
import { untilChange } from './wait';

/**
 * The secret ballots of the scenario: grades 1 Excellent, 2 Good, 3 Fair, 4 Poor, one per option
 * (soldering stations, cargo-bike trailer, sewing machines), by voter.
 */
export const SECRET_VOTES: Readonly<Record<string, readonly number[]>> = {
  amelie: [1, 2, 3],
  bruno: [2, 1, 3],
  chloe: [3, 1, 2],
  david: [2, 1, 4],
  emma: [1, 3, 2],
  farid: [2, 2, 1],
};

/** The member trustees of the secret vote (threshold 2 of 3, plus the service's server key). */
export const TRUSTEES = ['amelie', 'bruno', 'david'] as const;

/** The options of the secret vote. */
export const SECRET_OPTIONS = ['Soldering stations', 'Cargo-bike trailer', 'Sewing machines'] as const;

/** The members' part in the election: their duties, and the steps each one took. */
export interface ElectionMembers {
  readonly duties: ReadonlyMap<string, ReturnType<typeof electionDuties>>;
  readonly steps: ReadonlyMap<string, string[]>;
  /** Updates and readings of the room that failed, by member (the next change of the room tries again). */
  readonly errors: ReadonlyMap<string, string[]>;
  /**
   * Calls `listener` after each activity and each update of a member's duties.
   *
   * @returns the listener's removal.
   */
  onChange(key: string, listener: () => void): () => void;
  /** Stops these members' part (default: every member's). */
  stop(keys?: readonly string[]): void;
}

/**
 * Encrypts the group's chat and starts every member's election duties on the decisions room.
 *
 * @param cast - the people.
 * @param chat - the Repair Café's chat room.
 * @param decisions - its decisions room.
 * @returns the members' duties.
 */
export async function startElectionMembers(
  cast: Cast,
  chat: string,
  decisions: string,
): Promise<ElectionMembers> {
  await sendState(cast.person('amelie').client, chat, 'm.room.encryption', '', {
    algorithm: 'm.megolm.v1.aes-sha2',
  });
  const keys = ['amelie', ...REPAIR_MEMBERS];
  const steps = new Map(keys.map((key) => [key, [] as string[]]));
  const errors = new Map(keys.map((key) => [key, [] as string[]]));
  const listeners = new Map(keys.map((key) => [key, new Set<() => void>()]));
  const changed = (key: string) => {
    for (const listener of listeners.get(key) ?? []) listener();
  };
  const duties = new Map(
    keys.map((key) => [
      key,
      electionDuties({
        client: cast.person(key).client,
        store: memoryElectionStore(),
        // A ballot the service has not posted yet is handed to it again, then posted by the voter
        // itself: from the Paris server, at the same time as the service posts others, each server
        // would order the ballots its own way and rebuild another archive. The service checks
        // six ballots slowly on a loaded machine: 45 s before handing one again, not 15.
        relayTimeoutMs: 45_000,
        onActivity: (a) => {
          steps.get(key)?.push(a.step);
          changed(key);
        },
        onUpdate: () => changed(key),
        onError: (_room, error) => errors.get(key)?.push(error.message),
      }),
    ]),
  );
  const followed = new Map<string, FollowedElections>();
  for (const [key, member] of duties)
    followed.set(
      key,
      await followElections(cast.person(key).client, decisions, member, (error) =>
        errors.get(key)?.push(`reading the room: ${error.message}`),
      ),
    );
  return {
    duties,
    steps,
    errors,
    onChange: (key, listener) => {
      listeners.get(key)?.add(listener);
      return () => listeners.get(key)?.delete(listener);
    },
    stop: (only = keys) => {
      for (const key of only) {
        followed.get(key)?.stop();
        duties.get(key)?.stop();
      }
    },
  };
}

/** Where a member's last replay of the room stands on the decision's election, to say why it waits. */
function electionSoFar(update: ElectionsUpdate | undefined, decision: string): string {
  if (update === undefined) return 'the room was never replayed';
  const election = electionOfDecision(update.ballots.elections, decision);
  const outcome = update.decisions.state.decisions.get(decision)?.outcome;
  return [
    election ? `its election is ${election.phase}` : 'no Setup of its election yet',
    outcome ? `the decision is ${outcome.status}` : 'the decision is open',
  ].join(', ');
}

/**
 * Proposes the secret vote and has every voter cast its ballot once its credential arrived.
 *
 * @param cast - the people.
 * @param members - the members' election duties.
 * @param decisions - the decisions room.
 * @returns the decision id, and a promise settled when every ballot was handed over.
 */
export async function proposeSecretVote(
  cast: Cast,
  members: ElectionMembers,
  decisions: string,
): Promise<{ readonly decision: string; readonly ballotsCast: Promise<void> }> {
  const decision = await propose(cast.person('amelie').client, decisions, {
    kind: 'spend-resource',
    title: 'How should we spend the €600 grant?',
    options: [...SECRET_OPTIONS],
    action: { amount: '600 EUR' },
    trustees: { members: TRUSTEES.map(cast.id), threshold: 2 },
  });
  const ballotsCast = Promise.all(
    Object.entries(SECRET_VOTES).map(async ([key, grades]) => {
      const voter = members.duties.get(key)?.participant;
      if (!voter) throw new Error(`${key} takes no part in the election`);
      // Checked at each step of the voter's duties (the credential's arrival is one), never polled;
      // the credential comes once the trustees established their key and the service set the
      // election up, within the vote's time.
      await untilChange(
        `${key}'s credential`,
        (listener) => members.onChange(key, listener),
        async () => (await voter.status(decisions, decision)).credentials > 0,
        240_000,
      ).catch((error: Error) => {
        throw new Error(
          `${error.message} (${electionSoFar(members.duties.get(key)?.last(decisions), decision)})`,
        );
      });
      await voter.cast(decisions, decision, [[...grades]]);
    }),
  ).then(() => undefined);
  // Settled later; a rejection is reported when awaited, not as an unhandled one meanwhile.
  ballotsCast.catch(() => undefined);
  return { decision, ballotsCast };
}
