/**
 * The service restarted in the middle of a secret election loses nothing: it is the same Matrix
 * device after the restart (its crypto store is in its work folder), so a ballot a voter handed it
 * Olm-encrypted while it was down is decrypted and posted; its own trustee key is in its election
 * store, so it tallies and decrypts; a voter whose device came after the restart still gets the
 * credentials the service kept for them. The service runs as its own process, stopped and started
 * again as an operator would.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ControlTable } from '@imago/governance';
import {
  createGroup,
  createImagoClient,
  electionDuties,
  electionOfDecision,
  exportBelArchive,
  type FollowedElections,
  followElections,
  initControlTable,
  joinGroup,
  type MatrixClient,
  memoryElectionStore,
  propose,
  sendState,
} from '@imago/matrix-binding';
import {
  registerUser,
  startSynced,
  testHomeserverFromEnvironment,
  waitUntil,
} from '@imago/matrix-binding/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { beleniosTool } from '../src/duties/belenios-tool';
import { quietLogger } from '../src/service/quiet-logger';

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const homeserver = testHomeserverFromEnvironment();

/** Starts the service as a process and resolves once it says it runs. */
async function serviceProcess(env: Record<string, string>, output: string[]): Promise<ChildProcess> {
  if (!existsSync(main))
    execFileSync('pnpm', ['--filter', '@imago/example-server', 'build'], { stdio: 'inherit' });
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the service did not start:\n${output.join('')}`)),
      60_000,
    );
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (/started as/.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the service exited (${code}):\n${output.join('')}`)));
  });
  return child;
}

async function client(
  session: Awaited<ReturnType<typeof registerUser>>,
  encryption: boolean,
): Promise<MatrixClient> {
  const c = await createImagoClient({ ...session, encryption, logger: quietLogger() as never });
  await startSynced(c);
  return c;
}

describe('the service restarted during a secret election', () => {
  const clients: MatrixClient[] = [];
  const followed: FollowedElections[] = [];
  let service: ChildProcess | undefined;
  let workDir = '';

  afterAll(async () => {
    for (const f of followed) f.stop();
    for (const c of clients) c.stopClient();
    service?.kill('SIGKILL');
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('keeps its device, its key, the credentials it holds and the ballots handed to it', async () => {
    const run = Date.now().toString(36);
    const bot = await registerUser(homeserver, `restart-service-${run}`);
    const [ana, bo, dee, gus] = await Promise.all(
      ['ana', 'bo', 'dee', 'gus'].map((name) => registerUser(homeserver, `restart-${name}-${run}`)),
    );
    workDir = await mkdtemp(join(tmpdir(), 'imago-restart-'));
    const env = {
      IMAGO_HOMESERVER_URL: homeserver.baseUrl,
      IMAGO_SERVICE_USER: bot.userId,
      IMAGO_SERVICE_PASSWORD: bot.password,
      IMAGO_SERVICE_WORKDIR: workDir,
      IMAGO_CRYPTO_PASSPHRASE: 'a passphrase of the operator',
      IMAGO_CLOSE_MARGIN_MS: '0',
    };
    const output: string[] = [];
    service = await serviceProcess(env, output);

    // Ana's group: the service is its authority; Bo and Dee are its trustees; the chat is encrypted.
    const anaClient = await client(ana!, true);
    clients.push(anaClient);
    const group = await createGroup(anaClient, {
      profile: { name: 'Relais' },
      rooms: ['chat', 'decisions'],
      authority: [bot.userId],
      // The group takes requests (knock): its founders are invited, and count as members because
      // they are in the room when the control table is set.
      invite: [bot.userId, bo!.userId, dee!.userId, gus!.userId],
    });
    const room = group.rooms.decisions as string;
    await sendState(anaClient, group.rooms.chat as string, 'm.room.encryption', '', {
      algorithm: 'm.megolm.v1.aes-sha2',
    });
    const table: ControlTable = {
      rules: {
        'change-control-table': { protocol: 'consensus', duration: 3_600_000 },
        spend: {
          protocol: 'democracy',
          method: 'plurality',
          quorum: 0,
          threshold: 0.5,
          duration: 50_000,
          ballot: 'secret',
          delegation: false,
          groupDelegation: 'fractional',
          trustees: { members: [bo!.userId, dee!.userId] },
        },
      },
    };
    // Gus joins from a client without encryption: no device of his is known to the service yet.
    const gusPlain = await client(gus!, false);
    clients.push(gusPlain);
    const members = new Map<string, MatrixClient>([['ana', anaClient]]);
    for (const [name, session] of [
      ['bo', bo],
      ['dee', dee],
    ] as const) {
      const c = await client(session!, true);
      clients.push(c);
      members.set(name, c);
      await joinGroup(c, group);
    }
    await joinGroup(gusPlain, group);
    await waitUntil(
      'the service and the members in the room',
      async () => (anaClient.getRoom(room)?.getJoinedMemberCount() ?? 0) >= 5,
    );
    await initControlTable(anaClient, room, table, [bot.userId]);
    const duties = new Map<string, ReturnType<typeof electionDuties>>();
    const follow = async (name: string, c: MatrixClient) => {
      const d = electionDuties({ client: c, store: memoryElectionStore() });
      duties.set(name, d);
      followed.push(await followElections(c, room, d));
    };
    for (const [name, c] of members) await follow(name, c);

    const decision = await propose(anaClient, room, {
      kind: 'spend',
      title: 'Move the meeting?',
      options: ['Yes', 'No'],
      action: {},
    });
    const status = (name: string) => duties.get(name)!.participant!.status(room, decision);
    for (const name of ['ana', 'bo', 'dee'])
      await waitUntil(`${name}'s credential`, async () => (await status(name)).credentials > 0);
    const deviceBefore = [
      ...((await anaClient.getCrypto()!.getUserDeviceInfo([bot.userId])).get(bot.userId)?.keys() ?? []),
    ];
    await waitUntil('the service finding no device of Gus', () =>
      output.join('').includes('no known device yet'),
    );

    // The operator stops the service; Bo hands his ballot to it meanwhile (it waits on the homeserver, encrypted).
    service.kill('SIGTERM');
    await new Promise((resolve) => service?.once('exit', resolve));
    await duties.get('ana')!.participant!.cast(room, decision, [[1, 0]], 'direct');
    await duties.get('bo')!.participant!.cast(room, decision, [[0, 1]]);
    output.length = 0;
    service = await serviceProcess(env, output);

    // Gus now starts an encrypted client: the restarted service delivers the credential it kept for him.
    gusPlain.stopClient();
    const gusClient = await client(gus!, true);
    clients.push(gusClient);
    await follow('gus', gusClient);
    await waitUntil(
      'Gus’s credential after the restart',
      async () => (await status('gus')).credentials > 0,
      60_000,
    );
    await duties.get('gus')!.participant!.cast(room, decision, [[1, 0]]);
    await duties.get('dee')!.participant!.cast(room, decision, [[1, 0]]);
    for (const name of ['ana', 'bo', 'dee', 'gus'])
      await waitUntil(
        `${name}'s ballot on the board`,
        async () => (await status(name)).receipts.every((r) => r.status === 'counted'),
        60_000,
      );
    // The same device: the voters know one device of the service, the one they knew before.
    const deviceAfter = [
      ...((await anaClient.getCrypto()!.getUserDeviceInfo([bot.userId])).get(bot.userId)?.keys() ?? []),
    ];
    expect(deviceAfter).toEqual(deviceBefore);

    // The restarted service tallies with its kept key; the result settles the decision.
    await waitUntil(
      'the outcome',
      () => duties.get('dee')!.last(room)?.decisions.state.decisions.get(decision)?.outcome,
      120_000,
    ).catch((error: Error) => {
      // What the restarted service said, so that a failure names the step it stopped at.
      throw new Error(`${error.message}; the service's last lines:\n${output.join('').slice(-4000)}`);
    });
    const outcome = duties.get('dee')!.last(room)!.decisions.state.decisions.get(decision)!.outcome!;
    expect(outcome).toMatchObject({ status: 'adopted', winners: [0] });
    expect(outcome.tally?.count.totals).toEqual([3, 1]);
    const election = electionOfDecision(duties.get('ana')!.last(room)!.ballots.elections, decision)!;
    expect(election.steps.filter((s) => s.type === 'Ballot')).toHaveLength(4);
    await writeFile(join(workDir, `${election.election}.bel`), exportBelArchive(election));
    await beleniosTool('/usr/bin/belenios-tool', ['election', 'verify', '--dir=.'], workDir);
  }, 300_000);
});
