import { describe, expect, it } from 'vitest';
import { standingObjections } from '../protocols/consent';
import { DAY, EventLog, members, tableJson } from './event-log.fixture';
import { evaluateAt, replay } from './replay';

const context = members('ana', 'bo', 'cy');

function start(kind: string, rule: unknown) {
  const log = new EventLog();
  log.add('ana', 0, 'init', { table: tableJson({ [kind]: rule }) });
  const decision = log.add('ana', 1000, 'propose', { kind, action: { text: 'v1' } });
  return { log, decision };
}

describe('consensus', () => {
  it('is adopted when nobody blocks within the period', () => {
    const { log, decision } = start('publish-text', { protocol: 'consensus', duration: DAY });
    log.add('bo', 2000, 'stance', { decision, stance: 'disagree' });
    log.add('cy', 3000, 'stance', { decision, stance: 'abstain' });
    const { state } = replay(log.events, context);
    expect(evaluateAt(state, 1000 + DAY, context).state.decisions.get(decision)?.outcome).toMatchObject({
      status: 'adopted',
      reason: 'no-block',
    });
  });

  it('is rejected by a standing block; a block needs a reason; a lifted block no longer counts', () => {
    const { log, decision } = start('publish-text', { protocol: 'consensus', duration: DAY });
    log.add('bo', 2000, 'stance', { decision, stance: 'block' });
    log.add('bo', 2500, 'stance', { decision, stance: 'block', reason: 'misrepresents us' });
    const blocked = replay(log.events, context);
    expect(blocked.rejected.map((r) => [r.reason, r.error?.path])).toEqual([['malformed', 'content.reason']]);
    expect(evaluateAt(blocked.state, 2 * DAY, context).state.decisions.get(decision)?.outcome?.reason).toBe(
      'blocked',
    );
    log.add('bo', 3000, 'stance', { decision, stance: 'agree' });
    const lifted = replay(log.events, context);
    expect(evaluateAt(lifted.state, 2 * DAY, context).state.decisions.get(decision)?.status).toBe('adopted');
  });
});

describe('consent', () => {
  it('is rejected while a paramount objection stands', () => {
    const { log, decision } = start('change-profile', { protocol: 'consent', duration: DAY });
    log.add('bo', 2000, 'object', { decision, reason: 'the photo shows minors' });
    const { state } = replay(log.events, context);
    expect(evaluateAt(state, DAY * 2, context).state.decisions.get(decision)?.outcome?.reason).toBe(
      'objection-stands',
    );
  });

  it('is adopted once an amendment resolves the objection (and the objector may object again)', () => {
    const { log, decision } = start('change-profile', { protocol: 'consent', duration: DAY });
    const objection = log.add('bo', 2000, 'object', { decision, reason: 'the photo shows minors' });
    log.add('cy', 2500, 'amend', { decision, action: { text: 'v2' }, resolves: [objection] });
    log.add('ana', 3000, 'amend', { decision, action: { text: 'v2' }, resolves: [objection] });
    const amended = replay(log.events, context);
    expect(amended.rejected.map((r) => r.reason)).toEqual(['wrong-sender']);
    const decided = evaluateAt(amended.state, DAY * 2, context).state.decisions.get(decision);
    expect(decided?.outcome?.reason).toBe('no-objection');
    expect(decided?.action).toEqual({ text: 'v2' });

    log.add('bo', 4000, 'object', { decision, reason: 'still unclear' });
    const again = replay(log.events, context);
    expect(standingObjections(again.state.decisions.get(decision)!).map((o) => o.by)).toEqual(['bo']);
  });

  it('lets only the objector withdraw an objection', () => {
    const { log, decision } = start('change-profile', { protocol: 'consent', duration: DAY });
    const objection = log.add('bo', 2000, 'object', { decision, reason: 'wrong address' });
    log.add('cy', 2500, 'objection.withdraw', { decision, objection });
    log.add('bo', 3000, 'objection.withdraw', { decision, objection });
    const { state, rejected } = replay(log.events, context);
    expect(rejected.map((r) => r.reason)).toEqual(['wrong-sender']);
    expect(evaluateAt(state, DAY * 2, context).state.decisions.get(decision)?.status).toBe('adopted');
  });
});

describe('do-ocracy', () => {
  const rule = {
    protocol: 'do-ocracy',
    window: DAY,
    escalation: { protocol: 'democracy', method: 'plurality', duration: DAY },
  };

  it('lets an unchallenged act stand after its window', () => {
    const { log, decision } = start('publish-offer', rule);
    const { state } = replay(log.events, context);
    expect(state.decisions.get(decision)?.status).toBe('open');
    expect(evaluateAt(state, 1000 + DAY, context).state.decisions.get(decision)?.outcome?.reason).toBe(
      'unchallenged',
    );
  });

  it('escalates a challenge to the named protocol, which decides whether the act stands', () => {
    const { log, decision } = start('publish-offer', rule);
    log.add('ana', 2000, 'challenge', { decision, reason: 'mine' });
    log.add('bo', 3000, 'challenge', { decision, reason: 'we have no bikes to lend' });
    log.add('bo', 4000, 'vote', { decision, ballot: [0, 1] });
    log.add('cy', 5000, 'vote', { decision, ballot: [0, 1] });
    log.add('ana', 6000, 'vote', { decision, ballot: [1, 0] });
    log.add('cy', 3000 + DAY, 'tick', {}); // only the authority makes time pass
    log.add('ana', 3000 + DAY, 'tick', {});
    const { state, rejected } = replay(log.events, context);
    expect(rejected.map((r) => r.reason)).toEqual(['wrong-sender', 'wrong-sender']);
    const decided = state.decisions.get(decision);
    expect(decided?.challenge?.by).toBe('bo');
    expect(decided?.act?.protocol).toBe('do-ocracy');
    expect(decided?.outcome).toMatchObject({ status: 'rejected', reason: 'motion-defeated', at: 3000 + DAY });
  });

  it('refuses a challenge after the window', () => {
    const { log, decision } = start('publish-offer', rule);
    log.add('ana', 1000 + DAY, 'tick', {});
    log.add('bo', 1000 + DAY, 'challenge', { decision, reason: 'late' });
    expect(replay(log.events, context).rejected.map((r) => r.reason)).toEqual(['too-late']);
  });
});
