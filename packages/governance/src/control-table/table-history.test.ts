import { describe, expect, it } from 'vitest';
import { DAY, EventLog, members, tableJson } from '../decisions/event-log.fixture';
import { initialGovernanceState } from '../decisions/governance-state';
import { replay } from '../decisions/replay';
import { tableAt, tableInForce } from './table-history';

const context = members('ana', 'bo', 'cy');

describe('the history of the control table', () => {
  it('tells which table was in force at any time, and which decision adopted it', () => {
    const log = new EventLog();
    log.add('ana', 0, 'init', {
      table: tableJson({ 'publish-text': { protocol: 'consensus', duration: DAY } }),
    });
    const change = log.add('ana', 1000, 'propose', {
      kind: 'change-control-table',
      action: { table: tableJson({ 'publish-text': { protocol: 'consent', duration: DAY } }) },
    });
    log.add('ana', 2 * DAY, 'tick', {});
    const { state } = replay(log.events, context);
    expect(state.tableHistory.map((era) => [era.version, era.since, era.decision])).toEqual([
      [0, 0, undefined],
      [1, 1000 + DAY, change],
    ]);
    expect(tableAt(state, 500)?.table.rules['publish-text']?.protocol).toBe('consensus');
    expect(tableAt(state, 1000 + DAY)?.decision).toBe(change);
    expect(tableAt(state, 1000 + DAY)?.table).toEqual(state.table);
    expect(tableAt({ tableHistory: [] }, 5)).toBeUndefined();
  });

  it('names the decision that adopted the table in force, and only an adopted one', () => {
    expect(tableInForce(initialGovernanceState())).toBeUndefined();
    const log = new EventLog();
    log.add('ana', 0, 'init', {
      table: tableJson({ 'change-control-table': { protocol: 'consensus', duration: DAY } }),
    });
    expect(tableInForce(replay(log.events, context).state)).toMatchObject({ version: 0, since: 0 });
    expect(tableInForce(replay(log.events, context).state)?.decision).toBeUndefined();
    const adopted = log.add('ana', 1000, 'propose', {
      kind: 'change-control-table',
      action: { table: tableJson({ 'change-control-table': { protocol: 'consent', duration: DAY } }) },
    });
    log.add('ana', 2 * DAY, 'tick', {});
    const blocked = log.add('ana', 3 * DAY, 'propose', {
      kind: 'change-control-table',
      action: { table: tableJson({ 'change-control-table': { protocol: 'consensus', duration: DAY } }) },
    });
    log.add('bo', 3 * DAY + 1, 'object', { decision: blocked, reason: 'no' });
    log.add('ana', 5 * DAY, 'tick', {});
    const { state, rejected } = replay(log.events, context);
    expect(rejected).toEqual([]);
    expect(state.decisions.get(blocked)?.status).not.toBe('adopted');
    expect(tableInForce(state)).toMatchObject({ version: 1, since: 1000 + DAY, decision: adopted });
    expect(tableInForce(state)?.table).toBe(state.table);
  });
});
