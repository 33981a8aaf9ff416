// Secret decisions run by the binding's one election protocol on a live Synapse: the group's
// authority (a service account) sets the election up once three member trustees have established
// a threshold key (any two of them decrypt, with the authority), delivers every voter's
// credentials Olm-encrypted (checked on the wire), voters carrying delegated weight (from a member
// and from a sub-group) cast their ballots — handed to the authority or posted directly — and the
// verified result settles the decision in every member's replay. The exported archive is what
// belenios-tool verifies. Attackers speaking raw client-server HTTP post their own Setup, send
// voters credentials, cast a ballot without being a voter and publish results: none of it has any
// effect. (Majority judgment and Schulze, and attacks on the shuffles and decryptions, in
// elections-ranked.test.ts; the assembly in test/support/election-assembly.ts.)
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GovernanceEventTypes, secretElectionParameters } from '@imago/governance';
import { dataHash } from '@imago/helios-c';
import { describe, expect, it } from 'vitest';
import {
  ballotFor,
  electionOfDecision,
  exportBelArchive,
  propose,
  sendEncryptedToDevice,
} from '../../src/index';
import { beleniosTool } from '../support/belenios-tool';
import { electionAssemblyOfSuite, NAMES, type Name, roguedElection } from '../support/election-assembly';
import { until } from '../support/election-members';

describe('a secret decision with member trustees, encrypted credentials and delegated weight (live Synapse)', () => {
  const assembly = electionAssemblyOfSuite();

  it('runs, verifies and settles the election; credentials travel Olm-encrypted; attacks have no effect', async () => {
    const { users, wire, members, room, work, id, raw } = assembly();
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
});
