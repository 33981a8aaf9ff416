import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGovernanceEvent } from '../events/parse-event';
import type { Decision } from './decision';
import { DAY, EventLog, members, type TestEvent, tableJson } from './event-log.fixture';
import type { GovernanceState } from './governance-state';
import { initialGovernanceState } from './governance-state';
import { reduce } from './reduce';
import { evaluateAt, replay } from './replay';

const people = Array.from({ length: 8 }, (_, i) => `m${i}`);
const context = {
  ...members(...people),
  resolveGroup: (group: string) => (group === 'g' ? new Set(['m0', 'm1', 'm2']) : undefined),
};

/** A plain, comparable picture of a state (persistent maps turned into sorted entries). */
function snapshot(state: GovernanceState) {
  const decision = (d: Decision) => ({
    ...d,
    participation: Object.fromEntries(
      Object.entries(d.participation).map(([key, value]) => [
        key,
        typeof value === 'string' ? value : [...value].sort(),
      ]),
    ),
    outcome:
      d.outcome === undefined
        ? undefined
        : {
            ...d.outcome,
            tally:
              d.outcome.tally === undefined
                ? undefined
                : {
                    ...d.outcome.tally,
                    delegation:
                      d.outcome.tally.delegation === undefined
                        ? undefined
                        : {
                            ...d.outcome.tally.delegation,
                            memberWeights: [...d.outcome.tally.delegation.memberWeights].sort(),
                          },
                  },
          },
  });
  return {
    table: state.table,
    tableVersion: state.tableVersion,
    clock: state.clock,
    pending: state.pending,
    nextDue: state.nextDue,
    decisions: [...state.decisions].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, d]) => decision(d)),
    delegations: [...state.delegations].sort(([a], [b]) => (a < b ? -1 : 1)),
    seen: state.seen.keys().sort(),
  };
}

const header = (): TestEvent[] => {
  const log = new EventLog();
  log.add('m0', 0, 'init', {
    table: tableJson({
      'publish-text': {
        protocol: 'democracy',
        method: 'approval',
        duration: DAY,
        delegation: true,
        quorum: 0.2,
      },
      'spend-resource': { protocol: 'oligarchy', deciders: { group: 'g' }, required: 2, duration: DAY },
    }),
  });
  log.add('m0', 10, 'propose', { kind: 'publish-text', action: 'a', options: ['x', 'y', 'z'] }, '$d');
  log.add('m1', 10, 'propose', { kind: 'spend-resource', action: 'b' }, '$o');
  return log.events;
};

const member = fc.constantFrom(...people, 'stranger');
const arbitraryEvent = fc
  .record({
    id: fc.constantFrom('$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8', '$9', '$d'),
    sender: member,
    timestamp: fc.integer({ min: 0, max: 2 * DAY }),
    kind: fc.constantFrom(
      'vote',
      'delegate',
      'revoke',
      'approve',
      'refuse',
      'tick',
      'withdraw',
      'close',
      'junk',
    ),
    ballot: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 2, maxLength: 4 }),
    to: fc.oneof(
      member.map((m) => ({ member: m })),
      fc.constant({ group: 'g' }),
    ),
    scope: fc.constantFrom(
      { type: 'group' },
      { type: 'kind', kind: 'publish-text' },
      { type: 'decision', decision: '$d' },
    ),
    decision: fc.constantFrom('$d', '$o', '$none'),
  })
  .map(({ id, sender, timestamp, kind, ballot, to, scope, decision }) => ({
    id,
    sender,
    timestamp,
    type: `org.imago.governance.${kind}`,
    content: kind === 'delegate' ? { scope, to } : kind === 'revoke' ? { scope } : { decision, ballot },
  }));

describe('reducer properties', () => {
  it('never throws on arbitrary input, and a rejected event changes nothing but the evidence record', () => {
    const start = replay(header(), context).state;
    fc.assert(
      fc.property(fc.oneof(fc.anything(), arbitraryEvent), (raw) => {
        const result = reduce(start, raw, context);
        if (result.rejected !== undefined) {
          // A counted close may still name it: kept as evidence, and only there.
          expect({ ...result.state, evidence: start.evidence, evidenceOf: start.evidenceOf }).toEqual(start);
          const id = (raw as { id?: unknown } | null)?.id;
          if (result.state.evidence !== start.evidence)
            expect(result.state.evidence.has(id as string)).toBe(true);
        }
        expect(parseGovernanceEvent(raw).ok || result.rejected?.reason === 'malformed').toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic: replaying the same log twice gives the same state and rejections', () => {
    fc.assert(
      fc.property(fc.array(arbitraryEvent, { maxLength: 40 }), (events) => {
        const log = [...header(), ...events.sort((a, b) => a.timestamp - b.timestamp)];
        const first = replay(log, context);
        const second = replay(structuredClone(log), context);
        expect(snapshot(second.state)).toEqual(snapshot(first.state));
        expect(second.rejected.map((r) => [r.id, r.reason])).toEqual(
          first.rejected.map((r) => [r.id, r.reason]),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same outcome whatever the order of ballots and delegations of different members', () => {
    const action = fc.oneof(
      fc.array(fc.constantFrom(0, 1), { minLength: 3, maxLength: 3 }).map((ballot) => ({ ballot })),
      fc
        .oneof(
          fc.constantFrom(...people).map((m) => ({ member: m })),
          fc.constant({ group: 'g' }),
        )
        .map((to) => ({ to })),
    );
    fc.assert(
      fc.property(
        fc.array(action, { minLength: people.length, maxLength: people.length }),
        fc.func(fc.integer()),
        (actions, rank) => {
          const events = actions.map((a, i) => ({
            id: `$a${i}`,
            sender: `m${i}`,
            timestamp: 100 + i,
            type: 'ballot' in a ? 'org.imago.governance.vote' : 'org.imago.governance.delegate',
            content:
              'ballot' in a ? { decision: '$d', ballot: a.ballot } : { scope: { type: 'group' }, to: a.to },
          }));
          const shuffled = [...events].sort((a, b) => rank(a.id) - rank(b.id) || (a.id < b.id ? -1 : 1));
          const settle = (log: TestEvent[]) =>
            evaluateAt(replay([...header(), ...log], context).state, 2 * DAY, context).state.decisions.get(
              '$d',
            )?.outcome;
          const a = settle(events);
          const b = settle(shuffled);
          expect(b?.status).toBe(a?.status);
          expect(b?.reason).toBe(a?.reason);
          expect(b?.tally?.count).toEqual(a?.tally?.count);
          expect([...(b?.tally?.delegation?.memberWeights ?? [])].sort()).toEqual(
            [...(a?.tally?.delegation?.memberWeights ?? [])].sort(),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('time', () => {
  it('settles the same way whether time passes by a tick event or by evaluateAt', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryEvent, { maxLength: 30 }),
        fc.integer({ min: 0, max: 2 * DAY }),
        (events, now) => {
          const log = [...header(), ...events.sort((a, b) => a.timestamp - b.timestamp)];
          const { state } = replay(log, context);
          if (now <= state.clock) return;
          const ticked = reduce(
            state,
            { id: '$tick', sender: 'm0', timestamp: now, type: 'org.imago.governance.tick', content: {} },
            context,
          );
          const evaluated = evaluateAt(state, now, context);
          expect(ticked.rejected).toBeUndefined();
          expect(snapshot(ticked.state).decisions).toEqual(snapshot(evaluated.state).decisions);
          expect(ticked.settled).toEqual(evaluated.settled);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('rejections', () => {
  it('reports duplicates, strangers, early events and withdrawals by others; applies none of them', () => {
    const log = new EventLog();
    log.add('m0', 0, 'init', {
      table: tableJson({ 'publish-text': { protocol: 'consensus', duration: DAY } }),
    });
    const later = log.add('m0', 10, 'propose', { kind: 'publish-text', action: 'x', opens_at: 1000 });
    log.add('m1', 20, 'stance', { decision: later, stance: 'agree' });
    log.add('stranger', 20, 'tick', {});
    log.add('m1', 30, 'withdraw', { decision: later });
    log.add('m1', 1500, 'stance', { decision: later, stance: 'agree' });
    log.events.push({ ...log.events[5]! });
    log.add('m0', 1600, 'withdraw', { decision: later });
    log.add('m0', 1700, 'close', { decision: later });
    log.add('m0', 1800, 'stance', { decision: later, stance: 'agree' });
    const { state, rejected } = replay(log.events, context);
    expect(rejected.map((r) => r.reason)).toEqual([
      'too-early',
      'not-a-member',
      'wrong-sender',
      'duplicate',
      'not-open',
      'not-open',
    ]);
    expect(state.decisions.get(later)?.status).toBe('withdrawn');
  });

  it('accepts a close event only once the period has ended', () => {
    const log = new EventLog();
    log.add('m0', 0, 'init', {
      table: tableJson({ 'publish-text': { protocol: 'consensus', duration: DAY } }),
    });
    const decision = log.add('m0', 10, 'propose', { kind: 'publish-text', action: 'x' });
    log.add('m0', 20, 'close', { decision });
    log.add('m1', 10 + DAY, 'close', { decision }); // only the authority closes
    log.add('m0', 10 + DAY, 'close', { decision });
    const result = replay(log.events, context);
    expect(result.rejected.map((r) => r.reason)).toEqual(['too-early', 'wrong-sender']);
    expect(result.state.decisions.get(decision)?.status).toBe('adopted');
    expect(reduce(initialGovernanceState(), 42, context).rejected?.error?.path).toBe('$');
  });
});
