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
  type TrusteeKey,
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
  phase: 'keys' | 'setting-up' | 'open' | 'tallying' | 'verified' | 'failed';
  /** Threshold elections: how many member trustees must decrypt (absent: plain trustees, all). */
  readonly threshold?: number;
  /** Member trustees whose partial decryption was used. */
  decryptedBy: string[];
  uuid?: string;
  /** Member trustees (user ids) in trustee order after the server key (trustee 1). */
  readonly memberTrustees: readonly string[];
  readonly keys: Map<string, TrusteeKey>;
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
  /** Deadlines of the requests awaiting an answer, by the same key as `waiting`. */
  readonly deadlines: Map<string, NodeJS.Timeout>;
}

/** The service's elections, by decision id. */
export type Elections = Map<string, ElectionRun>;

const safe = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '_');

function memberTrusteesOf(action: unknown): string[] {
  const trustees = (action as { trustees?: unknown } | undefined)?.trustees;
  return Array.isArray(trustees) ? trustees.filter((t): t is string => typeof t === 'string') : [];
}

function thresholdOf(action: unknown, members: number): number | undefined {
  const threshold = (action as { threshold?: unknown } | undefined)?.threshold;
  return typeof threshold === 'number' &&
    Number.isInteger(threshold) &&
    threshold >= 1 &&
    threshold <= members
    ? threshold
    : undefined;
}

/** Whether a key event has the form the election expects (certificates for threshold trustees). */
function keyFits(run: ElectionRun, key: TrusteeKey): boolean {
  return run.threshold === undefined ? 'publicKey' in key : 'certificate' in key;
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
      if (key && run?.memberTrustees.includes(String(event.sender)) && keyFits(run, key)) {
        run.keys.set(String(event.sender), key);
        context.log.info(
          'trustee',
          `received the ${'certId' in key ? 'certificate' : 'public key'} of trustee ${event.sender}`,
          {
            roomId,
            decision: run.decision,
          },
        );
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
      const memberTrustees = memberTrusteesOf(decision.action);
      const threshold = thresholdOf(decision.action, memberTrustees.length);
      run = {
        decision: id,
        roomId,
        closesAt: decision.closesAt,
        dir: join(context.config.workDir, safe(id)),
        phase: 'keys',
        ...(threshold === undefined ? {} : { threshold }),
        decryptedBy: [],
        memberTrustees,
        keys: new Map(),
        ballotsSeen: new Set(),
        ballotsAccepted: 0,
        ballotsRefused: 0,
        verifiedBy: [],
        timings: {},
        waiting: new Map(),
        deadlines: new Map(),
      };
      elections.set(id, run);
      context.log.info(
        'trustee',
        `secret decision "${decision.title ?? decision.kind}" opened: ${decision.secret.voters.length} voters, trustees: server key + ${run.memberTrustees.join(', ') || 'none'}${
          run.threshold === undefined ? '' : ` (any ${run.threshold} of ${run.memberTrustees.length} decrypt)`
        }`,
        { roomId, decision: id },
      );
      // Member keys may already be in the room.
      for (const event of context.watcher.rooms.get(roomId)?.raw ?? []) {
        const key = event.type === HeliosEventTypes.trusteeKey ? readTrusteeKey(event.content) : undefined;
        if (key?.decision === id && run.memberTrustees.includes(String(event.sender)) && keyFits(run, key))
          run.keys.set(String(event.sender), key);
      }
    }
    if (!run) continue;
    if (run.phase === 'keys' && setUpBefore(context, roomId, id)) {
      // Set up by an earlier run of the service: resuming it is not supported (see the README).
      run.phase = 'failed';
      context.log.warn('trustee', 'this election was set up before the service restarted: not resumed', {
        roomId,
        decision: id,
      });
      continue;
    }
    if (run.phase === 'keys' && run.memberTrustees.every((t) => run.keys.has(t))) {
      // Detached: the set-up waits for trustees' answers, which arrive as events of this room.
      run.phase = 'setting-up';
      const current = run;
      void setUp(context, run, secretElectionParameters(state, id)).then(
        () => {
          current.phase = 'open';
          context.watcher.poke(roomId);
        },
        (error: Error) => {
          current.phase = 'failed';
          context.log.error('trustee', `election set-up failed: ${error.message}`, { roomId, decision: id });
        },
      );
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

/** Whether this service account already announced an election for the decision. */
function setUpBefore(context: DutyContext, roomId: string, decision: string): boolean {
  const me = context.client.getSafeUserId();
  return (context.watcher.rooms.get(roomId)?.raw ?? []).some(
    (e) =>
      e.type === HeliosEventTypes.election &&
      e.sender === me &&
      (e.content as { decision?: unknown } | undefined)?.decision === decision,
  );
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
  const memberKeys = run.memberTrustees.map((t) => run.keys.get(t) as TrusteeKey);
  if (run.threshold === undefined) {
    const keys = [serverKey, ...memberKeys.map((k) => ('publicKey' in k ? k.publicKey.trim() : ''))];
    await writeFile(join(run.dir, 'public_keys.jsons'), `${keys.join('\n')}\n`);
  } else {
    await establishThresholdKey(context, run, memberKeys, group);
    await writeFile(join(run.dir, 'public_keys.jsons'), `${serverKey}\n`);
  }
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
    `Helios-C election ${uuid} set up (${context.config.heliosGroup}, server key + ${run.memberTrustees.length} ${
      run.threshold === undefined ? 'plain' : `threshold (${run.threshold} of ${run.memberTrustees.length})`
    } trustee(s), ${parameters.voters.length} credentials sent privately)`,
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

/**
 * Belenios threshold key establishment (specification §4.2, steps 1–6), the service acting as
 * the coordinator: certificates (step 1) came with the trustees' key events; the service checks
 * them (2), collects each trustee's polynomial (3), computes the inputs of each (4), collects
 * their verification outputs (5) and combines them into the threshold parameters (6).
 */
async function establishThresholdKey(
  context: DutyContext,
  run: ElectionRun,
  keys: readonly TrusteeKey[],
  group: string,
): Promise<void> {
  const certs = keys.map((k) => ('certificate' in k ? k.certificate.trim() : ''));
  const ids = keys.map((k) => ('certId' in k ? k.certId : ''));
  const certsText = `${certs.join('\n')}\n`;
  await writeFile(join(run.dir, 'certs.jsons'), certsText);
  const t = ['setup', 'generate-trustee-key-threshold', group, '--certs=certs.jsons'];
  await heliosC([...t, '--step=2'], run.dir);
  const encoder = new TextEncoder();
  const polynomials = await Promise.all(
    run.memberTrustees.map((_, i) =>
      memberStep(context, run, 'polynomial', i + 2, encoder.encode(certsText)),
    ),
  );
  await writeFile(join(run.dir, 'polynomials.jsons'), `${polynomials.map((p) => p.trim()).join('\n')}\n`);
  await heliosC([...t, '--step=4', '--polynomials=polynomials.jsons'], run.dir);
  const voutputs = await Promise.all(
    run.memberTrustees.map(async (_, i) => {
      const vinput = await readFile(join(run.dir, `${ids[i]}.vinput`), 'utf8');
      return memberStep(
        context,
        run,
        'voutput',
        i + 2,
        encoder.encode(JSON.stringify({ certs: certsText, vinput })),
      );
    }),
  );
  const threshold = await heliosC(
    [...t, '--step=6', '--polynomials=polynomials.jsons'],
    run.dir,
    `${voutputs.map((v) => v.trim()).join('\n')}\n`,
  );
  await writeFile(join(run.dir, 'threshold.json'), threshold);
  context.log.info(
    'trustee',
    `threshold key established with ${run.memberTrustees.length} trustees (any ${run.threshold} decrypt)`,
    { roomId: run.roomId, decision: run.decision },
  );
}

async function memberStep(
  context: DutyContext,
  run: ElectionRun,
  step: TrusteeStep,
  trusteeId: number,
  input?: Uint8Array,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const bytes = input ?? (await readFile(join(run.dir, `${run.uuid}.bel`)));
  const archive = await uploadBytes(context.client, bytes, input ? `${step}.json` : `${run.uuid}.bel`);
  const answer = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`trustee ${trusteeId} did not answer the ${step} request`)),
      120_000,
    );
    run.deadlines.set(`${step}/${trusteeId}`, timer);
    run.waiting.set(`${step}/${trusteeId}`, (uri) => {
      clearTimeout(timer);
      run.waiting.delete(`${step}/${trusteeId}`);
      run.deadlines.delete(`${step}/${trusteeId}`);
      resolve(uri);
    });
  });
  await sendEvent(context.client, run.roomId, HeliosEventTypes.request, {
    decision: run.decision,
    step,
    trustee: run.memberTrustees[trusteeId - 2],
    trustee_id: trusteeId,
    archive,
    ...(run.threshold === undefined ? {} : { threshold: run.threshold }),
    ...extra,
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

/** Asks every threshold trustee at once and adds the first `threshold` answers. */
async function thresholdDecryptions(
  context: DutyContext,
  run: ElectionRun,
  add: (type: string, input: string) => Promise<string>,
): Promise<void> {
  const at = { roomId: run.roomId, decision: run.decision };
  const needed = run.threshold as number;
  const certIds = run.memberTrustees.map((t) => {
    const key = run.keys.get(t);
    return key && 'certId' in key ? key.certId : '';
  });
  let queue = Promise.resolve();
  await new Promise<void>((resolve, reject) => {
    let failures = 0;
    run.memberTrustees.forEach((member, i) => {
      void (async () => {
        const dkey = await readFile(join(run.dir, `${certIds[i]}.dkey`), 'utf8');
        const partial = await memberStep(context, run, 'decrypt', i + 2, undefined, {
          decryption_key: dkey.trim(),
        });
        queue = queue.then(async () => {
          if (run.decryptedBy.length >= needed) return;
          await add('PartialDecryption', partial);
          run.decryptedBy.push(member);
          context.log.info(
            'trustee',
            `partial decryption of trustee ${i + 2} (${member}) verified and added`,
            at,
          );
          if (run.decryptedBy.length === needed) resolve();
        });
        await queue;
      })().catch((error: Error) => {
        failures++;
        context.log.warn('trustee', `trustee ${i + 2} (${member}): ${error.message}`, at);
        if (run.memberTrustees.length - failures < needed) reject(new Error('too few trustees decrypted'));
      });
    });
  });
  // Later answers are not needed: forget the requests still pending.
  for (const key of [...run.waiting.keys()]) {
    if (!key.startsWith('decrypt/')) continue;
    run.waiting.delete(key);
    clearTimeout(run.deadlines.get(key));
    run.deadlines.delete(key);
  }
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
  await add(
    'PartialDecryption',
    await heliosC(['election', 'decrypt', `--privkey=${privkey}`, '--trustee-id=1'], run.dir),
  );
  context.log.info('trustee', 'partial decryption of trustee 1 (server key) verified and added', at);
  if (run.threshold === undefined) {
    for (let id = 2; id <= trustees; id++) {
      await add('PartialDecryption', await memberStep(context, run, 'decrypt', id));
      run.decryptedBy.push(run.memberTrustees[id - 2] as string);
      context.log.info('trustee', `partial decryption of trustee ${id} verified and added`, at);
    }
  } else {
    await thresholdDecryptions(context, run, add);
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
