// Secret decisions run by the binding's one election protocol on a live Synapse: the group's
// authority (a service account) sets the election up once three member trustees have established
// a threshold key (any two of them decrypt, with the authority), delivers every voter's
// credentials Olm-encrypted (checked on the wire), voters carrying delegated weight (from a member
// and from a sub-group) cast their ballots — handed to the authority or posted directly — and the
// verified result settles the decision in every member's replay. The exported archive is what
// belenios-tool verifies. Attackers speaking raw client-server HTTP post their own Setup, send
// voters credentials, cast a ballot without being a voter, shuffle and decrypt in a trustee's name
// and publish results: none of it has any effect.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ControlTable,
  type CountingMethodName,
  type DemocracyRule,
  GovernanceEventTypes,
  secretElectionParameters,
} from '@imago/governance';
import { dataHash, generateCredentials, groupByName, ownedStep, setupStep } from '@imago/helios-c';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ballotFor,
  type CreatedGroup,
  createGroup,
  electionOfDecision,
  exportBelArchive,
  initControlTable,
  joinGroup,
  propose,
  readGroup,
  sendEncryptedToDevice,
  sendState,
  setDelegations,
} from '../../src/index';
import { beleniosTool } from '../support/belenios-tool';
import { type ElectionMember, electionMember, until } from '../support/election-members';
import { type LiveUser, liveUser, stopAll, type WireToDevice } from '../support/live-users';
import { RawMatrix } from '../support/raw-matrix';

const NAMES = ['svc', 'ana', 'bo', 'cy', 'dee', 'eve', 'fay', 'gus'] as const;
type Name = (typeof NAMES)[number];
// Long enough for every voter to cast on a loaded 2-core machine before the authority closes the vote.
const VOTE = 90_000;

describe('a secret decision with member trustees, encrypted credentials and delegated weight (live Synapse)', () => {
  const users = {} as Record<Name, LiveUser>;
  const wire = Object.fromEntries(NAMES.map((n) => [n, [] as WireToDevice[]])) as Record<
    Name,
    WireToDevice[]
  >;
  const members = {} as Record<Name, ElectionMember>;
  let group: CreatedGroup;
  let tech: CreatedGroup;
  let room: string;
  let work: string;
  let techMembers: ReadonlySet<string> = new Set();
  const id = (n: Name) => users[n].userId;

  beforeAll(async () => {
    const list = await Promise.all(NAMES.map((n) => liveUser(n, { encryption: true, toDevice: wire[n] })));
    NAMES.forEach((n, i) => {
      users[n] = list[i] as LiveUser;
    });
    group = await createGroup(users.ana.client, {
      profile: { name: 'Assemblée' },
      rooms: ['chat', 'decisions'],
      authority: [id('svc')],
      // The group takes requests (knock): its founders are invited, and count as members because
      // they are in the room when the control table is set.
      invite: NAMES.filter((n) => n !== 'ana').map(id),
    });
    room = group.rooms.decisions as string;
    // The chat is encrypted: sharing it is how the authority's crypto knows the voters' devices.
    await sendState(users.ana.client, group.rooms.chat as string, 'm.room.encryption', '', {
      algorithm: 'm.megolm.v1.aes-sha2',
    });
    tech = await createGroup(users.ana.client, {
      profile: { name: 'Tech' },
      parent: group.spaceId,
      rooms: [],
    });
    for (const n of NAMES.filter((n) => n !== 'ana')) await joinGroup(users[n].client, group);
    for (const n of ['eve', 'fay'] as const)
      await users[n].client.joinRoom(tech.spaceId, { viaServers: [...tech.via] });
    // The sub-group is Eve and Fay: its founder leaves it.
    await users.ana.client.leave(tech.spaceId);
    techMembers = new Set((await readGroup(users.ana.client, tech.spaceId)).members.map((m) => m.userId));
    // Three secret rules, the same but for the counting method; three threshold trustees, any two decrypt.
    const secret = (method: CountingMethodName, more: Partial<DemocracyRule> = {}): DemocracyRule => ({
      protocol: 'democracy',
      method,
      quorum: 0,
      threshold: 0.5,
      duration: VOTE,
      ballot: 'secret',
      delegation: true,
      groupDelegation: 'fractional',
      trustees: { members: [id('bo'), id('dee'), id('fay')], threshold: 2 },
      ...more,
    });
    const table: ControlTable = {
      rules: {
        'change-control-table': { protocol: 'consensus', duration: 3_600_000 },
        spend: secret('plurality'),
        rank: secret('schulze'),
        grade: secret('majority-judgment', { grades: 4 }),
      },
    };
    await initControlTable(users.ana.client, room, table, [id('svc')]);
    await setDelegations(users.cy.client, room, [{ scope: { type: 'group' }, to: { member: id('bo') } }]);
    await setDelegations(users.gus.client, room, [{ scope: { type: 'group' }, to: { group: tech.spaceId } }]);
    work = await mkdtemp(join(tmpdir(), 'imago-elections-'));
    const groups = () => new Map([[tech.spaceId, techMembers]]);
    for (const n of NAMES) {
      members[n] = await electionMember(users[n], room, {
        groups,
        ...(n === 'svc' ? { authority: true } : {}),
        relayTimeoutMs: 10_000,
      });
    }
  }, 180_000);

  afterAll(async () => {
    for (const m of Object.values(members)) m.stop();
    stopAll();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('runs, verifies and settles the election; credentials travel Olm-encrypted; attacks have no effect', async () => {
    const raw = (n: Name) => new RawMatrix(users[n].session.baseUrl, users[n].session.accessToken);
    const decision = await propose(users.ana.client, room, {
      kind: 'spend',
      title: 'Which project first?',
      options: ['Garden', 'Workshop'],
      action: {},
    });
    // An attacker (a member, not the authority) posts a Setup of their own first, naming the decision.
    const rogue = roguedElection(decision);
    const rogueSetup = await raw('eve').sendOk(room, 'org.imago.helios.step', rogue.content);
    // …and a member who is not a trustee posts a certificate for the decision.
    await raw('gus').sendOk(room, 'org.imago.helios.trustee', {
      decision,
      step: 'certificate',
      text: '{"message":"{}","signature":{"hash":"0","proof":{"challenge":"0","response":"0"}}}',
    });

    const svc = members.svc;
    const election = await until('the authority’s Setup', () =>
      electionOfDecision(svc.duties.last(room)?.ballots.elections ?? new Map(), decision),
    );
    expect(election.administrator).toBe(id('svc'));
    expect(election.trustees).toEqual([id('svc'), id('bo'), id('dee'), id('fay')]);
    expect(svc.duties.last(room)?.ballots.warnings.find((w) => w.eventId === rogueSetup)?.code).toBe(
      'unauthorised',
    );

    // A member who is not a voter (Gus delegated his vote) casts a well-formed ballot, signed with a
    // credential the authority never issued: it never enters the election.
    const intruder = ballotFor(election, rogue.credential, [[0, 1]]);
    const intruderBallot = await raw('gus').sendOk(room, 'org.imago.helios.step', {
      election: election.election,
      type: 'Ballot',
      payload: dataHash(intruder),
      data: [intruder],
    });
    await until('the non-voter’s ballot in the authority’s replay', () =>
      svc.duties.last(room)?.ballots.warnings.find((w) => w.eventId === intruderBallot),
    );
    expect(svc.duties.last(room)?.ballots.warnings.find((w) => w.eventId === intruderBallot)?.code).toBe(
      'rejected',
    );

    // Weights from delegation: cy → bo; gus → the sub-group (eve and fay share its vote: eve, the smaller id).
    const parameters = secretElectionParameters(svc.duties.last(room)!.decisions.state, decision);
    const weight = (n: Name) => parameters.voters.find((v) => v.member === id(n))?.weight;
    expect([weight('ana'), weight('bo'), weight('cy'), weight('dee'), weight('gus')]).toEqual([
      1,
      2,
      undefined,
      1,
      undefined,
    ]);
    expect(weight('eve')! + weight('fay')!).toBe(3);

    // A non-authority sends a voter a credential of their own election: in clear (raw HTTP) and Olm-encrypted.
    const txn = `rogue-${Date.now()}`;
    await raw('eve').request('PUT', `/sendToDevice/org.imago.helios.credential/${txn}`, {
      messages: {
        [id('ana')]: { '*': { room, decision, election: rogue.uuid, credentials: [rogue.credential] } },
      },
    });
    await sendEncryptedToDevice(
      users.eve.client,
      'org.imago.helios.credential',
      new Map([
        [id('ana'), { room, decision, election: election.election, credentials: [rogue.credential] }],
      ]),
    );

    const voters = ['ana', 'bo', 'dee', 'eve', 'fay'] as const;
    for (const n of voters)
      await until(
        `${n}'s credentials`,
        async () => (await members[n].duties.participant!.status(room, decision)).credentials > 0,
      );
    // Ana casts directly; the others hand their ballots to the authority (the default).
    const choice: Record<(typeof voters)[number], number[]> = {
      ana: [1, 0],
      bo: [0, 1],
      dee: [1, 0],
      eve: [1, 0],
      fay: [0, 1],
    };
    for (const n of voters)
      await members[n].duties.participant!.cast(
        room,
        decision,
        [choice[n]],
        n === 'ana' ? 'direct' : undefined,
      );
    for (const n of voters)
      await until(`${n}'s ballot on the board`, async () =>
        (await members[n].duties.participant!.status(room, decision)).receipts.every(
          (r) => r.status === 'counted',
        ),
      );
    // Only Ana's ballot shows her account; the others were posted by the authority.
    const posted = await until('five ballots in the authority’s replay', () => {
      const ballots = electionOfDecision(svc.duties.last(room)!.ballots.elections, decision)!.steps.filter(
        (s) => s.type === 'Ballot',
      );
      return ballots.length === 5 ? ballots : undefined;
    });
    expect(posted.map((s) => s.sender).sort()).toEqual([id('ana'), ...Array(4).fill(id('svc'))].sort());
    expect(posted.some((s) => s.eventId === intruderBallot)).toBe(false);

    // The result settles the decision in every member's replay.
    const expected = {
      A: weight('ana')! + weight('dee')! + weight('eve')!,
      B: weight('bo')! + weight('fay')!,
    };
    for (const n of NAMES)
      await until(
        `the outcome in ${n}'s replay`,
        () => {
          const outcome = members[n].duties.last(room)?.decisions.state.decisions.get(decision)?.outcome;
          return outcome?.status === 'adopted' ? outcome : undefined;
        },
        180_000,
      );
    const outcome = members.ana.duties.last(room)!.decisions.state.decisions.get(decision)!.outcome!;
    expect(outcome.winners).toEqual([0]);
    expect(outcome.tally?.count.totals).toEqual([expected.A, expected.B]);

    // Belenios-tool verifies the archive exported from the room and finds the same result.
    const finished = electionOfDecision(members.gus.duties.last(room)!.ballots.elections, decision)!;
    await writeFile(join(work, `${finished.election}.bel`), exportBelArchive(finished));
    await beleniosTool(['election', 'verify', '--dir', work]);
    const computed = JSON.parse(finished.result as string) as { result: number[][] };
    expect(computed.result[0]?.map(Number)).toEqual([expected.A, expected.B]);
    // The authority decrypted, and at least two of the three threshold trustees.
    const decryptors = finished.steps.filter((s) => s.type === 'PartialDecryption').map((s) => s.sender);
    expect(decryptors).toContain(id('svc'));
    expect(
      decryptors.filter((s) => [id('bo'), id('dee'), id('fay')].includes(s)).length,
    ).toBeGreaterThanOrEqual(2);

    // On the wire: every to-device event the voters received from the authority was m.room.encrypted.
    for (const n of voters) {
      const fromAuthority = wire[n].filter((e) => e.sender === id('svc'));
      expect(fromAuthority.length).toBeGreaterThan(0);
      expect(new Set(fromAuthority.map((e) => e.type))).toEqual(new Set(['m.room.encrypted']));
      expect(wire[n].some((e) => e.type === 'org.imago.helios.credential' && e.sender === id('svc'))).toBe(
        false,
      );
    }
    // Ana received the attacker's clear credential on the wire, and her client did not take it.
    expect(wire.ana.some((e) => e.type === 'org.imago.helios.credential' && e.sender === id('eve'))).toBe(
      true,
    );
    expect(
      members.ana.activity.some(
        (a) => a.step === 'credentials' && a.detail.startsWith(`credentials from ${id('eve')} refused`),
      ),
    ).toBe(true);

    // A result published by a member who is not the authority has no effect.
    const forged = await raw('eve').sendOk(room, GovernanceEventTypes.secretResult, {
      decision,
      result: [0, 9],
    });
    await until('the forged result in the replay', () =>
      members.bo.duties.last(room)?.decisions.warnings.find((w) => w.eventId === forged),
    );
    expect(members.bo.duties.last(room)?.decisions.warnings.find((w) => w.eventId === forged)?.reason).toBe(
      'wrong-sender',
    );
    expect(members.bo.duties.last(room)?.decisions.state.decisions.get(decision)?.outcome?.winners).toEqual([
      0,
    ]);
    for (const m of Object.values(members)) expect(m.errors).toEqual([]);
  }, 420_000);

  it('decides by majority judgment and by Schulze, weight carried as one ballot per unit, shuffled by two trustees', async () => {
    const raw = (n: Name) => new RawMatrix(users[n].session.baseUrl, users[n].session.accessToken);
    const options = ['North', 'South', 'East'];
    const [graded, ranked] = await Promise.all([
      propose(users.ana.client, room, { kind: 'grade', title: 'Grade the sites', options, action: {} }),
      propose(users.ana.client, room, { kind: 'rank', title: 'Rank the sites', options, action: {} }),
    ]);
    const voters = ['ana', 'bo', 'dee', 'eve', 'fay'] as const;
    for (const decision of [graded, ranked])
      for (const n of voters)
        await until(
          `${n}'s credentials`,
          async () => (await members[n].duties.participant!.status(room, decision)).credentials > 0,
        );
    // Bo carries Cy's vote: two credentials, two ballots; likewise the member of the sub-group who got Gus's share.
    const state = members.svc.duties.last(room)!.decisions.state;
    for (const decision of [graded, ranked]) {
      const parameters = secretElectionParameters(state, decision);
      for (const n of voters) {
        const held = (await members[n].duties.participant!.status(room, decision)).credentials;
        expect(held).toBe(parameters.voters.find((v) => v.member === id(n))?.weight);
      }
    }
    const grades: Record<(typeof voters)[number], number[]> = {
      ana: [1, 3, 2],
      bo: [2, 1, 4],
      dee: [1, 2, 3],
      eve: [2, 2, 1],
      fay: [3, 1, 2],
    };
    const ranks: Record<(typeof voters)[number], number[]> = {
      ana: [1, 2, 3],
      bo: [2, 1, 3],
      dee: [1, 3, 2],
      eve: [3, 1, 2],
      fay: [2, 3, 1],
    };
    for (const n of voters) {
      await members[n].duties.participant!.cast(room, graded, [grades[n]]);
      await members[n].duties.participant!.cast(room, ranked, [ranks[n]], 'direct');
    }
    // A member who is not the trustee of that number posts a shuffle once the tally is out: no effect.
    const tallied = await until(
      'the encrypted tally of the graded election',
      () => {
        const e = electionOfDecision(members.gus.duties.last(room)!.ballots.elections, graded);
        return e?.phase === 'tallied' ? e : undefined;
      },
      180_000,
    );
    const forged = ownedStep('Shuffle', 2, '{"ciphertexts":[],"proofs":[]}');
    const forgedShuffle = await raw('gus').sendOk(room, 'org.imago.helios.step', {
      election: tallied.election,
      type: 'Shuffle',
      payload: forged.payload,
      data: forged.data,
    });
    // …and a partial decryption in the name of trustee 3 (Dee), with made-up factors: no effect.
    const share = ownedStep(
      'PartialDecryption',
      3,
      '{"decryption_factors":[[["2"]]],"decryption_proofs":[]}',
    );
    const forgedShare = await raw('gus').sendOk(room, 'org.imago.helios.step', {
      election: tallied.election,
      type: 'PartialDecryption',
      payload: share.payload,
      data: share.data,
    });
    for (const decision of [graded, ranked])
      for (const n of NAMES)
        await until(
          `the outcome of ${decision} in ${n}'s replay`,
          () => {
            const outcome = members[n].duties.last(room)?.decisions.state.decisions.get(decision)?.outcome;
            return outcome;
          },
          180_000,
        );
    const weightOf = (decision: string, n: Name) =>
      secretElectionParameters(members.ana.duties.last(room)!.decisions.state, decision).voters.find(
        (v) => v.member === id(n),
      )?.weight ?? 0;
    for (const [decision, method, choices] of [
      [graded, 'majority-judgment', grades],
      [ranked, 'schulze', ranks],
    ] as const) {
      const finished = electionOfDecision(members.cy.duties.last(room)!.ballots.elections, decision)!;
      // Shuffled by the first two threshold trustees, Bo and Dee (the authority never shuffles here).
      expect(finished.steps.filter((s) => s.type === 'Shuffle').map((s) => s.sender)).toEqual([
        id('bo'),
        id('dee'),
      ]);
      const dir = join(work, method);
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, `${finished.election}.bel`), exportBelArchive(finished));
      await beleniosTool(['election', 'verify', '--dir', dir]);
      // The decrypted ballots are the votes, each as many times as its voter's weight.
      const decrypted = (JSON.parse(finished.result as string) as { result: number[][][] }).result[0]!;
      const cast = voters.flatMap((n) => Array.from({ length: weightOf(decision, n) }, () => choices[n]));
      expect(decrypted.map((b) => JSON.stringify(b)).sort()).toEqual(
        cast.map((b) => JSON.stringify(b)).sort(),
      );
      // belenios-tool's count of those ballots names the decision's winner.
      const args = method === 'schulze' ? ['--nchoices', '3'] : ['--ngrades', '4'];
      const counted = JSON.parse(
        await beleniosTool(
          ['method', method, ...args, '--blank-allowed', 'false'],
          JSON.stringify(decrypted),
        ),
      ) as { winners: number[][] };
      const outcome = members.fay.duties.last(room)!.decisions.state.decisions.get(decision)!.outcome!;
      if (counted.winners[0]?.length === 1) expect(outcome.winners).toEqual(counted.winners[0]);
      else expect(outcome.reason).toBe('tie');
    }
    expect(
      members.svc.duties.last(room)!.ballots.warnings.find((w) => w.eventId === forgedShuffle)?.code,
    ).toBe('unauthorised');
    expect(members.svc.duties.last(room)!.ballots.warnings.find((w) => w.eventId === forgedShare)?.code).toBe(
      'unauthorised',
    );
    const gradedSteps = electionOfDecision(members.svc.duties.last(room)!.ballots.elections, graded)!.steps;
    expect(gradedSteps.some((s) => s.eventId === forgedShuffle || s.eventId === forgedShare)).toBe(false);
    for (const m of Object.values(members)) expect(m.errors).toEqual([]);
  }, 480_000);
});

/** An election an attacker makes up for the decision, with a credential of its own. */
function roguedElection(decision: string) {
  const group = groupByName('BELENIOS-2048')!;
  const uuid = 'RoguE1ection1x';
  const credentials = generateCredentials(group, uuid, [{ id: '1', login: '1' }]);
  const election = `{"version":1,"description":"x","name":"x","group":"BELENIOS-2048","public_key":"2","questions":[],"uuid":"${uuid}"}`;
  const step = setupStep({ election, trustees: '[]', credentials: credentials.publicCredentials });
  return {
    uuid,
    credential: credentials.privateLines[0]!.split(' ')[1]!,
    content: {
      election: uuid,
      type: 'Setup',
      payload: step.payload,
      data: step.data,
      timestamp: 1,
      decision,
    },
  };
}
