import { describe, expect, it } from 'vitest';
import { DAY, EventLog, members, tableJson } from './event-log.fixture';
import { evaluateAt, replay } from './replay';

const everyone = ['ana', 'bo', 'cy', 'dee', 'eve', 'fay', 'gus'];
const context = {
  ...members(...everyone),
  resolveGroup: (group: string) => (group === 'tech' ? new Set(['cy', 'dee', 'eve']) : undefined),
};

function start(rule: Record<string, unknown>, proposal: Record<string, unknown> = {}) {
  const log = new EventLog();
  log.add('ana', 0, 'init', {
    table: tableJson({ 'publish-text': { protocol: 'democracy', duration: DAY, ...rule } }),
  });
  const decision = log.add('ana', 1000, 'propose', {
    kind: 'publish-text',
    action: { text: 'hello' },
    ...proposal,
  });
  return { log, decision };
}

function outcome(log: EventLog, decision: string) {
  const { state, rejected } = replay(log.events, context);
  return { rejected, decision: evaluateAt(state, 1000 + DAY, context).state.decisions.get(decision) };
}

describe('democracy: motions', () => {
  it('adopts a motion carried by a strict majority of counted weight', () => {
    const { log, decision } = start({ method: 'plurality' });
    log.add('bo', 2000, 'vote', { decision, ballot: [1, 0] });
    log.add('cy', 2000, 'vote', { decision, ballot: [1, 0] });
    log.add('dee', 2000, 'vote', { decision, ballot: [0, 1] });
    const result = outcome(log, decision).decision;
    expect(result?.outcome).toMatchObject({ status: 'adopted', reason: 'approved', winners: [0] });
    expect(result?.outcome?.tally?.count.totals).toEqual([2, 1]);
  });

  it('counts a voter’s latest ballot only; refuses malformed ballots, non-eligible voters and late ballots', () => {
    const { log, decision } = start({ method: 'plurality' });
    log.add('bo', 2000, 'vote', { decision, ballot: [1, 0] });
    log.add('bo', 2500, 'vote', { decision, ballot: [0, 1] });
    log.add('cy', 2600, 'vote', { decision, ballot: [1, 1] });
    log.add('cy', 2700, 'vote', { decision, ballot: [1, 0, 0] });
    log.add('cy', 2800, 'vote', { decision, ballot: 'yes' });
    log.add('ana', 1000 + DAY, 'tick', {});
    log.add('dee', 1000 + DAY, 'vote', { decision, ballot: [1, 0] });
    const result = outcome(log, decision);
    expect(result.rejected.map((r) => r.reason)).toEqual([
      'invalid-ballot',
      'invalid-ballot',
      'malformed',
      'too-late',
    ]);
    expect(result.rejected[2]?.error?.path).toBe('content.ballot');
    expect(result.decision?.outcome).toMatchObject({ status: 'rejected', reason: 'motion-defeated' });
  });

  it('expires when the quorum is not met, counting delegated weight', () => {
    const { log, decision } = start({ method: 'plurality', quorum: 0.5, delegation: true });
    log.add('bo', 2000, 'vote', { decision, ballot: [1, 0] });
    log.add('cy', 2000, 'vote', { decision, ballot: [1, 0] });
    expect(outcome(log, decision).decision?.outcome?.reason).toBe('quorum-not-met');
    log.add('dee', 3000, 'delegate', { scope: { type: 'group' }, to: { member: 'bo' } });
    log.add('eve', 3000, 'delegate', {
      scope: { type: 'kind', kind: 'publish-text' },
      to: { member: 'dee' },
    });
    const carried = outcome(log, decision).decision;
    expect(carried?.outcome?.status).toBe('adopted');
    expect(carried?.outcome?.tally?.delegation?.memberWeights.get('bo')).toBe(3);
  });

  it('applies a threshold above simple majority', () => {
    const { log, decision } = start({ method: 'plurality', threshold: [2, 3] } /* as an integer pair */);
    log.add('bo', 2000, 'vote', { decision, ballot: [1, 0] });
    log.add('cy', 2000, 'vote', { decision, ballot: [1, 0] });
    log.add('dee', 2000, 'vote', { decision, ballot: [0, 1] });
    expect(outcome(log, decision).decision?.outcome?.reason).toBe('threshold-not-met');
    log.add('eve', 2000, 'vote', { decision, ballot: [1, 0] });
    expect(outcome(log, decision).decision?.outcome?.status).toBe('adopted');
  });

  it('rejects a tie', () => {
    const { log, decision } = start({ method: 'plurality' });
    log.add('bo', 2000, 'vote', { decision, ballot: [1, 0] });
    log.add('cy', 2000, 'vote', { decision, ballot: [0, 1] });
    expect(outcome(log, decision).decision?.outcome?.reason).toBe('tie');
  });
});

describe('democracy: liquid delegation', () => {
  it('ignores delegations when the rule does not allow them', () => {
    const { log, decision } = start({ method: 'plurality' });
    log.add('bo', 2000, 'vote', { decision, ballot: [1, 0] });
    log.add('cy', 2000, 'vote', { decision, ballot: [0, 1] });
    log.add('dee', 2000, 'delegate', { scope: { type: 'group' }, to: { member: 'bo' } });
    expect(outcome(log, decision).decision?.outcome?.reason).toBe('tie');
  });

  it('prefers the decision scope over the kind over the group-wide delegation', () => {
    const { log, decision } = start({ method: 'plurality', delegation: true });
    log.add('bo', 2000, 'vote', { decision, ballot: [1, 0] });
    log.add('cy', 2000, 'vote', { decision, ballot: [0, 1] });
    log.add('dee', 2000, 'vote', { decision, ballot: [0, 1] });
    log.add('gus', 3000, 'delegate', { scope: { type: 'group' }, to: { member: 'cy' } });
    log.add('gus', 3000, 'delegate', {
      scope: { type: 'kind', kind: 'publish-text' },
      to: { member: 'dee' },
    });
    log.add('gus', 3000, 'delegate', { scope: { type: 'decision', decision }, to: { member: 'bo' } });
    const weights = outcome(log, decision).decision?.outcome?.tally?.delegation?.memberWeights;
    expect(weights?.get('bo')).toBe(2);
    log.add('gus', 4000, 'revoke', { scope: { type: 'decision', decision } });
    expect(outcome(log, decision).decision?.outcome?.tally?.delegation?.memberWeights.get('dee')).toBe(2);
    log.add('gus', 4000, 'revoke', { scope: { type: 'kind', kind: 'publish-text' } });
    expect(outcome(log, decision).decision?.outcome?.tally?.delegation?.memberWeights.get('cy')).toBe(2);
  });

  it('lets the technicians decide: weight delegated to a group follows its members’ votes', () => {
    const fractional = start({ method: 'plurality', delegation: true, group_delegation: 'fractional' });
    const majority = start({ method: 'plurality', delegation: true, group_delegation: 'majority' });
    for (const { log, decision } of [fractional, majority]) {
      log.add('cy', 2000, 'vote', { decision, ballot: [1, 0] });
      log.add('dee', 2000, 'vote', { decision, ballot: [1, 0] });
      log.add('eve', 2000, 'vote', { decision, ballot: [0, 1] });
      for (const member of ['ana', 'bo', 'fay']) {
        log.add(member, 3000, 'delegate', {
          scope: { type: 'kind', kind: 'publish-text' },
          to: { group: 'tech' },
        });
      }
    }
    const split = outcome(fractional.log, fractional.decision).decision?.outcome;
    // 3 delegated votes split 2:1 like the technicians (yes 2+2, no 1+1)
    expect(split?.tally?.count.totals).toEqual([4, 2]);
    expect(split?.tally?.delegation?.groups[0]).toMatchObject({ group: 'tech', weight: 3, voters: 3 });
    const block = outcome(majority.log, majority.decision).decision?.outcome;
    expect(block?.tally?.count.totals).toEqual([5, 1]);
  });

  it('reports abstention of weight caught in a cycle, and the concentration', () => {
    const { log, decision } = start({ method: 'plurality', delegation: true });
    log.add('bo', 2000, 'vote', { decision, ballot: [1, 0] });
    log.add('cy', 3000, 'delegate', { scope: { type: 'group' }, to: { member: 'dee' } });
    log.add('dee', 3000, 'delegate', { scope: { type: 'group' }, to: { member: 'cy' } });
    log.add('eve', 3000, 'delegate', { scope: { type: 'group' }, to: { member: 'bo' } });
    log.add('eve', 3000, 'delegate', { scope: { type: 'group' }, to: { member: 'eve' } });
    const result = outcome(log, decision);
    expect(result.rejected.map((r) => r.reason)).toEqual(['invalid-delegation']);
    const delegation = result.decision?.outcome?.tally?.delegation;
    expect(delegation?.cycles).toEqual([['cy', 'dee']]);
    expect(delegation?.inCycles).toBe(2);
    expect(delegation?.maxWeight).toBe(2);
    expect(delegation?.maxHolder).toEqual({ member: 'bo' });
  });

  it('freezes delegations at closing: later revocations do not change a closed decision', () => {
    const { log, decision } = start({ method: 'plurality', delegation: true });
    log.add('bo', 2000, 'vote', { decision, ballot: [1, 0] });
    log.add('cy', 2000, 'vote', { decision, ballot: [0, 1] });
    log.add('dee', 3000, 'delegate', { scope: { type: 'group' }, to: { member: 'bo' } });
    log.add('ana', 1000 + DAY, 'tick', {});
    log.add('dee', 1000 + DAY, 'revoke', { scope: { type: 'group' } });
    const { state } = replay(log.events, context);
    expect(state.decisions.get(decision)?.outcome?.status).toBe('adopted');
  });
});

describe('democracy: ranked and graded methods', () => {
  it('elects the Schulze winner among options', () => {
    const { log, decision } = start({ method: 'schulze', delegation: true }, { options: ['A', 'B', 'C'] });
    log.add('bo', 2000, 'vote', { decision, ballot: [1, 2, 3] });
    log.add('cy', 2000, 'vote', { decision, ballot: [2, 1, 3] });
    log.add('dee', 2000, 'vote', { decision, ballot: [2, 1, 3] });
    log.add('eve', 2000, 'delegate', { scope: { type: 'group' }, to: { member: 'bo' } });
    log.add('fay', 2000, 'delegate', { scope: { type: 'group' }, to: { member: 'bo' } });
    const result = outcome(log, decision).decision?.outcome;
    // bo carries 3 votes for A > B > C against 2 for B > A > C
    expect(result).toMatchObject({ status: 'adopted', reason: 'elected', winners: [0] });
    expect(result?.tally?.count.ranking).toEqual([[0], [1], [2]]);
  });

  it('elects with majority judgment and with STV', () => {
    const mj = start({ method: 'majority-judgment', grades: 3 }, { options: ['A', 'B'] });
    mj.log.add('bo', 2000, 'vote', { decision: mj.decision, ballot: [1, 3] });
    mj.log.add('cy', 2000, 'vote', { decision: mj.decision, ballot: [2, 1] });
    mj.log.add('dee', 2000, 'vote', { decision: mj.decision, ballot: [1, 2] });
    mj.log.add('dee', 2100, 'vote', { decision: mj.decision, ballot: [1, 4] });
    const judged = outcome(mj.log, mj.decision);
    expect(judged.rejected.map((r) => r.reason)).toEqual(['invalid-ballot']);
    expect(judged.decision?.outcome?.winners).toEqual([0]);

    const stv = start({ method: 'stv', seats: 2 }, { options: ['A', 'B', 'C'] });
    for (const [member, ballot] of [
      ['bo', [1, 2, 3]],
      ['cy', [1, 3, 2]],
      ['dee', [2, 1, 3]],
      ['eve', [3, 1, 2]],
      ['fay', [1, 2, 3]],
    ] as const) {
      stv.log.add(member, 2000, 'vote', { decision: stv.decision, ballot });
    }
    expect(outcome(stv.log, stv.decision).decision?.outcome).toMatchObject({
      status: 'adopted',
      winners: [0, 1],
    });
  });
});
