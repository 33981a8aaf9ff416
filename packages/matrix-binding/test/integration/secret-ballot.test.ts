import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ControlTable } from '@imago/governance';
import { archiveSteps, numberedVoters, setupStep } from '@imago/helios-c';
import type { MatrixClient } from 'matrix-js-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beleniosVector } from '../../../../test-support/belenios-vectors';
import {
  appendToRoomLog,
  ballotFor,
  castBallot,
  createGroup,
  emptyRoomLog,
  encryptedTallyStep,
  exportBelArchive,
  fetchRoomHistory,
  initControlTable,
  joinGroup,
  partialDecryptionStep,
  postArchiveSteps,
  postStep,
  replaySecretBallots,
  resultStep,
  type SecretBallotReplay,
  verifyElection,
} from '../../src/index';
import { beleniosTool } from '../support/belenios-tool';
import { heliosSetup } from '../support/helios-setup';
import { type LiveUser, liveUser, stopAll } from '../support/live-users';
import { RawMatrix } from '../support/raw-matrix';

// Elections run with @imago/helios-c (the Imago path); belenios-tool verifies every exported .bel,
// and one election mixes steps of both tools. The reference Setup below was made by belenios-tool.
const fixture = beleniosVector('h-2048');
const template = {
  description: 'Imago secret ballot',
  name: 'Secret ballot',
  questions: [
    { answers: ['Yes', 'No'], min: 0, max: 1, question: 'Adopt the proposal?' },
    { answers: ['Alice', 'Bob', 'Carol', 'Dave'], min: 1, max: 2, question: 'Pick one or two delegates' },
  ],
};
const plaintexts = [
  [
    [1, 0],
    [1, 0, 0, 1],
  ],
  [
    [0, 1],
    [0, 1, 1, 0],
  ],
  [
    [1, 0],
    [1, 1, 0, 0],
  ],
];
/** Per question and answer, the sum of the votes. */
const sums = (votes: readonly (readonly (readonly number[])[])[]) =>
  (votes[0] ?? []).map((question, q) =>
    question.map((_, a) => votes.reduce((n, v) => n + (v[q]?.[a] ?? 0), 0)),
  );
const resultOf = (election: SecretBallotReplay) =>
  (JSON.parse(election.result as string) as { result: unknown[][] }).result.map((q) => q.map(Number));

const PERIOD = 10_000;
const table: ControlTable = {
  rules: {
    'change-control-table': { protocol: 'consensus', duration: 3_600_000 },
    'elect-delegate': {
      protocol: 'democracy',
      method: 'plurality',
      quorum: 0,
      threshold: 0.5,
      duration: PERIOD,
      ballot: 'secret',
      delegation: false,
      groupDelegation: 'majority',
    },
  },
};

describe('a secret Helios-C vote whose .bel, exported from the room, belenios-tool verifies (live Synapse)', () => {
  let users: Record<'admin' | 'bob' | 'carol' | 'dave' | 'eve', LiveUser>;
  let room: string;
  let uuid: string;
  let work: string;

  const replay = async (client: MatrixClient) =>
    replaySecretBallots(appendToRoomLog(emptyRoomLog(room), await fetchRoomHistory(client, room)));
  /** Exports the election from the room into a fresh directory, as each participant does. */
  const exportTo = async (
    client: MatrixClient,
    name: string,
    electionId = uuid,
  ): Promise<{ dir: string; election: SecretBallotReplay }> => {
    const election = (await replay(client)).elections.get(electionId) as SecretBallotReplay;
    const dir = join(work, name);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir);
    await writeFile(join(dir, `${electionId}.bel`), exportBelArchive(election));
    return { dir, election };
  };
  const lastEventOfDir = async (dir: string, election: string) =>
    archiveSteps(new Uint8Array(await readFile(join(dir, `${election}.bel`)))).lastEvent;
  const electionOf = async (client: MatrixClient, electionId = uuid) =>
    (await replay(client)).elections.get(electionId) as SecretBallotReplay;

  beforeAll(async () => {
    const names = ['admin', 'bob', 'carol', 'dave', 'eve'] as const;
    const list = await Promise.all(names.map((n) => liveUser(n)));
    users = Object.fromEntries(names.map((n, i) => [n, list[i]])) as typeof users;
    const group = await createGroup(users.admin.client, {
      profile: { name: 'Élection' },
      rooms: ['decisions'],
      invite: (['bob', 'carol', 'dave', 'eve'] as const).map((n) => users[n].userId),
    });
    room = group.rooms.decisions as string;
    for (const n of ['bob', 'carol', 'dave', 'eve'] as const) await joinGroup(users[n].client, group);
    // The admin created the group: it is the group's authority, the only one who sets up elections.
    await initControlTable(users.admin.client, room, table);
    work = await mkdtemp(join(tmpdir(), 'imago-secret-'));
  });
  afterAll(async () => {
    stopAll();
    await rm(work, { recursive: true, force: true });
  });

  it('runs setup, ballots, tally, partial decryptions and result with @imago/helios-c as room events', async () => {
    const { admin, bob, carol, dave, eve } = users;
    const setup = heliosSetup(numberedVoters(3), 2, template);
    uuid = setup.uuid;
    await postStep(admin.client, room, uuid, setupStep(setup.texts), {
      timestamp: Math.floor(Date.now() / 1000),
    });

    // Three voters encrypt their ballots from the election they replay from the room.
    const voters = [bob, carol, dave];
    let firstBallot = '';
    for (const [i, voter] of voters.entries()) {
      const election = await electionOf(voter.client);
      const ballot = ballotFor(election, setup.credentials[i] as string, plaintexts[i] as number[][]);
      const id = await castBallot(voter.client, room, uuid, ballot);
      if (i === 0) firstBallot = ballot;
      expect(id).toMatch(/^\$/);
    }
    // A member who is not the group's authority sets up an election of their own: no effect.
    const rogue = heliosSetup(numberedVoters(3), 1, template);
    const rogueSetup = await postStep(eve.client, room, rogue.uuid, setupStep(rogue.texts), { timestamp: 0 });
    const afterRogue = await replay(eve.client);
    expect(afterRogue.elections.has(rogue.uuid)).toBe(false);
    expect(afterRogue.warnings.find((w) => w.eventId === rogueSetup)?.code).toBe('unauthorised');
    // Hostile steps: a replayed ballot, and a non-administrator ending the vote.
    const replayed = await castBallot(eve.client, room, uuid, firstBallot);
    // Eve, with raw HTTP, ends the vote naming the ballots she wants counted: no effect.
    const forgedEnd = await new RawMatrix(eve.session.baseUrl, eve.session.accessToken).sendOk(
      room,
      'org.imago.helios.step',
      { election: uuid, type: 'EndBallots', data: [], ballots: [replayed] },
    );
    // A ballot that does not verify (wrong election fingerprint) never enters the archive.
    const invalid = await castBallot(
      eve.client,
      room,
      uuid,
      JSON.stringify({ ...JSON.parse(firstBallot), election_hash: 'x' }),
    );

    // The administrator closes the vote and publishes the encrypted tally of the room's ballots.
    // It names the ballots its archive holds, here in the reverse of the room's order.
    const named = (await electionOf(admin.client)).steps.filter((s) => s.type === 'Ballot');
    const ballots = named.map((s) => s.eventId).reverse();
    await postStep(admin.client, room, uuid, { type: 'EndBallots', data: [] }, { ballots });
    await postStep(admin.client, room, uuid, encryptedTallyStep(await electionOf(admin.client)));
    // A ballot after the end of voting has no effect.
    const late = await castBallot(eve.client, room, uuid, firstBallot);

    // Each trustee publishes its partial decryption.
    for (const [i, trustee] of [bob, carol].entries()) {
      const key = setup.keys[i]?.secretKey as bigint;
      await postStep(
        trustee.client,
        room,
        uuid,
        partialDecryptionStep(await electionOf(trustee.client), i + 1, key),
      );
    }
    // The administrator computes and publishes the result.
    await postStep(admin.client, room, uuid, resultStep(await electionOf(admin.client)));

    // Any member exports the archive from the room history: belenios-tool verifies it.
    const { dir, election } = await exportTo(eve.client, 'auditor');
    await beleniosTool(['election', 'verify', '--dir', dir]);
    // @imago/helios-c verifies it too (what a browser does).
    const report = await verifyElection(election);
    expect(report.issues).toEqual([]);
    expect(report.ok).toBe(true);
    expect(election.phase).toBe('done');
    expect(election.steps.filter((s) => s.type === 'Ballot').map((s) => s.eventId)).toEqual(ballots);
    expect(resultOf(election)).toEqual(sums(plaintexts));
    const { warnings } = await replay(eve.client);
    const codeOf = (id: string) => warnings.find((w) => w.eventId === id)?.code;
    expect([codeOf(replayed), codeOf(forgedEnd), codeOf(late), codeOf(invalid)]).toEqual([
      'duplicate',
      'unauthorised',
      'rejected',
      'rejected',
    ]);
    expect(warnings.find((w) => w.eventId === invalid)?.reason).toBe('ballot.election_hash');
  });

  it('carries steps made by belenios-tool and by @imago/helios-c in one election (interoperability)', async () => {
    const { admin, bob, carol, dave, eve } = users;
    // The Setup of a reference election made by belenios-tool (2 trustees, BELENIOS-2048).
    const meta = JSON.parse(await readFile(join(fixture, 'meta.json'), 'utf8')) as { uuid: string };
    const reference = archiveSteps(new Uint8Array(await readFile(join(fixture, `${meta.uuid}.bel`))));
    await postStep(admin.client, room, meta.uuid, reference.steps[0] as never, {
      timestamp: reference.timestamp,
    });
    const creds = (await readFile(join(fixture, 'private_creds.txt'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => l.split(' ')[1] as string);
    const votes = (await readFile(join(fixture, 'votes.txt'), 'utf8'))
      .trim()
      .split('\n')
      .slice(0, 2)
      .map((line) => JSON.parse(line) as number[][]);
    // Bob's ballot is made by belenios-tool, Carol's by @imago/helios-c.
    {
      const { dir } = await exportTo(bob.client, 'interop-bob', meta.uuid);
      await writeFile(join(dir, 'cred'), creds[0] as string);
      await writeFile(join(dir, 'vote'), JSON.stringify(votes[0]));
      const ballot = await beleniosTool([
        'election',
        'generate-ballot',
        '--dir',
        dir,
        '--privcred',
        join(dir, 'cred'),
        '--ballot',
        join(dir, 'vote'),
      ]);
      await castBallot(bob.client, room, meta.uuid, ballot);
    }
    await castBallot(
      carol.client,
      room,
      meta.uuid,
      ballotFor(await electionOf(carol.client, meta.uuid), creds[1] as string, votes[1] as number[][]),
    );
    // The tally by @imago/helios-c; trustee 1 decrypts with belenios-tool, trustee 2 with @imago/helios-c.
    await postStep(admin.client, room, meta.uuid, { type: 'EndBallots', data: [] });
    await postStep(
      admin.client,
      room,
      meta.uuid,
      encryptedTallyStep(await electionOf(admin.client, meta.uuid)),
    );
    {
      const { dir } = await exportTo(bob.client, 'interop-trustee1', meta.uuid);
      const after = await lastEventOfDir(dir, meta.uuid);
      const partial = await beleniosTool([
        'election',
        'decrypt',
        '--dir',
        dir,
        '--privkey',
        join(fixture, '20DC996C.privkey'),
        '--trustee-id',
        '1',
      ]);
      await beleniosTool(['archive', 'add-event', '--dir', dir, '--type=PartialDecryption'], partial);
      const bytes = new Uint8Array(await readFile(join(dir, `${meta.uuid}.bel`)));
      await postArchiveSteps(bob.client, room, meta.uuid, bytes, after);
    }
    const secondKey = BigInt(JSON.parse(await readFile(join(fixture, '4F57D6D3.privkey'), 'utf8')) as string);
    await postStep(
      dave.client,
      room,
      meta.uuid,
      partialDecryptionStep(await electionOf(dave.client, meta.uuid), 2, secondKey),
    );
    // belenios-tool computes the result from the room's archive.
    {
      const { dir } = await exportTo(admin.client, 'interop-result', meta.uuid);
      const after = await lastEventOfDir(dir, meta.uuid);
      const result = await beleniosTool(['election', 'compute-result', '--dir', dir]);
      await beleniosTool(['archive', 'add-event', '--dir', dir, '--type=Result'], result);
      const bytes = new Uint8Array(await readFile(join(dir, `${meta.uuid}.bel`)));
      await postArchiveSteps(admin.client, room, meta.uuid, bytes, after);
    }
    const { dir, election } = await exportTo(eve.client, 'interop-auditor', meta.uuid);
    await beleniosTool(['election', 'verify', '--dir', dir]);
    expect((await verifyElection(election)).ok).toBe(true);
    expect(election.phase).toBe('done');
    expect(resultOf(election)).toEqual(sums(votes));
  });
});
