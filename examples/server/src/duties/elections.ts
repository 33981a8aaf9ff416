/**
 * @module
 * The service's part in its groups' secret elections: it is the groups' authority, so it runs the
 * binding's election protocol as the authority (`electionDuties` with `authority: true`) — it sets
 * each election up from the member trustees' keys, holds one key itself, delivers the voters'
 * credentials Olm-encrypted, posts the ballots handed to it, ends the vote, tallies, decrypts its
 * part and publishes the verified result. Everything it must not lose lives in its work folder
 * (`elections/`: an election store), so a restarted service goes on where it stopped. Before a
 * result is published, the archive exported from the room is also verified by belenios-tool, the
 * independent verifier.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type ElectionDuties,
  electionDuties,
  electionEvidence,
  electionOfDecision,
  type FollowedElections,
  followElections,
  type SecretBallotReplay,
} from '@imago/matrix-binding';
import { fileElectionStore } from '@imago/matrix-binding/node';
import { beleniosTool } from './belenios-tool';
import { type DutyContext, groupMembers } from './duty-context';

/** What the service tells of a decision's election (for outcomes and reports). */
export interface ElectionSummary {
  readonly uuid: string;
  /** Ballots on the board. */
  readonly ballots: number;
  /** The accounts that posted shuffles, and partial decryptions, in order. */
  readonly shuffledBy: readonly string[];
  readonly decryptedBy: readonly string[];
  /** The first question's result, once published (homomorphic: totals; otherwise the decrypted ballots). */
  readonly result?: unknown;
  /** The hash of the archive's last event (the result's evidence). */
  readonly evidence?: string;
  /** Who verified the archive exported from the room: `helios-c`, `belenios-tool`. */
  readonly verifiedBy: readonly string[];
}

/** The service's elections. */
export interface ServiceElections {
  readonly duties: ElectionDuties;
  /** Follows a decisions room for its elections (once per room). */
  follow(roomId: string): Promise<void>;
  /** The election of a decision, as the service replays it. */
  summary(roomId: string, decision: string): ElectionSummary | undefined;
  stop(): void;
}

const owners = (election: SecretBallotReplay, type: string) =>
  election.steps.filter((s) => s.type === type).map((s) => s.sender);

/**
 * Starts the service's election duties.
 *
 * @param context - the duty context (client with crypto, configuration, log, watcher).
 * @returns the elections.
 */
export async function startElections(context: DutyContext): Promise<ServiceElections> {
  const store = await fileElectionStore(join(context.config.workDir, 'elections'));
  const verifiedBy = new Map<string, string[]>();
  const tool = context.config.beleniosTool;
  const duties = electionDuties({
    client: context.client,
    store,
    authority: true,
    participant: false,
    groups: () => groupMembers(context),
    async verify(archive, election) {
      const dir = join(context.config.workDir, 'archives', election.election);
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, `${election.election}.bel`), archive);
      const by = ['helios-c'];
      if (tool) {
        await beleniosTool(tool, ['election', 'verify', '--dir=.'], dir);
        by.push('belenios-tool');
      }
      verifiedBy.set(election.election, by);
      context.log.info(
        'elections',
        `archive ${election.election}.bel exported from the room (${archive.length} bytes, ${election.steps.length} steps) verified by ${by.join(' and ')}`,
        {
          decision: election.decision,
        },
      );
    },
    onActivity(activity) {
      const write = activity.level === 'warn' ? context.log.warn : context.log.info;
      write.call(context.log, 'elections', `${activity.step}: ${activity.detail}`, {
        roomId: activity.roomId,
        decision: activity.decision,
        ...(activity.election ? { data: { uuid: activity.election } } : {}),
      });
    },
    // A verified result changes the decisions replay: the decision duty runs again.
    onUpdate: (roomId) => context.watcher.poke(roomId),
    onError: (roomId, error) => context.log.error('elections', `update failed: ${error.message}`, { roomId }),
  });
  const followed = new Map<string, Promise<FollowedElections>>();
  return {
    duties,
    async follow(roomId) {
      if (!followed.has(roomId)) {
        const started = followElections(context.client, roomId, duties, (error) =>
          context.log.error('elections', `update failed: ${error.message}`, { roomId }),
        );
        followed.set(roomId, started);
        started.catch(() => followed.delete(roomId));
      }
      await followed.get(roomId);
    },
    summary(roomId, decision) {
      const election = electionOfDecision(duties.last(roomId)?.ballots.elections ?? new Map(), decision);
      if (election === undefined) return undefined;
      let result: unknown;
      try {
        result = (JSON.parse(election.result ?? 'null') as { result?: unknown[] } | null)?.result?.[0];
      } catch {
        result = undefined;
      }
      const evidence = election.phase === 'done' ? electionEvidence(election) : undefined;
      return {
        uuid: election.election,
        ballots: election.steps.filter((s) => s.type === 'Ballot').length,
        shuffledBy: owners(election, 'Shuffle'),
        decryptedBy: owners(election, 'PartialDecryption'),
        ...(result === undefined ? {} : { result }),
        ...(evidence ? { evidence } : {}),
        verifiedBy: verifiedBy.get(election.election) ?? [],
      };
    },
    stop() {
      duties.stop();
      for (const started of followed.values())
        void started.then(
          (f) => f.stop(),
          () => undefined,
        );
    },
  };
}
