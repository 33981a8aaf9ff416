// Secret decisions by majority judgment and by Schulze on a live Synapse, run by the binding's one
// election protocol: weight carried as one ballot per unit, the ballots shuffled by two threshold
// trustees; belenios-tool verifies each archive and its count of the decrypted ballots names the
// decision's winner. A member speaking raw client-server HTTP posts a shuffle and a partial
// decryption in trustees' names: neither has any effect. (The assembly in
// test/support/election-assembly.ts.)
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { secretElectionParameters } from '@imago/governance';
import { ownedStep } from '@imago/helios-c';
import { describe, expect, it } from 'vitest';
import { electionOfDecision, exportBelArchive, propose } from '../../src/index';
import { beleniosTool } from '../support/belenios-tool';
import { electionAssemblyOfSuite, NAMES, type Name } from '../support/election-assembly';
import { until } from '../support/election-members';

describe('a secret decision with member trustees, encrypted credentials and delegated weight (live Synapse)', () => {
  const assembly = electionAssemblyOfSuite();

  it('decides by majority judgment and by Schulze, weight carried as one ballot per unit, shuffled by two trustees', async () => {
    const { users, members, room, work, id, raw } = assembly();
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
