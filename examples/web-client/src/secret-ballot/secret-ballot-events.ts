/**
 * @module
 * The events of a secret ballot run by the members themselves (the proposer is the trustee) in the
 * group's decisions room, and the fold that reads them back, parsing untrusted content at this one
 * boundary. They are this example's own (`org.imago.example.helios.*`), outside
 * `@imago/matrix-binding`'s `org.imago.helios.*` namespace:
 *
 * - `org.imago.example.helios.setup` `{ decision, election, trustee }` — by the decision's proposer (the
 *   trustee): the election JSON text and the trustee public key JSON text; the first valid one counts;
 * - `org.imago.example.helios.ballot` `{ decision, ballot }` — by a voter: the ballot JSON text; ballots
 *   sent after the decision closed do not count;
 * - `org.imago.example.helios.decryption` `{ decision, partial_decryption }` — by the trustee;
 * - the result itself is governance's `org.imago.governance.secret.result`, accepted by the
 *   decision engine only when {@link secretResultVerifier} confirms it.
 */
import type { SecretElectionParameters, SecretResultContent } from '@imago/governance';
import type { RawMatrixEvent } from '@imago/matrix-binding';
import type { Election } from './helios';
import { countedBallots, type PostedBallot, readSetup, verifiedResult } from './secret-election';
import { readServiceElection, verifiedArchives } from './service-election';

/** Event types of the secret ballot. */
export const SecretBallotEventTypes = {
  setup: 'org.imago.example.helios.setup',
  ballot: 'org.imago.example.helios.ballot',
  decryption: 'org.imago.example.helios.decryption',
} as const;

/** What the room says about one decision's secret ballot. */
export interface SecretBallotRecord {
  election?: Election;
  /** Event id of the setup. */
  setupId?: string;
  ballots: (PostedBallot & { id: string; timestamp: number })[];
  partialDecryption?: string;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length < 60_000 ? value : undefined;

/**
 * Reads the secret-ballot events of one decision.
 *
 * @param events - the decisions room's events, in order (untrusted).
 * @param decision - the decision id.
 * @param proposer - the decision's proposer, who is its trustee.
 */
export function readSecretBallot(
  events: readonly RawMatrixEvent[],
  decision: string,
  proposer: string,
): SecretBallotRecord {
  const record: SecretBallotRecord = { ballots: [] };
  for (const event of events) {
    const content = (
      typeof event.content === 'object' && event.content !== null ? event.content : {}
    ) as Record<string, unknown>;
    if (
      content.decision !== decision ||
      typeof event.event_id !== 'string' ||
      typeof event.sender !== 'string'
    ) {
      continue;
    }
    if (event.type === SecretBallotEventTypes.setup && !record.election && event.sender === proposer) {
      const election = text(content.election);
      const trustee = text(content.trustee);
      const parsed = election && trustee ? readSetup(election, trustee) : undefined;
      if (parsed) {
        record.election = parsed;
        record.setupId = event.event_id;
      }
    } else if (event.type === SecretBallotEventTypes.ballot && record.election) {
      const ballot = text(content.ballot);
      if (ballot && typeof event.origin_server_ts === 'number') {
        record.ballots.push({
          id: event.event_id,
          sender: event.sender,
          text: ballot,
          timestamp: event.origin_server_ts,
        });
      }
    } else if (
      event.type === SecretBallotEventTypes.decryption &&
      event.sender === proposer &&
      !record.partialDecryption
    ) {
      record.partialDecryption = text(content.partial_decryption);
    }
  }
  return record;
}

/** The ballots cast before the decision closed, as the tally counts them. */
export function ballotsInTime(
  record: SecretBallotRecord,
  parameters: Pick<SecretElectionParameters, 'closesAt'>,
) {
  return record.ballots.filter((b) => b.timestamp < parameters.closesAt);
}

const verified = new Map<string, number[] | null>();

/**
 * The check the decision engine runs on a secret result: recompute the tally from the ballots in
 * the room, verify every proof, and compare with the published result. Memoised by the evidence
 * it looks at, since replays happen on every change.
 *
 * @param roomId - the decisions room.
 * @param events - the decisions room's events.
 * @param proposerOf - the proposer of a decision.
 */
export function secretResultVerifier(
  roomId: string,
  events: readonly RawMatrixEvent[],
  proposerOf: (decision: string) => string | undefined,
): (parameters: SecretElectionParameters, content: SecretResultContent) => boolean {
  return (parameters, content) => {
    // Run by the group's service: the result must be the one of the election's archive, exported
    // from the room's steps and verified here; the evidence is the hash of its last event.
    const service = readServiceElection(roomId, events, parameters.decision);
    if (service) {
      const check = typeof content.evidence === 'string' ? verifiedArchives.get(content.evidence) : undefined;
      return (
        check?.ok === true &&
        check.lastEvent === content.evidence &&
        check.election?.uuid === service.uuid &&
        JSON.stringify(check.result) === JSON.stringify(content.result)
      );
    }
    const proposer = proposerOf(parameters.decision);
    if (!proposer) return false;
    const record = readSecretBallot(events, parameters.decision, proposer);
    if (!record.election || !record.partialDecryption) return false;
    const inTime = ballotsInTime(record, parameters);
    const key = [
      parameters.decision,
      record.setupId,
      ...inTime.map((b) => b.id),
      record.partialDecryption,
    ].join('|');
    let totals = verified.get(key);
    if (totals === undefined) {
      const counted = countedBallots(record.election, inTime, parameters.voters);
      totals = verifiedResult(record.election, counted, record.partialDecryption) ?? null;
      verified.set(key, totals);
    }
    const claimed = content.result;
    return (
      totals !== null &&
      claimed.length === totals.length &&
      claimed.every((value, i) => typeof value === 'number' && value === totals[i])
    );
  };
}
