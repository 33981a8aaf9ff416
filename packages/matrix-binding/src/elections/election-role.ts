/**
 * @module
 * What the authority's and a member's election roles share: their client, account, store and
 * wake-up, reporting what they do, taking a step once while it is on its way to the room, handling
 * one room at a time, the secret decisions due, and the election's public credentials.
 */
import type { GovernanceState } from '@imago/governance';
import { type Election, parseElection, parsePublicCredentials, setupTextsOf } from '@imago/helios-c';
import type { MatrixClient } from 'matrix-js-sdk';
import { onEncryptedToDevice } from '../client/encrypted-to-device';
import { ContentProblem } from '../events/content-reader';
import type { SecretBallotReplay } from './election-state';
import type { ElectionStore } from './election-store';
import { writeStored } from './election-store';

/** Something an election participant did or could not do, for the application's log. */
export interface ElectionActivity {
  readonly roomId: string;
  readonly decision: string;
  /** The election's uuid, once set up. */
  readonly election?: string;
  /** What happened: a step posted (`Setup`, `EndBallots`…), `credentials`, `relayed-ballot`, `waiting`, `failed`… */
  readonly step: string;
  readonly detail: string;
  readonly level: 'info' | 'warn';
}

/** @internal Where an activity takes place: the room, the decision and its election once set up. */
export type ActivityPlace = Pick<ElectionActivity, 'roomId' | 'decision' | 'election'>;

/** How long a step sent but not yet back from the room is not sent again (ms). */
const IN_FLIGHT_MS = 60_000;

/** @internal The machinery of a role. */
export interface RoleMachinery {
  readonly client: MatrixClient;
  /** The role's own account. */
  readonly me: string;
  readonly store: ElectionStore;
  /** Asks the application to handle the room again, at `at` (ms) or as soon as it can. */
  wake(roomId: string, at?: number): void;
  readonly now: () => number;
  report(activity: Omit<ElectionActivity, 'level'> & { level?: ElectionActivity['level'] }): void;
  /** Runs `action` unless the same step is already on its way; `true` when it ran. */
  once(key: string, action: () => Promise<unknown>): Promise<boolean>;
  /** Whether this is the first time something is noted (to report a state once). */
  first(key: string): boolean;
  /** Runs the tasks of one room one after the other. */
  serial<T>(roomId: string, task: () => Promise<T>): Promise<T>;
}

/** @internal */
export function roleMachinery(options: {
  readonly client: MatrixClient;
  readonly store: ElectionStore;
  wake(roomId: string, at?: number): void;
  now?: () => number;
  onActivity?: (activity: ElectionActivity) => void;
}): RoleMachinery {
  const now = options.now ?? Date.now;
  const inFlight = new Map<string, number>();
  const noted = new Set<string>();
  const queues = new Map<string, Promise<unknown>>();
  return {
    client: options.client,
    me: options.client.getSafeUserId(),
    store: options.store,
    wake: (roomId, at) => options.wake(roomId, at),
    now,
    report: (activity) => options.onActivity?.({ level: 'info', ...activity }),
    async once(key, action) {
      const since = inFlight.get(key);
      if (since !== undefined && now() - since < IN_FLIGHT_MS) return false;
      inFlight.set(key, now());
      try {
        await action();
        return true;
      } catch (error) {
        inFlight.delete(key);
        throw error;
      }
    },
    first: (key) => !noted.has(key) && noted.add(key) !== undefined,
    serial(roomId, task) {
      const next = (queues.get(roomId) ?? Promise.resolve()).then(task);
      queues.set(
        roomId,
        next.catch(() => undefined),
      );
      return next;
    },
  };
}

/** The secret decisions of a state whose election may be under way (open or closed, trustees named). */
export function secretDecisions(state: GovernanceState): string[] {
  return [...state.decisions.keys()].filter((id) => {
    const decision = state.decisions.get(id);
    return (
      decision !== undefined &&
      decision.rule.protocol === 'democracy' &&
      decision.rule.ballot === 'secret' &&
      decision.secret?.trustees !== undefined &&
      (decision.status === 'open' || decision.status === 'closed')
    );
  });
}

/** The parsed election of a Setup and the texts of its public credentials, or `undefined` when unusable. */
export function electionCredentials(
  election: SecretBallotReplay,
): { readonly election: Election; readonly known: ReadonlySet<string> } | undefined {
  const texts = election.steps[0] && setupTextsOf(election.steps[0]);
  const parsed = texts && parseElection(texts.election);
  if (!texts || !parsed?.ok) return undefined;
  const credentials = parsePublicCredentials(parsed.value.group, texts.credentials);
  return credentials.ok
    ? { election: parsed.value, known: new Set(credentials.value.map((c) => c.text)) }
    : undefined;
}

/**
 * Keeps every well-formed private message of a type, Olm-encrypted, in the store before anything
 * else (so that none is lost if the process stops), then asks for its room to be handled.
 *
 * @returns a function that stops listening.
 */
export function keepElectionMessages<T extends { readonly room: string }>(
  client: MatrixClient,
  store: ElectionStore,
  type: string,
  read: (content: unknown) => T,
  keyOf: (message: T, sender: string) => string,
  wake: (roomId: string) => void,
): () => void {
  return onEncryptedToDevice(client, type, (content, sender) => {
    let message: T;
    try {
      message = read(content);
    } catch (problem) {
      if (problem instanceof ContentProblem) return;
      throw problem;
    }
    void writeStored(store, keyOf(message, sender), { sender, message }).then(() => wake(message.room));
  });
}
