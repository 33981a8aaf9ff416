import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { countsToName } from './counted-evidence';
import { event, fold } from './counted-fold.fixture';
import { DAY, EventLog, members, type TestEvent, tableJson } from './event-log.fixture';
import type { GovernanceState } from './governance-state';

// The reference reader keeps every evidence record: no decision is ever settled for good.
const keeping = vi.hoisted(() => ({ all: false }));
vi.mock('./settled-for-good', async (original) => {
  const actual = await original<typeof import('./settled-for-good')>();
  return {
    settledForGood: (...args: Parameters<typeof actual.settledForGood>) =>
      !keeping.all && actual.settledForGood(...args),
  };
});

const context = members('ana', 'bo', 'cy', 'dee', 'eve');
const democracy = { protocol: 'democracy', method: 'plurality', duration: DAY, delegation: true } as const;
const FIRST = 1000 + DAY;
const SECOND = 1500 + DAY;

/** Two public motions with delegation, closing half a second apart; ana is the authority. */
function motions() {
  const log = new EventLog();
  log.add('ana', 0, 'init', { table: tableJson({ 'publish-text': democracy }) });
  const first = log.add('bo', 1000, 'propose', { kind: 'publish-text', action: { text: 'one' } });
  const second = log.add('cy', 1500, 'propose', { kind: 'publish-text', action: { text: 'two' } });
  return { log, first, second };
}

function foldKeeping(events: readonly TestEvent[], redacted: readonly string[] = []) {
  keeping.all = true;
  try {
    return fold(events, context, redacted);
  } finally {
    keeping.all = false;
  }
}

/** Everything of a state but the evidence record, which pruning changes. */
function beyondEvidence(state: GovernanceState) {
  const { evidence: _evidence, evidenceOf: _of, ...rest } = state;
  return rest;
}

describe('the evidence of a decision settled for good is dropped', () => {
  it('keeps nothing of a settled motion but its delegations, and records nothing more of it', () => {
    const { log, first } = motions();
    const vote = log.add('bo', 2000, 'vote', { decision: first, ballot: [1, 0] });
    const delegation = log.add('dee', 2100, 'delegate', { scope: { type: 'group' }, to: { member: 'bo' } });
    const outsider = log.add('mallory', 2200, 'vote', { decision: first, ballot: [0, 1] });
    const close = event('$close', 'ana', FIRST + 10, 'close', {
      decision: first,
      counted: { [first]: [vote, delegation] },
    });
    const late = event('$late', 'cy', FIRST + 20, 'vote', { decision: first, ballot: [0, 1] });
    const kept = foldKeeping([...log.events, close, late]);
    const { state, issues, rejected } = fold([...log.events, close, late], context);
    expect(beyondEvidence(state)).toEqual(beyondEvidence(kept.state));
    expect([issues, rejected]).toEqual([kept.issues, kept.rejected]);
    expect(state.decisions.get(first)?.status).toBe('adopted');
    expect(kept.state.evidence.keys().sort()).toEqual([delegation, outsider, '$late', vote].sort());
    expect(state.evidence.keys()).toEqual([delegation]);
    expect(state.evidenceOf.keys()).toEqual([]);
  });

  it('does not count a settled motion’s vote that a later close names, nor waits for it', () => {
    const { log, first, second } = motions();
    const vote = log.add('bo', 2000, 'vote', { decision: first, ballot: [1, 0] });
    const events = [
      ...log.events,
      event('$one', 'ana', FIRST + 10, 'close', { decision: first, counted: { [first]: [vote] } }),
      event('$two', 'ana', SECOND + 10, 'close', { decision: second, counted: { [second]: [vote] } }),
    ];
    const { state, issues } = fold(events, context);
    expect(state.decisions.get(second)?.status).toBe('expired');
    expect(issues).toEqual([
      { code: 'invalid-evidence', decision: second, ids: [vote], reason: 'other-decision' },
    ]);
    expect(foldKeeping(events).issues).toEqual(issues);
  });

  it('keeps the evidence of a decision waiting for a named event, and of a provisional withdrawal', () => {
    const { log, first, second } = motions();
    const vote = event('$vote', 'dee', 2000, 'vote', { decision: first, ballot: [1, 0] });
    const withdrawal = log.add('cy', 3000, 'withdraw', { decision: second });
    const close = event('$close', 'ana', FIRST + 10, 'close', {
      decision: first,
      counted: { [first]: ['$vote'] },
    });
    const waiting = fold([...log.events, close], context).state;
    expect(waiting.decisions.get(first)?.count?.missing).toEqual(['$vote']);
    expect(waiting.evidence.has(withdrawal)).toBe(true);
    const settled = fold([...log.events, close, vote], context).state;
    expect(settled.decisions.get(first)?.status).toBe('adopted');
    expect(settled.evidence.has('$vote')).toBe(false);
    expect(settled.evidence.has(withdrawal)).toBe(true);
    const ended = event('$end', 'ana', SECOND + 10, 'tick', {});
    expect(fold([...log.events, close, vote, ended], context).state.evidence.keys()).toEqual([]);
  });

  it('changes nothing but the record for any events placed around two closes, honest or not', () => {
    const voters = ['bo', 'cy', 'dee', 'eve', 'mallory'];
    const arbitrary = fc.record({
      voter: fc.constantFrom(...voters),
      which: fc.constantFrom(0, 1),
      yes: fc.boolean(),
      kind: fc.constantFrom('vote', 'vote', 'vote', 'delegate', 'withdraw'),
      seenByAuthority: fc.constantFrom(0, 1, 2),
      placed: fc.constantFrom(0, 1, 2),
      redacted: fc.boolean(),
    });
    let pruned = 0;
    fc.assert(
      fc.property(
        fc.array(arbitrary, { maxLength: 10 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        (drawn, picks) => {
          const { log, first, second } = motions();
          const decisions = [first, second];
          const racing = drawn.map((d, i) => {
            const decision = decisions[d.which]!;
            const at = 5000 + i;
            if (d.kind === 'delegate')
              return event(`$r${i}`, d.voter, at, 'delegate', {
                scope: { type: 'group' },
                to: { member: 'bo' },
              });
            if (d.kind === 'withdraw')
              return event(`$r${i}`, d.which ? 'cy' : 'bo', at, 'withdraw', { decision });
            return event(`$r${i}`, d.voter, at, 'vote', { decision, ballot: d.yes ? [1, 0] : [0, 1] });
          });
          const side = (i: number, key: 'seenByAuthority' | 'placed') => drawn[i]![key];
          // The authority's log: each event before the first close, between the closes, or after both.
          const authorityBefore = racing.filter((_, i) => side(i, 'seenByAuthority') === 0);
          const one = event('$one', 'ana', FIRST + 10, 'close', {
            counted: countsToName(foldKeeping([...log.events, ...authorityBefore]).state, FIRST + 10),
          });
          const between = racing.filter((_, i) => side(i, 'seenByAuthority') === 1);
          const counted = countsToName(
            foldKeeping([...log.events, ...authorityBefore, one, ...between]).state,
            SECOND + 10,
          );
          // A careless or hostile second close also names events of the first motion.
          const named = picks
            .map((p) => racing[p % Math.max(racing.length, 1)]?.id)
            .filter((id) => id !== undefined);
          if (counted[second] !== undefined) counted[second] = [...counted[second], ...named];
          const two = event('$two', 'ana', SECOND + 10, 'close', { decision: second, counted });
          // A reader: each event on its own side of the closes.
          const at = (n: number) => racing.filter((_, i) => side(i, 'placed') === n);
          const reader = [...log.events, ...at(0), one, ...at(1), two, ...at(2)];
          const redacted = racing.filter((_, i) => drawn[i]!.redacted).map((e) => e.id);
          const kept = foldKeeping(reader, redacted);
          const dropped = fold(reader, context, redacted);
          const unaccepted = named.some((id) => {
            const record = kept.state.evidence.get(id);
            return record !== undefined && !('redacted' in record) && !dropped.state.seen.has(id);
          });
          fc.pre(!unaccepted);
          expect(beyondEvidence(dropped.state)).toEqual(beyondEvidence(kept.state));
          expect([dropped.issues, dropped.rejected]).toEqual([kept.issues, kept.rejected]);
          for (const id of dropped.state.evidence.keys())
            expect(dropped.state.evidence.get(id)).toEqual(kept.state.evidence.get(id));
          if (dropped.state.evidence.keys().length < kept.state.evidence.keys().length) pruned++;
        },
      ),
      { numRuns: 400 },
    );
    expect(pruned).toBeGreaterThan(100);
  });
});
