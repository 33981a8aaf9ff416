/**
 * @module
 * The trustee's steps the service is entrusted with, for each secret democracy decision of a
 * group: it holds the server key (one Helios-C trustee among the group's), acts as the
 * credential authority and the election administrator. The election travels as
 * `org.imago.helios.step` events of @imago/matrix-binding: the service posts the Setup, the end
 * of voting, the encrypted tally, its own shuffle and partial decryption, the end of shuffles and
 * the result; voters post their ballots and member trustees their shuffles and partial
 * decryptions. Every computation is @imago/helios-c's library, from the election replayed from
 * the room. At closing the archive exported from the room history is verified by Helios-C and by
 * belenios-tool before the result is posted as `org.imago.governance.secret.result`. The threshold
 * key establishment and the requests to trustees are the example's own events (see
 * `helios/election-events`). Protocol: Belenios 2.0 (its specification, §4).
 */

import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  GovernanceEventTypes,
  type GovernanceState,
  type SecretElectionParameters,
  secretElectionParameters,
} from '@imago/governance';
import {
  type AnyGroup,
  base58Alphabet,
  decodeTrusteePublicKey,
  electionPublicKey,
  generateCredentials,
  generateTrusteeKey,
  groupByName,
  makeThresholdParameters,
  makeVerificationInputs,
  numberedVoters,
  parseCertificate,
  parseElectionTemplate,
  parsePolynomial,
  parseVerificationOutput,
  randomBelow,
  type SignedMessage,
  serializeElection,
  serializeSignedMessage,
  serializeTrustees,
  serializeVerificationInput,
  type TrusteeKind,
  verifyArchive,
  verifyTrusteePublicKey,
} from '@imago/helios-c';
import {
  belArchiveFromSteps,
  encryptedTallyStep,
  exportBelArchive,
  partialDecryptionStep,
  postStep,
  type RawMatrixEvent,
  resultStep,
  type SecretBallotReplay,
  sendEvent,
  sendGovernanceEvent,
  setupStep,
  shuffleStep,
} from '@imago/matrix-binding';
import { beleniosTool } from '../helios/belenios-tool';
import {
  HeliosEventTypes,
  readContribution,
  readTrusteeKey,
  type TrusteeKey,
  type TrusteeStep,
} from '../helios/election-events';
import { downloadBytes, uploadBytes } from '../helios/media';
import { electionOfDecision, roomElections } from '../helios/room-election';
import type { DutyContext } from './duty-context';

/** A secret election run by the service. */
export interface ElectionRun {
  readonly decision: string;
  readonly roomId: string;
  /** Where the archive exported from the room is written for belenios-tool. */
  readonly dir: string;
  /** End of the voting period (the service then posts `EndBallots`). */
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
  ballotsAccepted: number;
  ballotsRefused: number;
  /** Decrypted result and verification, once verified. */
  result?: readonly (readonly number[])[];
  verifiedBy: string[];
  /** Hash of the exported archive's last event (the result's evidence). */
  archive?: string;
  archiveBytes?: number;
  timings: Record<string, number>;
  readonly waiting: Map<string, (uri: string) => void>;
  /** Deadlines of the requests awaiting an answer, by the same key as `waiting`. */
  readonly deadlines: Map<string, NodeJS.Timeout>;
  /** The server key's secret (trustee 1), held in memory only. */
  serverSecret?: bigint;
  /** Threshold elections: each member trustee's encrypted decryption key, by user id. */
  readonly decryptionKeys: Map<string, string>;
}

/** The service's elections, by decision id. */
export type Elections = Map<string, ElectionRun>;

const safe = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '_');
const STEP_TIMEOUT = 120_000;

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

function must<T>(result: { ok: true; value: T } | { ok: false; error: Error }): T {
  if (!result.ok) throw result.error;
  return result.value;
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
      const message = readContribution(content);
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
        ballotsAccepted: 0,
        ballotsRefused: 0,
        verifiedBy: [],
        timings: {},
        waiting: new Map(),
        deadlines: new Map(),
        decryptionKeys: new Map(),
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
    if (run.phase === 'keys' && replayed(context, run)) {
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
      countBallots(context, run);
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

/** The election as replayed from the room (the Setup this service posted). */
function replayed(context: DutyContext, run: ElectionRun): SecretBallotReplay | undefined {
  const log = context.watcher.rooms.get(run.roomId)?.log;
  if (!log) return undefined;
  if (run.uuid) return roomElections(log).get(run.uuid);
  return electionOfDecision(log, run.decision, context.client.getSafeUserId());
}

/**
 * Waits until the replayed election satisfies `ready` (the room's events arrive by sync).
 *
 * @returns the election then.
 */
async function until(
  context: DutyContext,
  run: ElectionRun,
  what: string,
  ready: (election: SecretBallotReplay) => boolean,
): Promise<SecretBallotReplay> {
  const deadline = Date.now() + STEP_TIMEOUT;
  for (;;) {
    const election = replayed(context, run);
    if (election && ready(election)) return election;
    if (Date.now() > deadline || run.phase === 'failed') throw new Error(`${what} did not arrive`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Posts a step and waits until the room replays it. */
async function post(
  context: DutyContext,
  run: ElectionRun,
  step: Parameters<typeof postStep>[3],
): Promise<SecretBallotReplay> {
  const eventId = await postStep(context.client, run.roomId, run.uuid as string, step);
  return until(context, run, `the ${step.type} step`, (e) => e.steps.some((s) => s.eventId === eventId));
}

const countOf = (election: SecretBallotReplay, type: string) =>
  election.steps.filter((s) => s.type === type).length;

function newUuid(): string {
  let token = '';
  for (let i = 0; i < 14; i++) token += base58Alphabet[Number(randomBelow(58n))];
  return token;
}

async function setUp(
  context: DutyContext,
  run: ElectionRun,
  parameters: SecretElectionParameters,
): Promise<void> {
  const started = Date.now();
  const group = groupByName(context.config.heliosGroup) as AnyGroup;
  const serverKey = generateTrusteeKey(group);
  run.serverSecret = serverKey.secretKey;
  const memberKeys = run.memberTrustees.map((t) => run.keys.get(t) as TrusteeKey);
  const items: TrusteeKind<unknown>[] = [{ kind: 'Single', key: serverKey.publicKey }];
  if (run.threshold === undefined) {
    memberKeys.forEach((k, i) => {
      const key = decodeTrusteePublicKey(
        JSON.parse('publicKey' in k ? k.publicKey : 'null'),
        `trustee_key[${i}]`,
        group,
      );
      if (!verifyTrusteePublicKey(group, key))
        throw new Error(`the key of ${run.memberTrustees[i]} does not prove its secret`);
      items.push({ kind: 'Single', key });
    });
  } else {
    items.push({
      kind: 'Pedersen',
      parameters: await establishThresholdKey(context, run, memberKeys, group),
    });
  }
  const trustees = serializeTrustees(group, items);
  const uuid = newUuid();
  run.uuid = uuid;
  const credentials = generateCredentials(group, uuid, numberedVoters(parameters.voters.length));
  const template = must(
    parseElectionTemplate(
      JSON.stringify({
        description: `Secret ballot of decision ${run.decision}`,
        name:
          'value' in parameters.question ? parameters.question.value.question : parameters.question.question,
        questions: [parameters.question],
      }),
    ),
  );
  const publicKey = electionPublicKey(group, items);
  if (publicKey === undefined) throw new Error('no election key from the trustees');
  const election = serializeElection(group, template, uuid, publicKey);
  await mkdir(run.dir, { recursive: true });
  const setup = setupStep({ election, trustees, credentials: credentials.publicCredentials });
  const setupId = await postStep(
    context.client,
    run.roomId,
    uuid,
    setup,
    Math.floor(Date.now() / 1000),
    run.decision,
  );
  await until(context, run, 'the Setup step', (e) => e.steps[0]?.eventId === setupId);
  // Credentials: one per voter, in the voter list's order, sent privately (to-device).
  const messages = new Map<string, Map<string, Record<string, unknown>>>();
  parameters.voters.forEach((voter, index) => {
    const credential = credentials.privateLines[index]?.split(' ')[1];
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

/** Logs the ballots the room's replay accepted or set aside since last time. */
function countBallots(context: DutyContext, run: ElectionRun): void {
  const election = replayed(context, run);
  if (!election) return;
  const accepted = countOf(election, 'Ballot');
  while (run.ballotsAccepted < accepted) {
    run.ballotsAccepted++;
    const step = election.steps.filter((s) => s.type === 'Ballot')[run.ballotsAccepted - 1];
    context.log.info(
      'trustee',
      `ballot ${run.ballotsAccepted} accepted into the election (sent by ${step?.sender})`,
      { roomId: run.roomId, decision: run.decision },
    );
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
  group: AnyGroup,
) {
  const certs: SignedMessage[] = keys.map((k) =>
    must(parseCertificate(group, 'certificate' in k ? k.certificate : '')),
  );
  const certsText = `${certs.map(serializeSignedMessage).join('\n')}\n`;
  const encoder = new TextEncoder();
  const polynomials = (
    await Promise.all(
      run.memberTrustees.map((_, i) =>
        memberStep(context, run, 'polynomial', i + 2, encoder.encode(certsText)),
      ),
    )
  ).map((text) => must(parsePolynomial(group, text.trim())));
  const inputs = makeVerificationInputs(group, certs, polynomials);
  const outputs = (
    await Promise.all(
      run.memberTrustees.map((_, i) =>
        memberStep(
          context,
          run,
          'voutput',
          i + 2,
          encoder.encode(
            JSON.stringify({
              certs: certsText,
              vinput: serializeVerificationInput(inputs[i] as (typeof inputs)[number]),
            }),
          ),
        ),
      ),
    )
  ).map((text) => must(parseVerificationOutput(group, text.trim())));
  const parameters = makeThresholdParameters(group, certs, polynomials, outputs);
  for (const [i, output] of outputs.entries())
    run.decryptionKeys.set(run.memberTrustees[i] as string, String(output.privateKey));
  context.log.info(
    'trustee',
    `threshold key established with ${run.memberTrustees.length} trustees (any ${run.threshold} decrypt)`,
    { roomId: run.roomId, decision: run.decision },
  );
  return parameters;
}

/** Asks a member trustee for a key-establishment step and returns its answer. */
async function memberStep(
  context: DutyContext,
  run: ElectionRun,
  step: 'polynomial' | 'voutput',
  trusteeId: number,
  input: Uint8Array,
): Promise<string> {
  const uri = await uploadBytes(context.client, input, `${step}.json`);
  const answer = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`trustee ${trusteeId} did not answer the ${step} request`)),
      STEP_TIMEOUT,
    );
    run.deadlines.set(`${step}/${trusteeId}`, timer);
    run.waiting.set(`${step}/${trusteeId}`, (payload) => {
      clearTimeout(timer);
      run.waiting.delete(`${step}/${trusteeId}`);
      run.deadlines.delete(`${step}/${trusteeId}`);
      resolve(payload);
    });
  });
  await request(context, run, step, trusteeId, { input: uri });
  const payload = await answer;
  return new TextDecoder().decode(await downloadBytes(context.client, payload));
}

/** Sends a request for a trustee's step. */
async function request(
  context: DutyContext,
  run: ElectionRun,
  step: TrusteeStep,
  trusteeId: number,
  extra: Record<string, unknown>,
): Promise<void> {
  await sendEvent(context.client, run.roomId, HeliosEventTypes.request, {
    decision: run.decision,
    step,
    trustee: run.memberTrustees[trusteeId - 2],
    trustee_id: trusteeId,
    ...(run.threshold === undefined ? {} : { threshold: run.threshold }),
    ...extra,
  });
  context.log.info(
    'trustee',
    `asked trustee ${trusteeId} (${run.memberTrustees[trusteeId - 2]}) for its ${step}`,
    { roomId: run.roomId, decision: run.decision },
  );
}

/** The member trustees whose partial decryption is in the election, in chain order. */
function decryptorsOf(election: SecretBallotReplay, members: readonly string[]): string[] {
  return election.steps
    .filter((s) => s.type === 'PartialDecryption' && members.includes(s.sender))
    .map((s) => s.sender);
}

async function tally(context: DutyContext, run: ElectionRun): Promise<void> {
  const started = Date.now();
  const at = { roomId: run.roomId, decision: run.decision };
  const uuid = run.uuid as string;
  let election = await post(context, run, { type: 'EndBallots', data: [] });
  run.ballotsAccepted = countOf(election, 'Ballot');
  election = await post(context, run, encryptedTallyStep(election));
  context.log.info(
    'trustee',
    `voting closed with ${run.ballotsAccepted} ballots; encrypted tally computed`,
    at,
  );
  const trustees = 1 + run.memberTrustees.length;
  for (let id = 1; id <= trustees; id++) {
    if (id === 1) election = await post(context, run, shuffleStep(election, 1));
    else {
      await request(context, run, 'shuffle', id, { election: uuid });
      election = await until(
        context,
        run,
        `the shuffle of trustee ${id}`,
        (e) => countOf(e, 'Shuffle') >= id,
      );
    }
    context.log.info('trustee', `shuffle of trustee ${id} in the election`, at);
  }
  election = await post(context, run, { type: 'EndShuffles', data: [] });
  election = await post(context, run, partialDecryptionStep(election, 1, run.serverSecret as bigint));
  context.log.info('trustee', 'partial decryption of trustee 1 (server key) in the election', at);
  if (run.threshold === undefined) {
    for (let id = 2; id <= trustees; id++) {
      const member = run.memberTrustees[id - 2] as string;
      await request(context, run, 'decrypt', id, { election: uuid });
      election = await until(
        context,
        run,
        `the partial decryption of trustee ${id}`,
        (e) => decryptorsOf(e, [member]).length > 0,
      );
      context.log.info('trustee', `partial decryption of trustee ${id} in the election`, at);
    }
    run.decryptedBy = decryptorsOf(election, run.memberTrustees);
  } else {
    // Every threshold trustee is asked at once; the first `threshold` answers decrypt.
    const needed = run.threshold;
    await Promise.all(
      run.memberTrustees.map((member, i) =>
        request(context, run, 'decrypt', i + 2, {
          election: uuid,
          decryption_key: run.decryptionKeys.get(member),
        }),
      ),
    );
    election = await until(
      context,
      run,
      `${needed} partial decryptions`,
      (e) => decryptorsOf(e, run.memberTrustees).length >= needed,
    );
    // The result combines the first `threshold` decryptions in trustee order.
    const present = decryptorsOf(election, run.memberTrustees);
    run.decryptedBy = run.memberTrustees.filter((m) => present.includes(m)).slice(0, needed);
    for (const member of run.decryptedBy)
      context.log.info(
        'trustee',
        `partial decryption of trustee ${run.memberTrustees.indexOf(member) + 2} (${member}) in the election`,
        at,
      );
  }
  election = await post(context, run, resultStep(election));
  run.timings.tally = Date.now() - started;
  const verifyStarted = Date.now();
  const bytes = exportBelArchive(election);
  const verification = await verifyArchive(bytes);
  if (!verification.ok)
    throw new Error(`Helios-C refused the archive: ${verification.issues.map((i) => i.check).join(', ')}`);
  run.verifiedBy.push('helios-c');
  await writeFile(join(run.dir, `${uuid}.bel`), bytes);
  const tool = context.config.beleniosTool;
  if (tool && existsSync(tool)) {
    await beleniosTool(tool, ['election', 'verify', '--dir=.'], run.dir);
    run.verifiedBy.push('belenios-tool');
  } else {
    context.log.warn('trustee', 'belenios-tool not available: archive verified by Helios-C only', at);
  }
  run.timings.verify = Date.now() - verifyStarted;
  const result =
    (JSON.parse(election.result ?? '{}') as { result?: (readonly (readonly number[])[])[] }).result?.[0] ??
    [];
  run.result = result;
  run.archiveBytes = bytes.length;
  run.archive = belArchiveFromSteps(election.timestamp, election.steps).lastEvent;
  run.phase = 'verified';
  context.log.info(
    'trustee',
    `archive ${uuid}.bel exported from the room (${bytes.length} bytes, ${election.steps.length} steps) verified by ${run.verifiedBy.join(' and ')}; ${result.length} ballots decrypted`,
    at,
  );
  await sendGovernanceEvent(context.client, run.roomId, GovernanceEventTypes.secretResult, {
    decision: run.decision,
    result,
    evidence: run.archive,
  });
}
