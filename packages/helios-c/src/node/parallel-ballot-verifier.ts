/**
 * Ballot verification on worker threads (Node only): ballots are independent, so they are checked
 * in parallel, one worker per core, each on its share of the ballots. Results come back in input
 * order, with parsed ballots (bigint elements are copied by structured clone).
 *
 * The worker is the calling script itself: an entry point calls {@link serveBallotVerification}
 * first, and passes its own path as `script`.
 *
 * @module
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { parseElection } from '../election/election';
import { allGroups } from '../groups/group-by-name';
import type { BallotVerification } from '../verify/ballot-verification';
import { verifyBallot } from '../verify/ballot-verification';
import {
  type BallotBatchVerifier,
  nonMemberCredentials,
  sequentialBallots,
} from '../verify/stages/ballot-events';

const marker = 'helios-c/ballot-verification';

interface Job {
  readonly kind: typeof marker;
  readonly election: string;
  readonly credentials: readonly string[];
  readonly texts: readonly string[];
  /** Credentials whose membership this worker checks. */
  readonly membershipChecks: readonly string[];
}

type WorkerMessage =
  | { readonly progress: number }
  | { readonly results: BallotVerification<unknown>[]; readonly nonMembers: string[] };

/**
 * In a worker started by {@link nodeBallotVerifier}: checks the ballots it was given and reports.
 * @returns true when running as such a worker (the caller should then do nothing else)
 */
export function serveBallotVerification(): boolean {
  if (isMainThread || (workerData as Job | undefined)?.kind !== marker || !parentPort) return false;
  const job = workerData as Job;
  const parsed = parseElection(job.election, allGroups);
  if (!parsed.ok) throw parsed.error;
  const credentials = new Set(job.credentials);
  const results: BallotVerification<unknown>[] = [];
  for (const [i, text] of job.texts.entries()) {
    results.push(verifyBallot(parsed.value, text, (c) => credentials.has(c)));
    if (i % 8 === 7) parentPort.postMessage({ progress: 8 } satisfies WorkerMessage);
  }
  const nonMembers = nonMemberCredentials(parsed.value, job.membershipChecks);
  parentPort.postMessage({ results, nonMembers } satisfies WorkerMessage);
  return true;
}

/** Options of {@link nodeBallotVerifier}. */
export interface NodeBallotVerifierOptions {
  /** The script to run as worker (an entry point that calls {@link serveBallotVerification}). */
  readonly script?: string | URL;
  /** Number of workers (default: available cores). */
  readonly workers?: number;
  /** Below this many ballots, check them in the calling thread. */
  readonly minimumForWorkers?: number;
}

/**
 * A ballot verifier using worker threads when given a worker script, for finite-field groups.
 * @param options - worker script and count
 * @returns the verifier
 * @example
 * const report = await verifyArchive(bytes, { verifyBallots: nodeBallotVerifier({ script: fileURLToPath(import.meta.url) }) });
 */
export function nodeBallotVerifier(options: NodeBallotVerifierOptions = {}): BallotBatchVerifier {
  return async (election, batch, onProgress) => {
    const { texts, credentials, membershipChecks } = batch;
    const workers = Math.max(
      1,
      Math.min(options.workers ?? availableParallelism(), Math.ceil(texts.length / 16)),
    );
    const bigintElements = typeof election.publicKey === 'bigint';
    if (
      !options.script ||
      workers < 2 ||
      !bigintElements ||
      texts.length < (options.minimumForWorkers ?? 32)
    ) {
      return sequentialBallots(election, batch, onProgress);
    }
    const share = <T>(list: readonly T[], w: number): T[] => list.filter((_, i) => i % workers === w);
    let done = 0;
    const outputs = await Promise.all(
      Array.from(
        { length: workers },
        (_, w) =>
          new Promise<{ results: BallotVerification<unknown>[]; nonMembers: string[] }>((resolve, reject) => {
            const job: Job = {
              kind: marker,
              election: election.text,
              credentials: [...credentials],
              texts: share(texts, w),
              membershipChecks: share(membershipChecks, w),
            };
            const worker = new Worker(options.script as string | URL, { workerData: job });
            worker.on('message', (message: WorkerMessage) => {
              if ('progress' in message) {
                done += message.progress;
                onProgress?.(Math.min(done, texts.length), texts.length);
              } else {
                resolve(message);
                void worker.terminate();
              }
            });
            worker.on('error', reject);
          }),
      ),
    );
    onProgress?.(texts.length, texts.length);
    return {
      ballots: texts.map((_, i) => outputs[i % workers]!.results[Math.floor(i / workers)]) as never,
      nonMembers: outputs.flatMap((o) => o.nonMembers),
    };
  };
}
