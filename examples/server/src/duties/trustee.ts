/**
 * @module
 * The trustee's steps the service is entrusted with, for each secret democracy decision of a
 * group: it holds the server key (one Helios-C trustee among the group's), acts as the
 * credential authority and the bulletin board, adds the ballots voters send as room events to the
 * Belenios archive, and at closing runs the tally: its own shuffle and partial decryption, and
 * asks each member trustee for theirs (archive and answers through the media repository). The
 * archive is verified by Helios-C and by belenios-tool before the result is posted as
 * `org.imago.governance.secret.result`. Protocol: Belenios 2.0 (its specification, §4).
 */

import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  GovernanceEventTypes,
  type GovernanceState,
  type SecretElectionParameters,
  secretElectionParameters,
} from '@imago/governance';
import { type RawMatrixEvent, sendEvent, sendGovernanceEvent } from '@imago/matrix-binding';
import {
  HeliosEventTypes,
  readBallot,
  readStepMessage,
  readTrusteeKey,
  type TrusteeStep,
} from '../helios/election-events';
import { beleniosTool, heliosC } from '../helios/helios-cli';
import { downloadBytes, uploadBytes } from '../helios/media';
import type { DutyContext } from './duty-context';

/** A secret election run by the service. */
export interface ElectionRun {
  readonly decision: string;
  readonly roomId: string;
  readonly dir: string;
  /** End of the voting period: later ballots are refused. */
  readonly closesAt: number;
  phase: 'keys' | 'open' | 'tallying' | 'verified' | 'failed';
  uuid?: string;
  /** Member trustees (user ids) in trustee order after the server key (trustee 1). */
  readonly memberTrustees: readonly string[];
  readonly keys: Map<string, string>;
  readonly ballotsSeen: Set<string>;
  ballotsAccepted: number;
  ballotsRefused: number;
  /** Decrypted result and verification, once verified. */
  result?: readonly (readonly number[])[];
  verifiedBy: string[];
  archive?: string;
  archiveBytes?: number;
  timings: Record<string, number>;
  readonly waiting: Map<string, (uri: string) => void>;
}

/** The service's elections, by decision id. */
export type Elections = Map<string, ElectionRun>;

const safe = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '_');

function memberTrusteesOf(action: unknown): string[] {
  const trustees = (action as { trustees?: unknown } | undefined)?.trustees;
  return Array.isArray(trustees) ? trustees.filter((t): t is string => typeof t === 'string') : [];
}

async function only(dir: string, suffix: string): Promise<string> {
  const file = (await readdir(dir)).find((name) => name.endsWith(suffix));
  if (!file) throw new Error(`no ${suffix} in ${dir}`);
  return join(dir, file);
}

/**
 * The verifier the decision replay plugs into governance: a secret result is accepted only if it
 * is the result of an archive this service verified with Helios-C (and belenios-tool).
 */
export function verifiedResultCheck(elections: Elections) {
  return (parameters: SecretElectionParameters, content: { result: unknown }) => {
    const run = elections.get(parameters.decision);
    return run?.phase === 'verified' && JSON.stringify(run.result) === JSON.stringify(content.result);
  };
}

/**
 * Handles a decisions room for the secret elections: keys, set-up, ballots, tally.
 *
 * @param context - the duty context.
 * @param roomId - the decisions room.
 * @param state - the room's governance state (replayed at the current time).
 * @param fresh - the room's new events.
 * @param elections - the service's elections.
 */
export async function runTrusteeDuty(
  context: DutyContext,
  roomId: string,
  state: GovernanceState,
  fresh: readonly RawMatrixEvent[],
  elections: Elections,
): Promise<void> {
  for (const event of fresh) {
    const content = event.content;
    if (event.type === HeliosEventTypes.trusteeKey) {
      const key = readTrusteeKey(content);
      const run = key ? elections.get(key.decision) : undefined;
      if (key && run?.memberTrustees.includes(String(event.sender))) {
        run.keys.set(String(event.sender), key.publicKey);
        context.log.info('trustee', `received the public key of trustee ${event.sender}`, {
          roomId,
          decision: run.decision,
        });
      }
    } else if (event.type === HeliosEventTypes.contribution) {
      const message = readStepMessage(content, 'payload');
      const run = message ? elections.get(message.decision) : undefined;
      const expected = message ? run?.memberTrustees[message.trusteeId - 2] : undefined;
      if (message && run && expected === event.sender) {
        run.waiting.get(`${message.step}/${message.trusteeId}`)?.(message.uri);
      }
    }
  }
  for (const id of state.decisions.keys()) {
    const decision = state.decisions.get(id);
    if (decision?.rule.protocol !== 'democracy' || decision.rule.ballot !== 'secret') continue;
    let run = elections.get(id);
    if (!run && (decision.status === 'open' || decision.status === 'closed') && decision.secret) {
      run = {
        decision: id,
        roomId,
        closesAt: decision.closesAt,
        dir: join(context.config.workDir, safe(id)),
        phase: 'keys',
        memberTrustees: memberTrusteesOf(decision.action),
        keys: new Map(),
        ballotsSeen: new Set(),
        ballotsAccepted: 0,
        ballotsRefused: 0,
        verifiedBy: [],
        timings: {},
        waiting: new Map(),
      };
      elections.set(id, run);
      context.log.info(
        'trustee',
        `secret decision "${decision.title ?? decision.kind}" opened: ${decision.secret.voters.length} voters, trustees: server key + ${run.memberTrustees.join(', ') || 'none'}`,
        { roomId, decision: id },
      );
      // Member keys may already be in the room.
      for (const event of context.watcher.rooms.get(roomId)?.raw ?? []) {
        const key = event.type === HeliosEventTypes.trusteeKey ? readTrusteeKey(event.content) : undefined;
        if (key?.decision === id && run.memberTrustees.includes(String(event.sender)))
          run.keys.set(String(event.sender), key.publicKey);
      }
    }
    if (!run) continue;
    if (run.phase === 'keys' && run.memberTrustees.every((t) => run.keys.has(t))) {
      run.phase = 'open';
      await setUp(context, run, secretElectionParameters(state, id));
    }
    if (run.phase === 'open' && run.uuid) {
      await addBallots(context, run);
      if (decision.status === 'closed') {
        run.phase = 'tallying';
        void tally(context, run).catch((error: Error) => {
          run.phase = 'failed';
          context.log.error('trustee', `tally failed: ${error.message}`, { roomId, decision: id });
        });
      }
    }
  }
}

async function setUp(
  context: DutyContext,
  run: ElectionRun,
  parameters: SecretElectionParameters,
): Promise<void> {
  const started = Date.now();
  const group = `--group=${context.config.heliosGroup}`;
  const serverDir = join(run.dir, 'server-key');
  await mkdir(serverDir, { recursive: true });
  await heliosC(['setup', 'generate-trustee-key', group], serverDir);
  const serverKey = (await readFile(await only(serverDir, '.pubkey'), 'utf8')).trim();
  const keys = [serverKey, ...run.memberTrustees.map((t) => (run.keys.get(t) as string).trim())];
  await writeFile(join(run.dir, 'public_keys.jsons'), `${keys.join('\n')}\n`);
  await heliosC(['setup', 'make-trustees'], run.dir);
  const uuid = (await heliosC(['setup', 'generate-token'], run.dir)).trim();
  run.uuid = uuid;
  await heliosC(
    ['setup', 'generate-credentials', `--uuid=${uuid}`, group, `--count=${parameters.voters.length}`],
    run.dir,
  );
  await rename(await only(run.dir, '.pubcreds'), join(run.dir, 'public_creds.json'));
  const template = {
    description: `Secret ballot of decision ${run.decision}`,
    name: 'value' in parameters.question ? parameters.question.value.question : parameters.question.question,
    questions: [parameters.question],
  };
  await writeFile(join(run.dir, 'template.json'), JSON.stringify(template));
  await heliosC(['setup', 'make-election', `--uuid=${uuid}`, group, '--template=template.json'], run.dir);
  await heliosC(['archive', 'init'], run.dir);
  const archive = await uploadBytes(
    context.client,
    await readFile(join(run.dir, `${uuid}.bel`)),
    `${uuid}.bel`,
  );
  await sendEvent(context.client, run.roomId, HeliosEventTypes.election, {
    decision: run.decision,
    uuid,
    archive,
    trustees: ['server', ...run.memberTrustees],
  });
  // Credentials: one per voter, in the voter list's order, sent privately (to-device).
  const lines = (await readFile(await only(run.dir, '.privcreds'), 'utf8')).trim().split('\n');
  const messages = new Map<string, Map<string, Record<string, unknown>>>();
  parameters.voters.forEach((voter, index) => {
    const credential = lines[index]?.split(' ')[1];
    if (credential)
      messages.set(voter.member, new Map([['*', { decision: run.decision, uuid, credential }]]));
  });
  await context.client.sendToDevice(HeliosEventTypes.credential, messages);
  run.timings.setup = Date.now() - started;
  context.log.info(
    'trustee',
    `Helios-C election ${uuid} set up (${context.config.heliosGroup}, ${keys.length} trustees, ${parameters.voters.length} credentials sent privately)`,
    { roomId: run.roomId, decision: run.decision, data: { uuid } },
  );
}

async function addBallots(context: DutyContext, run: ElectionRun): Promise<void> {
  for (const event of context.watcher.rooms.get(run.roomId)?.raw ?? []) {
    if (event.type !== HeliosEventTypes.ballot || run.ballotsSeen.has(String(event.event_id))) continue;
    run.ballotsSeen.add(String(event.event_id));
    const ballot = readBallot(event.content);
    if (ballot?.decision !== run.decision) continue;
    if (typeof event.origin_server_ts === 'number' && event.origin_server_ts > run.closesAt) {
      run.ballotsRefused++;
      context.log.warn('trustee', `ballot from ${event.sender} refused: sent after the end of the vote`, {
        roomId: run.roomId,
        decision: run.decision,
      });
      continue;
    }
    try {
      await heliosC(['archive', 'add-event', '--type=Ballot'], run.dir, `${ballot.ballot.trim()}\n`);
      run.ballotsAccepted++;
      context.log.info(
        'trustee',
        `ballot ${run.ballotsAccepted} accepted into the archive (sent by ${event.sender})`,
        {
          roomId: run.roomId,
          decision: run.decision,
        },
      );
    } catch (error) {
      run.ballotsRefused++;
      context.log.warn('trustee', `ballot from ${event.sender} refused: ${(error as Error).message}`, {
        roomId: run.roomId,
        decision: run.decision,
      });
    }
  }
}

async function memberStep(
  context: DutyContext,
  run: ElectionRun,
  step: TrusteeStep,
  trusteeId: number,
): Promise<string> {
  const archive = await uploadBytes(
    context.client,
    await readFile(join(run.dir, `${run.uuid}.bel`)),
    `${run.uuid}.bel`,
  );
  const answer = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`trustee ${trusteeId} did not answer the ${step} request`)),
      120_000,
    );
    run.waiting.set(`${step}/${trusteeId}`, (uri) => {
      clearTimeout(timer);
      resolve(uri);
    });
  });
  await sendEvent(context.client, run.roomId, HeliosEventTypes.request, {
    decision: run.decision,
    step,
    trustee_id: trusteeId,
    archive,
  });
  context.log.info(
    'trustee',
    `asked trustee ${trusteeId} (${run.memberTrustees[trusteeId - 2]}) for its ${step}`,
    {
      roomId: run.roomId,
      decision: run.decision,
    },
  );
  const uri = await answer;
  return new TextDecoder().decode(await downloadBytes(context.client, uri));
}

async function tally(context: DutyContext, run: ElectionRun): Promise<void> {
  const started = Date.now();
  const at = { roomId: run.roomId, decision: run.decision };
  const add = (type: string, input: string) =>
    heliosC(['archive', 'add-event', `--type=${type}`], run.dir, input);
  await add('EndBallots', '');
  await add('EncryptedTally', await heliosC(['election', 'compute-encrypted-tally'], run.dir));
  context.log.info(
    'trustee',
    `voting closed with ${run.ballotsAccepted} ballots; encrypted tally computed`,
    at,
  );
  const trustees = 1 + run.memberTrustees.length;
  const privkey = await only(join(run.dir, 'server-key'), '.privkey');
  for (let id = 1; id <= trustees; id++) {
    const shuffle =
      id === 1
        ? await heliosC(['election', 'shuffle', '--trustee-id=1'], run.dir)
        : await memberStep(context, run, 'shuffle', id);
    await add('Shuffle', shuffle);
    context.log.info('trustee', `shuffle of trustee ${id} verified and added`, at);
  }
  await add('EndShuffles', '');
  for (let id = 1; id <= trustees; id++) {
    const partial =
      id === 1
        ? await heliosC(['election', 'decrypt', `--privkey=${privkey}`, '--trustee-id=1'], run.dir)
        : await memberStep(context, run, 'decrypt', id);
    await add('PartialDecryption', partial);
    context.log.info('trustee', `partial decryption of trustee ${id} verified and added`, at);
  }
  const resultText = await heliosC(['election', 'compute-result'], run.dir);
  await add('Result', resultText);
  run.timings.tally = Date.now() - started;
  const verifyStarted = Date.now();
  await heliosC(['election', 'verify'], run.dir);
  run.verifiedBy.push('helios-c');
  const tool = context.config.beleniosTool;
  if (tool && existsSync(tool)) {
    await beleniosTool(tool, ['election', 'verify', '--dir=.'], run.dir);
    run.verifiedBy.push('belenios-tool');
  } else {
    context.log.warn('trustee', 'belenios-tool not available: archive verified by Helios-C only', at);
  }
  run.timings.verify = Date.now() - verifyStarted;
  const result = (JSON.parse(resultText) as { result: (readonly (readonly number[])[])[] }).result[0] ?? [];
  run.result = result;
  const bytes = await readFile(join(run.dir, `${run.uuid}.bel`));
  run.archiveBytes = bytes.length;
  run.archive = await uploadBytes(context.client, bytes, `${run.uuid}.bel`);
  run.phase = 'verified';
  context.log.info(
    'trustee',
    `archive ${run.uuid}.bel (${bytes.length} bytes) verified by ${run.verifiedBy.join(' and ')}; ${result.length} ballots decrypted`,
    at,
  );
  await sendGovernanceEvent(context.client, run.roomId, GovernanceEventTypes.secretResult, {
    decision: run.decision,
    result,
    evidence: run.archive,
  });
}
