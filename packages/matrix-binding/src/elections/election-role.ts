/**
 * @module
 * What the authority's and a member's election roles share: reporting what they do, taking a step
 * once while it is on its way to the room, handling one room at a time, the secret decisions due,
 * the trustee numbers that posted a step, and the election's public credentials.
 */
import type { GovernanceState } from '@imago/governance';
import { type Election, parseElection, parsePublicCredentials, setupTextsOf } from '@imago/helios-c';
import type { MatrixClient } from 'matrix-js-sdk';
import { onEncryptedToDevice } from '../client/encrypted-to-device';
import { ContentProblem } from '../events/content-reader';
import type { ElectionActivity } from './election-authority';
import type { ElectionStore } from './election-store';
import { writeStored } from './election-store';
import type { SecretBallotReplay } from './replay-secret-ballots';

/** How long a step sent but not yet back from the room is not sent again (ms). */
const IN_FLIGHT_MS = 60_000;

/** The machinery of a role. */
export interface RoleMachinery {
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
  now?: () => number;
  onActivity?: (activity: ElectionActivity) => void;
}): RoleMachinery {
  const now = options.now ?? Date.now;
  const inFlight = new Map<string, number>();
  const noted = new Set<string>();
  const queues = new Map<string, Promise<unknown>>();
  return {
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

/** The trustee numbers (`owner`) that posted a step of a type. */
export function owners(
  election: SecretBallotReplay,
  type: 'Shuffle' | 'PartialDecryption',
): Set<number | undefined> {
  return new Set(
    election.steps
      .filter((s) => s.type === type)
      .map((s) => (JSON.parse(s.data[1] ?? '{}') as { owner?: number }).owner),
  );
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
