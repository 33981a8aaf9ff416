import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ControlTable, GovernanceEventTypes, secretElectionParameters } from '@imago/governance';
import type { MatrixClient } from 'matrix-js-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendToRoomLog,
  belStepsFromArchive,
  castBallot,
  closeDecision,
  createGroup,
  emptyRoomLog,
  exportBelArchive,
  fetchRoomHistory,
  initControlTable,
  joinGroup,
  postArchiveSteps,
  postStep,
  propose,
  replayDecisions,
  replaySecretBallots,
  type SecretBallotReplay,
  secretResultVerifier,
  sendGovernanceEvent,
  verifyElection,
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
    belStepsFromArchive(new Uint8Array(await readFile(join(dir, `${election}.bel`)))).lastEvent;
  const lastEventOf = (dir: string) => lastEventOfDir(dir, uuid);

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
    // A ballot that does not verify (wrong election fingerprint) never enters the archive.
    const invalid = await castBallot(
      eve.client,
      room,
      uuid,
      JSON.stringify({ ...JSON.parse(firstBallot), election_hash: 'x' }),
    );

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
    // @imago/helios-c verifies it too (what a browser does).
    const report = await verifyElection(election);
    expect(report.issues).toEqual([]);
    expect(report.ok).toBe(true);
    expect(election.phase).toBe('done');
    expect(election.steps.filter((s) => s.type === 'Ballot')).toHaveLength(3);
    const result = JSON.parse(election.result as string) as { result: unknown[][] };
    expect(result.result.map((q) => q.map(Number))).toEqual([
      [2, 1],
      [2, 1, 2, 1],
    ]);
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

  it('decides a secret governance decision: Helios-C election from the decision, verified result settles it', async () => {
    const { admin, bob, carol, dave, eve } = users;
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
    await initControlTable(admin.client, room, table);
    const decision = await propose(admin.client, room, {
      kind: 'elect-delegate',
      action: {},
      title: 'Delegate?',
      options: ['Ana', 'Bo'],
    });
    const replayGovernance = async (client: MatrixClient, verified: ReadonlySet<string> = new Set()) => {
      const log = appendToRoomLog(emptyRoomLog(room), await fetchRoomHistory(client, room));
      const { elections } = replaySecretBallots(log);
      return replayDecisions(log, { verifySecretResult: secretResultVerifier(elections, verified) });
    };
    const parameters = secretElectionParameters((await replayGovernance(admin.client)).state, decision);
    expect(parameters.voters.map((v) => v.member).sort()).toEqual(
      Object.values(users)
        .map((u) => u.userId)
        .sort(),
    );

    // The administrator sets up the election the decision asks for, with belenios-tool.
    const dir = join(work, 'governed');
    await mkdir(dir);
    const voterLines = parameters.voters.map((v, i) => `voter${i}@example.org,voter${i},${v.weight}`);
    await writeFile(join(dir, 'voters.txt'), `${voterLines.join('\n')}\n`);
    const electionId = (await beleniosTool(['setup', 'generate-token'])).trim();
    const group = ['--group', 'BELENIOS-2048'];
    await beleniosTool(
      ['setup', 'generate-credentials', '--uuid', electionId, ...group, '--file', 'voters.txt'],
      '',
      dir,
    );
    await beleniosTool(['setup', 'generate-trustee-key', ...group], '', dir);
    const files = await readdir(dir);
    const pick = (suffix: string) => join(dir, files.find((f) => f.endsWith(suffix)) as string);
    await writeFile(join(dir, 'public_creds.json'), await readFile(pick('.pubcreds')));
    await writeFile(join(dir, 'public_keys.jsons'), await readFile(pick('.pubkey')));
    await beleniosTool(['setup', 'make-trustees'], '', dir);
    await writeFile(
      join(dir, 'template.json'),
      JSON.stringify({ description: 'Imago decision', name: 'Delegate?', questions: [parameters.question] }),
    );
    await beleniosTool(
      ['setup', 'make-election', '--uuid', electionId, ...group, '--template', 'template.json'],
      '',
      dir,
    );
    await beleniosTool(['archive', 'init'], '', dir);
    const setupArchive = new Uint8Array(await readFile(join(dir, `${electionId}.bel`)));
    await postArchiveSteps(admin.client, room, electionId, setupArchive, undefined, decision);

    // Members vote in secret (Ana, Ana, Bo), each with the credential of their line.
    const privateCreds = (await readFile(pick('.privcreds'), 'utf8')).trim().split('\n');
    const credOf = (member: string) => {
      const index = parameters.voters.findIndex((v) => v.member === member);
      return privateCreds.find((line) => line.startsWith(`voter${index}@`))?.split(' ')[1] as string;
    };
    for (const [voter, choice] of [
      [bob, '[[1,0]]'],
      [carol, '[[1,0]]'],
      [dave, '[[0,1]]'],
    ] as const) {
      const { dir: votingDir } = await exportTo(
        voter.client,
        `governed-${voter.userId.slice(1, 6)}`,
        electionId,
      );
      await writeFile(join(votingDir, 'cred'), credOf(voter.userId));
      await writeFile(join(votingDir, 'choice'), choice);
      const ballot = await beleniosTool([
        'election',
        'generate-ballot',
        '--dir',
        votingDir,
        '--privcred',
        join(votingDir, 'cred'),
        '--ballot',
        join(votingDir, 'choice'),
      ]);
      await castBallot(voter.client, room, electionId, ballot);
    }

    // After the period the decision closes and waits for its verified result.
    await new Promise((resolve) => setTimeout(resolve, PERIOD + 500));
    await closeDecision(eve.client, room, decision);
    expect((await replayGovernance(eve.client)).state.decisions.get(decision)?.status).toBe('closed');

    // The administrator tallies, decrypts and publishes the result from the room's archive.
    const { dir: adminDir } = await exportTo(admin.client, 'governed-admin', electionId);
    const after = (await lastEventOfDir(adminDir, electionId)) as string;
    await beleniosTool(['archive', 'add-event', '--dir', adminDir, '--type=EndBallots'], '');
    await beleniosTool(
      ['archive', 'add-event', '--dir', adminDir, '--type=EncryptedTally'],
      await beleniosTool(['election', 'compute-encrypted-tally', '--dir', adminDir]),
    );
    const partial = await beleniosTool([
      'election',
      'decrypt',
      '--dir',
      adminDir,
      '--privkey',
      pick('.privkey'),
      '--trustee-id',
      '1',
    ]);
    await beleniosTool(['archive', 'add-event', '--dir', adminDir, '--type=PartialDecryption'], partial);
    await beleniosTool(
      ['archive', 'add-event', '--dir', adminDir, '--type=Result'],
      await beleniosTool(['election', 'compute-result', '--dir', adminDir]),
    );
    await postArchiveSteps(
      admin.client,
      room,
      electionId,
      new Uint8Array(await readFile(join(adminDir, `${electionId}.bel`))),
      after,
    );

    // A forged result comes first; the real one, with the archive's last event as evidence, after.
    const forged = await sendGovernanceEvent(eve.client, room, GovernanceEventTypes.secretResult, {
      decision,
      result: [0, 3],
    });
    const final = (await replay(admin.client)).elections.get(electionId) as SecretBallotReplay;
    const evidence = belStepsFromArchive(exportBelArchive(final)).lastEvent;
    await sendGovernanceEvent(admin.client, room, GovernanceEventTypes.secretResult, {
      decision,
      result: [2, 1],
      evidence,
    });

    // An auditor verifies the archive exported from the room, then replays the decision.
    const auditor = await exportTo(eve.client, 'governed-auditor', electionId);
    await beleniosTool(['election', 'verify', '--dir', auditor.dir]);
    const { state, warnings } = await replayGovernance(eve.client, new Set([electionId]));
    expect(state.decisions.get(decision)?.outcome).toMatchObject({ status: 'adopted', winners: [0] });
    expect(warnings.find((w) => w.eventId === forged)).toMatchObject({
      code: 'rejected',
      reason: 'unverified-result',
    });
    // Without verifying the archive, no result is trusted.
    expect((await replayGovernance(eve.client)).state.decisions.get(decision)?.status).toBe('closed');
  });
});
