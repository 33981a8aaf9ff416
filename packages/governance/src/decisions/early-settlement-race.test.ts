import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActionKinds } from '../control-table/action-kinds';
import { countsToName } from './counted-evidence';
import { event, fold } from './counted-fold.fixture';
import { DAY, EventLog, members, type TestEvent, tableJson } from './event-log.fixture';
import type { GovernanceState } from './governance-state';

const context = members('ana', 'bo', 'cy', 'dee', 'eve');
const CLOSES = 1000 + DAY;
const EARLY = 9000;
const END = CLOSES + 2 * DAY;
const deciders = ['bo', 'cy', 'dee', 'eve'];
const oligarchy = { protocol: 'oligarchy', deciders: { members: deciders }, required: 2, duration: DAY };
const consensus = { protocol: 'consensus', duration: DAY };

/** What each kind of decision proposes. */
const ACTIONS = {
  'publish-text': { text: 'hi' },
  [ActionKinds.changeControlTable]: { table: tableJson({ 'publish-text': consensus }) },
  [ActionKinds.changeAuthority]: { authority: ['ana', 'bo'] },
} as const;
type Kind = keyof typeof ACTIONS;

/** A decision of `kind` proposed by bo, decided by 2 of bo, cy, dee, eve; ana is the authority. */
function proposal(kind: Kind) {
  const log = new EventLog();
  log.add('ana', 0, 'init', {
    table: tableJson({
      'publish-text': oligarchy,
      [ActionKinds.changeControlTable]: oligarchy,
      [ActionKinds.changeAuthority]: oligarchy,
    }),
  });
  const decision = log.add('bo', 1000, 'propose', { kind, action: ACTIONS[kind] });
  return { log, decision };
}

/** What must be the same for every reader: the decisions, the table in force and the authority. */
function governed(state: GovernanceState) {
  const { decisions, table, tableVersion, tableHistory, authority, provisional } = state;
  return { decisions: [...decisions], table, tableVersion, tableHistory, authority, provisional };
}

/**
 * The authority's close, sent early (as the example service does when its log settles a decision
 * before the deadline: only then, naming it) or after the deadline, naming what its log counted.
 */
function closing(authority: GovernanceState, decision: string, at: number): TestEvent {
  const counted = countsToName(authority, at);
  return counted[decision] === undefined
    ? event('$tick', 'ana', at, 'tick', { counted })
    : event('$close', 'ana', at, 'close', { decision, counted });
}

/**
 * The authority's log (the racing events it saw, its close, then the others) and another reader's
 * (each racing event on its side of that close).
 */
function orders(
  base: readonly TestEvent[],
  racing: readonly TestEvent[],
  flags: readonly { seenByAuthority: boolean; afterClose: boolean }[],
  decision: string,
  early: boolean,
) {
  const seen = racing.filter((_, i) => flags[i]!.seenByAuthority);
  const authority = fold([...base, ...seen], context).state;
  const close = closing(authority, decision, early ? EARLY : CLOSES + 10);
  const truth = [...base, ...seen, close, ...racing.filter((e) => !seen.includes(e))];
  const before = racing.filter((_, i) => !flags[i]!.afterClose);
  const reader = [...base, ...before, close, ...racing.filter((e) => !before.includes(e))];
  return { close, truth, reader };
}

/** The authority's tick at the end, naming what its log counted: both logs end governed alike. */
function endsAlike(truth: readonly TestEvent[], reader: readonly TestEvent[]) {
  const last = fold(truth, context).state;
  const final = event('$end', 'ana', END, 'tick', { counted: countsToName(last, END) });
  const expected = fold([...truth, final], context).state;
  expect(governed(fold([...reader, final], context).state)).toEqual(governed(expected));
  expect(expected.provisional.size).toBe(0);
}

describe('approvals and refusals racing the close of an oligarchy decision', () => {
  const placement = fc.record({ seenByAuthority: fc.boolean(), afterClose: fc.boolean() });
  const step = fc.record({ decider: fc.constantFrom(...deciders), approve: fc.boolean() });

  it('give every reader the authority’s decision, table and authority, wherever they fall', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Kind>('publish-text', ActionKinds.changeControlTable, ActionKinds.changeAuthority),
        fc.array(fc.tuple(step, placement), { maxLength: 6 }),
        fc.boolean(),
        (kind, steps, early) => {
          const { log, decision } = proposal(kind);
          const racing = steps.map(([s], i) =>
            event(`$d${i}`, s.decider, 5000 + i, s.approve ? 'approve' : 'refuse', { decision }),
          );
          const flags = steps.map(([, flag]) => flag);
          const { close, truth, reader } = orders(log.events, racing, flags, decision, early);
          // Once the close named the decision, every reader has the authority's outcome and effects.
          if (close.type.endsWith('close')) {
            const expected = fold(truth, context).state;
            expect(governed(fold(reader, context).state)).toEqual(governed(expected));
            expect(expected.provisional.has(decision)).toBe(false);
            expect(expected.decisions.get(decision)?.status).not.toBe('open');
          }
          // Otherwise the authority's next event names it (a settlement of its own log) or ends the period.
          endsAlike(truth, reader);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a challenge escalating an act to an oligarchy, and its approvals, racing the close', () => {
  it('give every reader the authority’s decision, wherever they fall', () => {
    const placement = fc.record({ seenByAuthority: fc.boolean(), afterClose: fc.boolean() });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...deciders), fc.boolean(), placement), { maxLength: 4 }),
        placement,
        fc.boolean(),
        (steps, challenged, early) => {
          const log = new EventLog();
          const act = { protocol: 'do-ocracy', window: DAY, escalation: oligarchy };
          log.add('ana', 0, 'init', { table: tableJson({ 'publish-text': act }) });
          const decision = log.add('bo', 1000, 'propose', { kind: 'publish-text', action: { text: 'done' } });
          const racing = [
            event('$c', 'cy', 5000, 'challenge', { decision, reason: 'no' }),
            ...steps.map(([decider, approve], i) =>
              event(`$d${i}`, decider, 5100 + i, approve ? 'approve' : 'refuse', { decision }),
            ),
          ];
          const flags = [challenged, ...steps.map(([, , flag]) => flag)];
          const { truth, reader } = orders(log.events, racing, flags, decision, early);
          endsAlike(truth, reader);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a withdrawal named by a close before the deadline', () => {
  it('gives every reader the authority’s outcome, with votes and the withdrawal placed anywhere', () => {
    const democracy = { protocol: 'democracy', method: 'plurality', duration: DAY };
    const placement = fc.record({ seenByAuthority: fc.boolean(), afterClose: fc.boolean() });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('cy', 'dee', 'eve'), fc.boolean(), placement), { maxLength: 4 }),
        placement,
        (votes, withdrawal) => {
          const log = new EventLog();
          log.add('ana', 0, 'init', { table: tableJson({ 'publish-text': democracy }) });
          const decision = log.add('bo', 1000, 'propose', { kind: 'publish-text', action: { text: 'hi' } });
          const racing = [
            ...votes.map(([voter, yes], i) =>
              event(`$v${i}`, voter, 5000 + i, 'vote', { decision, ballot: yes ? [1, 0] : [0, 1] }),
            ),
            event('$w', 'bo', 8000, 'withdraw', { decision }),
          ];
          const flags = [...votes.map(([, , flag]) => flag), withdrawal];
          const seen = racing.filter((_, i) => flags[i]!.seenByAuthority);
          const close = closing(fold([...log.events, ...seen], context).state, decision, EARLY);
          const truth = [...log.events, ...seen, close, ...racing.filter((e) => !seen.includes(e))];
          const before = racing.filter((_, i) => !flags[i]!.afterClose);
          const reader = [...log.events, ...before, close, ...racing.filter((e) => !before.includes(e))];
          const last = fold(truth, context).state;
          const final = event('$end', 'ana', CLOSES + 10, 'tick', {
            counted: countsToName(last, CLOSES + 10),
          });
          const expected = fold([...truth, final], context).state;
          expect(governed(fold([...reader, final], context).state)).toEqual(governed(expected));
          expect(expected.decisions.get(decision)?.status).toBe('withdrawn');
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('an early settlement', () => {
  it('is provisional, without effect, until a close names it; the close confirms it at once', () => {
    const { log, decision } = proposal(ActionKinds.changeControlTable);
    const first = log.add('cy', 5000, 'approve', { decision });
    const second = log.add('dee', 5001, 'approve', { decision });
    const provisional = fold(log.events, context).state;
    expect(provisional.decisions.get(decision)).toMatchObject({
      status: 'adopted',
      outcome: { reason: 'approved', at: 5001 },
    });
    expect(provisional.provisional.get(decision)).toBe(CLOSES);
    expect(provisional.tableVersion).toBe(0);
    // A proposal meanwhile takes the table still in force.
    const meanwhile = log.add('bo', 6000, 'propose', { kind: 'publish-text', action: { text: 'a' } });
    const close = closing(fold(log.events, context).state, decision, 7000);
    expect(close.content).toEqual({ decision, counted: { [decision]: [first, second] } });
    const after = log.add('bo', 8000, 'propose', { kind: 'publish-text', action: { text: 'b' } });
    const { state, rejected } = fold([...log.events.slice(0, -1), close, log.events.at(-1)!], context);
    expect(rejected).toEqual([]);
    expect(state.provisional.size).toBe(0);
    expect(state.decisions.get(decision)?.outcome).toMatchObject({ status: 'adopted', at: 5001 });
    expect(state.tableHistory.at(-1)).toMatchObject({ version: 1, since: 5001, decision });
    expect(state.decisions.get(meanwhile)).toMatchObject({ tableVersion: 0, rule: oligarchy });
    expect(state.decisions.get(after)).toMatchObject({ tableVersion: 1, rule: consensus });
    // A reader whose server put the second approval after the close waits for it, then agrees.
    const late = event(second, 'dee', 5001, 'approve', { decision });
    const events = log.events.filter((e) => e.id !== second && e.id !== after);
    const waiting = fold([...events, close], context).state;
    expect(waiting.decisions.get(decision)).toMatchObject({ status: 'closed', count: { missing: [second] } });
    expect(waiting.tableVersion).toBe(0);
    const agreed = fold([...events, close, late], context).state;
    expect(agreed.decisions.get(decision)).toEqual(state.decisions.get(decision));
    expect(agreed.tableHistory).toEqual(state.tableHistory);
  });

  it('goes back to open when the close names too few approvals before the deadline, and settles at it otherwise', () => {
    const { log, decision } = proposal('publish-text');
    const first = log.add('cy', 5000, 'approve', { decision });
    log.add('dee', 5001, 'approve', { decision });
    const named = { [decision]: [first] };
    const early = event('$close', 'ana', 7000, 'close', { decision, counted: named });
    const reopened = fold([...log.events, early], context);
    expect(reopened.rejected).toEqual([]);
    expect(reopened.state.decisions.get(decision)).toMatchObject({ status: 'open', evidence: [first] });
    expect(reopened.state.pending).toEqual([decision]);
    expect(reopened.state.provisional.size).toBe(0);
    const again = fold([...log.events, early, event('$eve', 'eve', 8000, 'approve', { decision })], context);
    expect(again.state.decisions.get(decision)?.outcome).toMatchObject({ status: 'adopted', at: 8000 });
    const late = event('$close', 'ana', CLOSES + 10, 'close', { decision, counted: named });
    expect(fold([...log.events, late], context).state.decisions.get(decision)?.outcome).toEqual({
      status: 'expired',
      reason: 'deadline',
      at: CLOSES,
    });
  });

  it('takes a change of authority into effect only once confirmed', () => {
    const { log, decision } = proposal(ActionKinds.changeAuthority);
    log.add('cy', 5000, 'approve', { decision });
    log.add('dee', 5001, 'approve', { decision });
    const bo = event('$bo', 'bo', 6000, 'tick', {});
    const unconfirmed = fold([...log.events, bo], context);
    expect(unconfirmed.state.authority).toEqual(['ana']);
    expect(unconfirmed.rejected).toEqual(['$bo:wrong-sender']);
    // A close naming nothing for it leaves it provisional until the period's end.
    const other = event('$t', 'ana', 7000, 'tick', {});
    expect(fold([...log.events, other], context).state.authority).toEqual(['ana']);
    const end = event('$end', 'ana', CLOSES + 10, 'tick', {});
    const confirmed = fold([...log.events, other, end, { ...bo, timestamp: CLOSES + 20 }], context);
    expect(confirmed.state.authority).toEqual(['ana', 'bo']);
    expect(confirmed.rejected).toEqual([]);
    expect(confirmed.state.provisional.size).toBe(0);
  });
});
