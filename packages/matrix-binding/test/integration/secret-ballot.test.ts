import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MatrixClient } from 'matrix-js-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendToRoomLog,
  belStepsFromArchive,
  castBallot,
  createGroup,
  emptyRoomLog,
  exportBelArchive,
  fetchRoomHistory,
  joinGroup,
  postArchiveSteps,
  postStep,
  replaySecretBallots,
  type SecretBallotReplay,
} from '../../src/index';
import { beleniosTool } from '../support/belenios-tool';
import { type LiveUser, liveUser, stopAll } from '../support/live-users';

// A reference election made by belenios-tool (2 trustees, BELENIOS-2048, 2 questions): we reuse its
// Setup (credentials, trustee keys) and run voting, tally, decryption and result through Matrix.
const fixture = '/work/shared/fixtures/belenios/h-2048';

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
  ): Promise<{ dir: string; election: SecretBallotReplay }> => {
    const election = (await replay(client)).elections.get(uuid) as SecretBallotReplay;
    const dir = join(work, name);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir);
    await writeFile(join(dir, `${uuid}.bel`), exportBelArchive(election));
    return { dir, election };
  };
  const lastEventOf = async (dir: string) =>
    belStepsFromArchive(new Uint8Array(await readFile(join(dir, `${uuid}.bel`)))).lastEvent;

  beforeAll(async () => {
    const names = ['admin', 'bob', 'carol', 'dave', 'eve'] as const;
    const list = await Promise.all(names.map((n) => liveUser(n)));
    users = Object.fromEntries(names.map((n, i) => [n, list[i]])) as typeof users;
    const group = await createGroup(users.admin.client, {
      profile: { name: 'Élection' },
      rooms: ['decisions'],
    });
    room = group.rooms.decisions as string;
    for (const n of ['bob', 'carol', 'dave', 'eve'] as const) await joinGroup(users[n].client, group);
    uuid = (JSON.parse(await readFile(join(fixture, 'meta.json'), 'utf8')) as { uuid: string }).uuid;
    work = await mkdtemp(join(tmpdir(), 'imago-secret-'));
  });
  afterAll(async () => {
    stopAll();
    await rm(work, { recursive: true, force: true });
  });

  it('runs setup, ballots, tally, partial decryptions and result as room events', async () => {
    const { admin, bob, carol, dave, eve } = users;
    const reference = belStepsFromArchive(new Uint8Array(await readFile(join(fixture, `${uuid}.bel`))));
    await postStep(admin.client, room, uuid, reference.steps[0] as never, reference.timestamp);

    // Three voters vote with their credentials, each from the archive they export from the room.
    const creds = (await readFile(join(fixture, 'private_creds.txt'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => l.split(' ')[1]);
    const votes = (await readFile(join(fixture, 'votes.txt'), 'utf8')).trim().split('\n');
    const voters = [bob, carol, dave];
    let firstBallot = '';
    for (const [i, voter] of voters.entries()) {
      const { dir } = await exportTo(voter.client, `voter${i}`);
      await writeFile(join(dir, 'cred'), creds[i] as string);
      await writeFile(join(dir, 'vote'), votes[i] as string);
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
      const id = await castBallot(voter.client, room, uuid, ballot);
      if (i === 0) firstBallot = ballot;
      expect(id).toMatch(/^\$/);
    }
    // Hostile steps: a replayed ballot, and a non-administrator ending the vote.
    const replayed = await castBallot(eve.client, room, uuid, firstBallot);
    const forgedEnd = await postStep(eve.client, room, uuid, { type: 'EndBallots', data: [] });

    // The administrator closes the vote and publishes the encrypted tally.
    {
      const { dir } = await exportTo(admin.client, 'admin-tally');
      const after = await lastEventOf(dir);
      await beleniosTool(['archive', 'add-event', '--dir', dir, '--type=EndBallots'], '');
      const tally = await beleniosTool(['election', 'compute-encrypted-tally', '--dir', dir]);
      await beleniosTool(['archive', 'add-event', '--dir', dir, '--type=EncryptedTally'], tally);
      await postArchiveSteps(
        admin.client,
        room,
        uuid,
        new Uint8Array(await readFile(join(dir, `${uuid}.bel`))),
        after,
      );
    }
    // A ballot after the end of voting has no effect.
    const late = await castBallot(eve.client, room, uuid, firstBallot);

    // Each trustee publishes its partial decryption.
    const keys = ['20DC996C.privkey', '4F57D6D3.privkey'];
    for (const [i, trustee] of [bob, carol].entries()) {
      const { dir } = await exportTo(trustee.client, `trustee${i}`);
      const after = await lastEventOf(dir);
      const partial = await beleniosTool([
        'election',
        'decrypt',
        '--dir',
        dir,
        '--privkey',
        join(fixture, keys[i] as string),
        '--trustee-id',
        String(i + 1),
      ]);
      await beleniosTool(['archive', 'add-event', '--dir', dir, '--type=PartialDecryption'], partial);
      await postArchiveSteps(
        trustee.client,
        room,
        uuid,
        new Uint8Array(await readFile(join(dir, `${uuid}.bel`))),
        after,
      );
    }

    // The administrator computes and publishes the result.
    {
      const { dir } = await exportTo(admin.client, 'admin-result');
      const after = await lastEventOf(dir);
      const result = await beleniosTool(['election', 'compute-result', '--dir', dir]);
      await beleniosTool(['archive', 'add-event', '--dir', dir, '--type=Result'], result);
      await postArchiveSteps(
        admin.client,
        room,
        uuid,
        new Uint8Array(await readFile(join(dir, `${uuid}.bel`))),
        after,
      );
    }

    // Any member exports the archive from the room history: belenios-tool verifies it.
    const { dir, election } = await exportTo(eve.client, 'auditor');
    await beleniosTool(['election', 'verify', '--dir', dir]);
    expect(election.phase).toBe('done');
    expect(election.steps.filter((s) => s.type === 'Ballot')).toHaveLength(3);
    const result = JSON.parse(election.result as string) as { result: unknown[][] };
    expect(result.result.map((q) => q.map(Number))).toEqual([
      [2, 1],
      [2, 1, 2, 1],
    ]);
    const { warnings } = await replay(eve.client);
    const codeOf = (id: string) => warnings.find((w) => w.eventId === id)?.code;
    expect([codeOf(replayed), codeOf(forgedEnd), codeOf(late)]).toEqual([
      'duplicate',
      'unauthorised',
      'rejected',
    ]);
  });
});
