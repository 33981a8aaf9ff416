import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY, EventLog, members, tableJson } from './event-log.fixture';
import { DEFAULT_CLOCK_SKEW, effectiveTime } from './group-clock';
import { reduce } from './reduce';
import { replay } from './replay';

const context = members('ana', 'bo', 'cy');
const MINUTE = 60_000;

function group(rule: unknown = { protocol: 'democracy', method: 'plurality', duration: DAY }) {
  const log = new EventLog();
  log.add('ana', 0, 'init', { table: tableJson({ 'publish-text': rule }) });
  const decision = log.add('ana', 1000, 'propose', { kind: 'publish-text', action: { text: 'x' } });
  return { log, decision };
}

describe('the group clock', () => {
  it('takes a backdated event at the current time: it cannot slip in before a deadline that passed', () => {
    const { log, decision } = group();
    log.add('bo', 2000, 'vote', { decision, ballot: [1, 0] });
    log.add('ana', 1000 + DAY, 'tick', {});
    const late = log.add('cy', 1500, 'vote', { decision, ballot: [0, 1] }); // claims to be early
    const result = replay(log.events, context);
    expect(result.rejected).toEqual([{ id: late, type: 'org.imago.governance.vote', reason: 'too-late' }]);
    expect(result.state.decisions.get(decision)?.outcome?.tally?.count.totals).toEqual([1, 0]);
  });

  it('bounds a member’s forward-dated event by the authority’s clock: a tick from the future settles nothing', () => {
    const { log, decision } = group();
    const future = log.add('bo', 10 * DAY, 'vote', { decision, ballot: [1, 0] });
    const forged = log.add('bo', 10 * DAY, 'tick', {});
    const result = replay(log.events, context);
    expect(result.rejected.map((r) => [r.id, r.reason])).toEqual([[forged, 'wrong-sender']]);
    expect(result.state.clock).toBe(1000 + DEFAULT_CLOCK_SKEW);
    expect(result.state.decisions.get(decision)?.status).toBe('open');
    // The vote counts, at the bounded time, once the authority closes the decision.
    log.add('ana', 1000 + DAY, 'tick', {});
    const closed = replay(log.events, context).state.decisions.get(decision);
    expect(closed?.outcome).toMatchObject({ status: 'adopted', at: 1000 + DAY });
    expect(closed?.outcome?.tally?.count.totals).toEqual([1, 0]);
    expect(reduce(replay(log.events.slice(0, 2), context).state, log.events[2], context).time).toEqual({
      claimed: 10 * DAY,
      effective: 1000 + DEFAULT_CLOCK_SKEW,
    });
    expect(future).toBe(log.events[2]!.id);
  });

  it('starts a do-ocracy window at the effective time: a backdated act cannot stand unchallenged', () => {
    const log = new EventLog();
    log.add('ana', 0, 'init', {
      table: tableJson({
        'publish-offer': {
          protocol: 'do-ocracy',
          window: DAY,
          escalation: { protocol: 'consensus', duration: DAY },
        },
      }),
    });
    log.add('ana', 3 * DAY, 'tick', {});
    const act = log.add('bo', 0, 'propose', { kind: 'publish-offer', action: { title: 'bikes' } });
    log.add('cy', 3 * DAY + MINUTE, 'challenge', { decision: act, reason: 'we have none' });
    const { state, rejected } = replay(log.events, context);
    expect(rejected).toEqual([]);
    const decision = state.decisions.get(act);
    expect(decision?.proposedAt).toBe(3 * DAY);
    expect(decision?.challenge?.by).toBe('cy');
    expect(decision?.status).toBe('open');
  });

  it('lets a configured skew bound members more tightly', () => {
    const { log, decision } = group();
    log.add('bo', 1000 + 2 * MINUTE, 'vote', { decision, ballot: [1, 0] });
    const tight = { ...context, clockSkew: MINUTE };
    expect(replay(log.events, tight).state.clock).toBe(1000 + MINUTE);
    expect(replay(log.events, context).state.clock).toBe(1000 + 2 * MINUTE);
  });
});

describe('the group clock: properties', () => {
  const sender = fc.constantFrom('ana', 'bo', 'cy');
  const claim = fc.integer({ min: 0, max: 3 * DAY });
  const step = fc.record({
    sender,
    claimed: claim,
    type: fc.constantFrom('tick', 'vote', 'stance'),
  });

  it('never goes back, and moves ahead of the authority’s clock by at most the skew unless the authority speaks', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const { log, decision } = group();
        let { state } = replay(log.events, context);
        steps.forEach((s, i) => {
          const before = state;
          const content = s.type === 'tick' ? {} : { decision, ballot: [1, 0], stance: 'agree' };
          const raw = {
            id: `$s${i}`,
            sender: s.sender,
            timestamp: s.claimed,
            type: `org.imago.governance.${s.type}`,
            content,
          };
          state = reduce(before, raw, context).state;
          expect(state.clock).toBeGreaterThanOrEqual(before.clock);
          if (s.sender !== 'ana') {
            expect(state.clock).toBeLessThanOrEqual(
              Math.max(before.clock, before.authorityClock + DEFAULT_CLOCK_SKEW),
            );
            expect(state.authorityClock).toBe(before.authorityClock);
          }
          expect(effectiveTime(before, s.sender, s.claimed)).toBeGreaterThanOrEqual(before.clock);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('settles decisions only through the authority’s events or the skew beyond them', () => {
    fc.assert(
      fc.property(
        fc.array(
          step.filter((s) => s.sender !== 'ana'),
          { maxLength: 30 },
        ),
        (steps) => {
          const { log, decision } = group();
          let { state } = replay(log.events, context);
          steps.forEach((s, i) => {
            const raw = {
              id: `$s${i}`,
              sender: s.sender,
              timestamp: s.claimed,
              type: `org.imago.governance.${s.type}`,
              content: s.type === 'tick' ? {} : { decision, ballot: [1, 0] },
            };
            state = reduce(state, raw, context).state;
          });
          expect(state.decisions.get(decision)?.status).toBe('open');
        },
      ),
      { numRuns: 200 },
    );
  });
});
