import { describe, expect, it } from 'vitest';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { ana, approve, bot, founded, HOUR, propose, replayOf } from './group-log.fixture';
import { groupPowerLevels } from './group-power-levels';
import { unbackedStateChanges } from './unbacked-state';

// A group's space after its founding: which state changes a decision backs.
const other = '!other:hs';
let n = 0;
const state = (sender: string, type: string, content: unknown, stateKey = ''): RawMatrixEvent => ({
  event_id: `$space${++n}`,
  room_id: '!space:hs',
  sender,
  origin_server_ts: n,
  type,
  state_key: stateKey,
  content,
});
const founding = () => {
  n = 0;
  return [
    state(ana, 'm.room.create', { room_version: '12', type: 'm.space' }),
    state(ana, 'm.room.power_levels', groupPowerLevels('space', { [bot]: 100 })),
    state(ana, 'org.imago.group', { name: 'Jardin', places: [], themes: [], blocks: [] }),
    state(ana, 'org.imago.authority', { decisions: '!decisions:hs', authority: [bot] }),
  ];
};

describe('state changes no decision backs', () => {
  it('accepts the founding, and changes that an adopted decision of their kind backs, once each', () => {
    const anaDecides = { protocol: 'oligarchy', deciders: { members: [ana] }, required: 1, duration: HOUR };
    const log = founded('restricted', ['@bo:hs'], {
      'change-profile': anaDecides,
      'create-relation': anaDecides,
    });
    const profile = propose('@bo:hs', 'change-profile', { name: 'Jardin partagé' });
    const relation = propose('@bo:hs', 'create-relation', { group: other, type: 'partner' });
    const replay = replayOf([
      ...log,
      profile,
      ...approve(profile.event_id as string),
      relation,
      ...approve(relation.event_id as string),
    ]);
    const start = founding();
    const backed = state(bot, 'org.imago.group', {
      name: 'Jardin partagé',
      places: [],
      themes: [],
      blocks: [],
    });
    const related = state(bot, 'org.imago.relation', { type: 'partner' }, other);
    const again = state(ana, 'org.imago.group', { name: 'Mine', places: [], themes: [], blocks: [] });
    const warnings = unbackedStateChanges([...start, backed, related, again], replay);
    expect(warnings.map((w) => [w.code, w.eventId])).toEqual([['unbacked-state', again.event_id]]);
  });

  it('reports a relation, a raised user and a lowered protected type that no decision backs', () => {
    const replay = replayOf(founded());
    const start = founding();
    const relation = state(ana, 'org.imago.relation', { type: 'partner' }, other);
    const raised = state(ana, 'm.room.power_levels', {
      ...groupPowerLevels('space', { [bot]: 100 }),
      users: { [bot]: 100, '@mod:hs': 50 },
    });
    const lowered = state(ana, 'm.room.power_levels', {
      ...groupPowerLevels('space', { [bot]: 100 }),
      events: { 'm.space.child': 50 },
      invite: 0,
    });
    const joinRules = state(ana, 'm.room.join_rules', { join_rule: 'public' });
    const derived = state(bot, 'm.room.power_levels', groupPowerLevels('space', { [bot]: 100 }));
    const warnings = unbackedStateChanges([...start, relation, raised, lowered, joinRules, derived], replay);
    expect(warnings.map((w) => w.eventId)).toEqual([
      relation.event_id,
      raised.event_id,
      lowered.event_id,
      joinRules.event_id,
    ]);
    expect(warnings.every((w) => w.code === 'unbacked-state')).toBe(true);
  });

  it('accepts levels a do-ocracy table opened, and nothing before a founding pin', () => {
    const doOcracy = { protocol: 'do-ocracy', window: 1, escalation: { protocol: 'consent', duration: 1 } };
    const replay = replayOf(founded('restricted', [], { 'admit-member': doOcracy }));
    const start = founding();
    const opened = state(bot, 'm.room.power_levels', {
      ...groupPowerLevels('space', { [bot]: 100 }),
      invite: 0,
    });
    expect(unbackedStateChanges([...start, opened], replay)).toEqual([]);
    expect(unbackedStateChanges([state(ana, 'm.room.join_rules', { join_rule: 'public' })], replay)).toEqual(
      [],
    );
  });
});
