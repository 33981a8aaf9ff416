import { describe, expect, it } from 'vitest';
import { DAY, EventLog, members, tableJson } from './event-log.fixture';
import { replay } from './replay';

const context = {
  ...members('ana', 'bo', 'cy', 'dee'),
  resolveGroup: (group: string) => (group === 'board' ? new Set(['bo', 'cy', 'dee']) : undefined),
};

function start(rule: unknown) {
  const log = new EventLog();
  log.add('ana', 0, 'init', { table: tableJson({ 'spend-resource': rule }) });
  const decision = log.add('ana', 1000, 'propose', { kind: 'spend-resource', action: { amount: 30 } });
  return { log, decision };
}

describe('oligarchy (k-of-n)', () => {
  it('adopts as soon as k deciders approve', () => {
    const { log, decision } = start({
      protocol: 'oligarchy',
      deciders: { group: 'board' },
      required: 2,
      duration: DAY,
    });
    log.add('bo', 2000, 'approve', { decision });
    log.add('cy', 3000, 'approve', { decision });
    const { state, rejected } = replay(log.events, context);
    expect(rejected).toEqual([]);
    const result = state.decisions.get(decision);
    expect(result?.status).toBe('adopted');
    expect(result?.outcome).toMatchObject({ reason: 'approved', at: 3000 });
  });

  it('rejects when refusals make k unreachable, and only deciders count', () => {
    const { log, decision } = start({
      protocol: 'oligarchy',
      deciders: { members: ['bo', 'cy', 'dee'] },
      required: 2,
      duration: DAY,
    });
    log.add('ana', 1500, 'approve', { decision });
    log.add('bo', 2000, 'refuse', { decision });
    log.add('cy', 3000, 'refuse', { decision });
    const { state, rejected } = replay(log.events, context);
    expect(rejected.map((r) => r.reason)).toEqual(['wrong-sender']);
    expect(state.decisions.get(decision)?.outcome?.reason).toBe('refused');
  });

  it('lets a decider change their mind; expires at the deadline without k approvals', () => {
    const { log, decision } = start({
      protocol: 'oligarchy',
      deciders: { group: 'board' },
      required: 2,
      duration: DAY,
    });
    log.add('bo', 2000, 'approve', { decision });
    log.add('bo', 3000, 'refuse', { decision });
    log.add('cy', 4000, 'approve', { decision });
    const { state } = replay(log.events, context);
    expect(state.decisions.get(decision)?.status).toBe('open');
    // The authority (ana, who set the table) makes time pass; an approval after that is late.
    log.add('ana', 2 * DAY, 'tick', {});
    log.add('dee', 2 * DAY + 1, 'approve', { decision });
    const closed = replay(log.events, context);
    expect(closed.rejected.map((r) => r.reason)).toEqual(['too-late']);
    expect(closed.state.decisions.get(decision)?.outcome).toMatchObject({
      status: 'expired',
      reason: 'deadline',
      at: 1000 + DAY,
    });
  });

  it('rejects at once when the sub-group has fewer members than k', () => {
    const { log, decision } = start({
      protocol: 'oligarchy',
      deciders: { group: 'board' },
      required: 4,
      duration: DAY,
    });
    const { state } = replay(log.events, context);
    expect(state.decisions.get(decision)?.outcome?.reason).toBe('not-enough-deciders');
  });
});
