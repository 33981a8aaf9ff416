import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY, EventLog, members, type TestEvent, tableJson } from '../decisions/event-log.fixture';
import type { GovernanceContext, SecretResultVerifier } from '../decisions/governance-context';
import { initialGovernanceState } from '../decisions/governance-state';
import type { CountIssue } from '../decisions/recount';
import { reduce } from '../decisions/reduce';
import { replay } from '../decisions/replay';
import type { CountedIds } from '../events/event-types';
import { credentialWeights, secretElectionParameters } from './election-parameters';
import { secretDelegationEvidence } from './named-weights';

const people = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5'];
const AUTHORITY = 'm0';

/** A secret plurality with delegation, proposed by m1 at 1000 (it opens at once). */
function ballot() {
  const head = new EventLog();
  head.add(
    AUTHORITY,
    0,
    'init',
    {
      table: tableJson({
        'admit-member': {
          protocol: 'democracy',
          ballot: 'secret',
          method: 'plurality',
          delegation: true,
          duration: DAY,
          trustees: 'authority',
        },
      }),
    },
    '$init',
  );
  const propose = new EventLog();
  const decision = propose.add(
    'm1',
    1000,
    'propose',
    { kind: 'admit-member', action: { member: '@n:x' } },
    '$proposal',
  );
  const result = new EventLog();
  result.add(
    AUTHORITY,
    1000 + DAY + 1,
    'secret.result',
    { decision, result: [1, 0], castWeight: 1 },
    '$result',
  );
  return { head: head.events, propose: propose.events, result: result.events, decision };
}

const delegation = (from: string, to: string, id: string): TestEvent => ({
  id,
  sender: from,
  timestamp: 500,
  type: 'org.imago.governance.delegate',
  content: { scope: { type: 'group' }, to: { member: to } },
});

/**
 * What the authority's Setup fixed (from its own order, up to the opening), and a verifier that
 * accepts the result only for an election with exactly those credential weights, as
 * `checkElectionOfDecision` of the binding does; `named` false: a Setup that names nothing.
 */
function authoritySetup(events: TestEvent[], decision: string, named = true) {
  const { state } = replay(events, members(...people));
  const weights = credentialWeights(secretElectionParameters(state, decision));
  const list: CountedIds = secretDelegationEvidence(state, decision);
  const seen: number[][] = [];
  const verify: SecretResultVerifier = Object.assign(
    (parameters: Parameters<SecretResultVerifier>[0]) => {
      seen.push(credentialWeights(parameters));
      return JSON.stringify(credentialWeights(parameters)) === JSON.stringify(weights);
    },
    named ? { namedDelegations: (id: string) => (id === decision ? list : undefined) } : {},
  );
  const context: GovernanceContext = { ...members(...people), verifySecretResult: verify };
  return { weights, list, context, seen };
}

/** A replay that keeps what each event's count reports. */
function replayCounting(events: TestEvent[], context: GovernanceContext) {
  let state = initialGovernanceState();
  const counts: CountIssue[] = [];
  for (const event of events) {
    const result = reduce(state, event, context);
    state = result.state;
    counts.push(...(result.count ?? []));
  }
  return { state, counts };
}

const outcomeOf = (events: TestEvent[], context: GovernanceContext, decision: string) => {
  const replayed = replay(events, context);
  const settled = replayed.state.decisions.get(decision)!;
  return {
    status: settled.status,
    voters: settled.secret?.voters,
    rejected: replayed.rejected.map((r) => r.reason),
  };
};

describe('secret ballots: the weights the Setup named', () => {
  it('gives two readers whose servers put delegations on either side of the opening the same weights', () => {
    const members5 = fc.constantFrom(...people.slice(1));
    const race = fc.record({ from: members5, to: members5, after: fc.boolean() });
    fc.assert(
      fc.property(fc.uniqueArray(race, { selector: (r) => r.from, minLength: 1, maxLength: 5 }), (races) => {
        const { head, propose, result, decision } = ballot();
        const events = races
          .filter((r) => r.from !== r.to)
          .map((r, i) => ({ ...r, event: delegation(r.from, r.to, `$d${i}`) }));
        fc.pre(events.length > 0);
        // The authority's server put every racing delegation before the opening; the other
        // reader's server put some of them after it.
        const authority = [...head, ...events.map((e) => e.event), ...propose];
        const before = events.filter((e) => !e.after).map((e) => e.event);
        const after = events.filter((e) => e.after).map((e) => e.event);
        const other = [...head, ...before, ...propose, ...after];
        const setup = authoritySetup(authority, decision);
        const a = outcomeOf([...authority, ...result], setup.context, decision);
        const b = outcomeOf([...other, ...result], setup.context, decision);
        expect(a.rejected).toEqual([]);
        expect(b).toEqual(a);
        expect(a.status).toBe('adopted');
        expect(setup.seen.every((w) => JSON.stringify(w) === JSON.stringify(setup.weights))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('without a named list (older rooms), the reader whose server put the delegation after the opening refuses the election', () => {
    const { head, propose, result, decision } = ballot();
    const raced = delegation('m3', 'm2', '$race');
    const setup = authoritySetup([...head, raced, ...propose], decision, false);
    expect(outcomeOf([...head, raced, ...propose, ...result], setup.context, decision).status).toBe(
      'adopted',
    );
    const late = outcomeOf([...head, ...propose, raced, ...result], setup.context, decision);
    expect(late.status).not.toBe('adopted');
    expect(late.rejected).toEqual(['unverified-result']);
  });

  it('reports a delegation the Setup did not name as uncounted, and resolves without it', () => {
    const { head, propose, result, decision } = ballot();
    const raced = delegation('m3', 'm2', '$race');
    // The authority's server put the delegation after the opening: its Setup names nothing.
    const setup = authoritySetup([...head, ...propose], decision);
    expect(setup.list).toEqual([]);
    const replayed = replayCounting([...head, raced, ...propose, ...result], setup.context);
    expect(replayed.state.decisions.get(decision)?.status).toBe('adopted');
    expect(replayed.state.decisions.get(decision)?.secret?.voters.map((v) => v.weight)).toEqual([
      1, 1, 1, 1, 1, 1,
    ]);
    expect(replayed.counts).toEqual([{ code: 'uncounted', decision, ids: ['$race'] }]);
  });

  it('waits for a named delegation not received yet, and settles when it comes', () => {
    const { head, propose, result, decision } = ballot();
    const raced = delegation('m3', 'm2', '$race');
    const setup = authoritySetup([...head, raced, ...propose], decision);
    expect(setup.list).toEqual(['$race']);
    const waiting = replayCounting([...head, ...propose, ...result], setup.context);
    expect(waiting.state.decisions.get(decision)?.status).toBe('closed');
    expect(waiting.counts).toEqual([{ code: 'awaiting-evidence', decision, ids: ['$race'] }]);
    const later = outcomeOf([...head, ...propose, ...result, raced], setup.context, decision);
    expect(later.status).toBe('adopted');
    expect(later.voters).toEqual(
      outcomeOf([...head, raced, ...propose, ...result], setup.context, decision).voters,
    );
  });

  it('does not count a named event that is not a member’s delegation covering the decision', () => {
    const { head, propose, result, decision } = ballot();
    const outsider = delegation('@mallory:x', 'm2', '$outsider');
    const self = delegation('m4', 'm4', '$self');
    const narrow = {
      ...delegation('m5', 'm2', '$other'),
      content: { scope: { type: 'decision', decision: '$x' }, to: { member: 'm2' } },
    };
    const vote = { ...delegation('m2', 'm2', '$vote'), type: 'org.imago.governance.vote', timestamp: 2000 };
    vote.content = { decision, ballot: [1, 0] } as never;
    const setup = authoritySetup([...head, ...propose], decision);
    const forged: SecretResultVerifier = Object.assign(
      (p: Parameters<SecretResultVerifier>[0]) => setup.context.verifySecretResult!(p, {} as never),
      { namedDelegations: () => ['$outsider', '$self', '$other', '$vote'] },
    );
    const context = { ...setup.context, verifySecretResult: forged };
    const replayed = replayCounting([...head, outsider, self, narrow, ...propose, vote, ...result], context);
    expect(replayed.state.decisions.get(decision)?.status).toBe('adopted');
    const reasons = replayed.counts.map((c) => [c.code, c.ids[0], c.reason]);
    expect(reasons).toEqual([
      ['invalid-evidence', '$outsider', 'not-a-member'],
      ['invalid-evidence', '$self', 'invalid-delegation'],
      ['invalid-evidence', '$other', 'other-decision'],
      ['invalid-evidence', '$vote', 'not-a-delegation'],
    ]);
  });
});
