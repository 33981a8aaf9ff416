import { describe, expect, it } from 'vitest';
import { controlTableToJson, parseControlTable } from '../control-table/parse-control-table';
import { DAY, EventLog, members, tableJson } from './event-log.fixture';
import { evaluateAt, replay } from './replay';

const context = members('ana', 'bo', 'cy');

describe('changing the control table', () => {
  it('goes through the protocol the current table names, and governs only later decisions', () => {
    const log = new EventLog();
    log.add('ana', 0, 'init', {
      table: tableJson({ 'publish-text': { protocol: 'consensus', duration: DAY } }),
    });
    const before = log.add('ana', 1000, 'propose', { kind: 'publish-text', action: { text: 'before' } });
    const change = log.add('ana', 1000, 'propose', {
      kind: 'change-control-table',
      action: {
        table: tableJson({
          'publish-text': {
            protocol: 'oligarchy',
            deciders: { members: ['bo'] },
            required: 1,
            duration: DAY,
          },
        }),
      },
    });
    log.add('bo', 2000, 'stance', { decision: change, stance: 'agree' });
    log.add('ana', 1000 + DAY, 'tick', {});
    const after = log.add('ana', 2000 + DAY, 'propose', { kind: 'publish-text', action: { text: 'after' } });
    const { state, rejected } = replay(log.events, context);
    expect(rejected).toEqual([]);
    expect(state.tableVersion).toBe(1);
    expect(state.table?.rules['publish-text']?.protocol).toBe('oligarchy');
    expect(state.decisions.get(before)?.rule.protocol).toBe('consensus');
    expect(state.decisions.get(after)?.rule.protocol).toBe('oligarchy');
    expect(state.decisions.get(after)?.tableVersion).toBe(1);
  });

  it('does not change the table when the change is blocked', () => {
    const log = new EventLog();
    log.add('ana', 0, 'init', { table: tableJson() });
    const change = log.add('ana', 1000, 'propose', {
      kind: 'change-control-table',
      action: { table: tableJson({ 'publish-text': { protocol: 'consent', duration: DAY } }) },
    });
    log.add('bo', 2000, 'stance', { decision: change, stance: 'block', reason: 'too fast' });
    const { state } = replay(log.events, context);
    const evaluated = evaluateAt(state, 2 * DAY, context).state;
    expect(evaluated.decisions.get(change)?.status).toBe('rejected');
    expect(evaluated.tableVersion).toBe(0);
    expect(evaluated.table?.rules['publish-text']).toBeUndefined();
  });

  it('refuses a malformed table change at the boundary, naming the path', () => {
    const log = new EventLog();
    log.add('ana', 0, 'init', { table: tableJson() });
    log.add('ana', 1000, 'propose', {
      kind: 'change-control-table',
      action: { table: { rules: { 'publish-text': { protocol: 'consent', duration: DAY } } } },
    });
    log.add('ana', 1000, 'propose', {
      kind: 'change-control-table',
      action: {
        table: tableJson({ 'admit-member': { protocol: 'democracy', method: 'borda', duration: DAY } }),
      },
    });
    const { rejected } = replay(log.events, context);
    expect(rejected.map((r) => [r.reason, r.error?.path])).toEqual([
      ['malformed', 'content.action.table.rules'],
      ['malformed', 'content.action.table.rules.admit-member.method'],
    ]);
  });

  it('accepts only one initial table, and no proposal before it', () => {
    const log = new EventLog();
    log.add('ana', 0, 'propose', { kind: 'publish-text', action: null });
    log.add('ana', 0, 'init', { table: tableJson() });
    log.add('bo', 0, 'init', { table: tableJson() });
    log.add('ana', 0, 'propose', { kind: 'publish-text', action: null });
    expect(replay(log.events, context).rejected.map((r) => r.reason)).toEqual([
      'no-control-table',
      'control-table-exists',
      'unknown-kind',
    ]);
  });
});

describe('amending a control-table change under consent', () => {
  it('checks the amended table at the boundary and applies the amended one', () => {
    const log = new EventLog();
    log.add('ana', 0, 'init', {
      table: { rules: { 'change-control-table': { protocol: 'consent', duration: DAY } } },
    });
    const change = log.add('ana', 1000, 'propose', {
      kind: 'change-control-table',
      action: { table: tableJson({ 'publish-text': { protocol: 'consent', duration: DAY } }) },
    });
    const objection = log.add('bo', 2000, 'object', { decision: change, reason: 'a day is too short' });
    log.add('ana', 3000, 'amend', {
      decision: change,
      action: { table: { rules: { 'publish-text': { protocol: 'consent', duration: 2 * DAY } } } },
      resolves: [objection],
    });
    log.add('ana', 4000, 'amend', {
      decision: change,
      action: { table: tableJson({ 'publish-text': { protocol: 'consent', duration: 2 * DAY } }) },
      resolves: [objection],
    });
    const { state, rejected } = replay(log.events, context);
    expect(rejected.map((r) => [r.reason, r.error?.path])).toEqual([
      ['malformed', 'content.action.table.rules'],
    ]);
    const after = evaluateAt(state, 1000 + DAY, context).state;
    expect(after.tableVersion).toBe(1);
    expect(after.table?.rules['publish-text']).toEqual({ protocol: 'consent', duration: 2 * DAY });
  });
});

describe('parseControlTable', () => {
  it('round-trips through controlTableToJson', () => {
    const json = {
      rules: {
        'change-control-table': {
          protocol: 'do-ocracy',
          window: DAY,
          escalation: {
            protocol: 'democracy',
            method: 'stv',
            seats: 2,
            duration: DAY,
            group_delegation: 'majority',
          },
        },
        'spend-resource': {
          protocol: 'oligarchy',
          deciders: { members: ['b', 'a'] },
          required: 1,
          duration: DAY,
        },
      },
      fallback: { protocol: 'consent', duration: DAY },
    };
    const parsed = parseControlTable(json);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const again = parseControlTable(JSON.parse(JSON.stringify(controlTableToJson(parsed.value))));
    expect(again).toEqual(parsed);
  });

  it('reads every protocol with defaults, and an application-defined kind', () => {
    const parsed = parseControlTable({
      rules: {
        'change-control-table': { protocol: 'consent', duration: DAY },
        'org.example.book-room': {
          protocol: 'do-ocracy',
          window: DAY,
          escalation: { protocol: 'oligarchy', deciders: { group: '!board' }, required: 2, duration: DAY },
        },
        'admit-member': {
          protocol: 'democracy',
          method: 'majority-judgment',
          duration: DAY,
          ballot: 'secret',
        },
      },
      fallback: { protocol: 'consensus', duration: DAY },
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.rules['admit-member']).toEqual({
      protocol: 'democracy',
      method: 'majority-judgment',
      quorum: 0,
      threshold: 0.5,
      duration: DAY,
      ballot: 'secret',
      delegation: false,
      groupDelegation: 'fractional',
      grades: 5,
    });
    expect(parsed.value.fallback?.protocol).toBe('consensus');
  });

  it('reads shares as numbers or as integer pairs', () => {
    const rule = (threshold: unknown) => {
      const parsed = parseControlTable({
        rules: {
          'change-control-table': { protocol: 'democracy', method: 'plurality', duration: 1, threshold },
        },
      });
      return parsed.ok ? parsed.value.rules['change-control-table'] : undefined;
    };
    expect(rule([3, 4])).toMatchObject({ threshold: 0.75 });
    expect(rule(0.75)).toMatchObject({ threshold: 0.75 });
  });

  it.each([
    [{ rules: {} }, '$.rules'],
    [
      { rules: { 'change-control-table': { protocol: 'consent', duration: -1 } } },
      '$.rules.change-control-table.duration',
    ],
    [
      {
        rules: {
          'change-control-table': {
            protocol: 'oligarchy',
            deciders: { members: ['a'] },
            required: 2,
            duration: 1,
          },
        },
      },
      '$.rules.change-control-table.required',
    ],
    [
      {
        rules: {
          'change-control-table': {
            protocol: 'do-ocracy',
            window: 1,
            escalation: { protocol: 'do-ocracy', window: 1, escalation: {} },
          },
        },
      },
      '$.rules.change-control-table.escalation.protocol',
    ],
    [
      { rules: { 'change-control-table': { protocol: 'consent', duration: 1, quorum: 1 } } },
      '$.rules.change-control-table.quorum',
    ],
    [{ rules: { 'Bad Kind': { protocol: 'consent', duration: 1 } } }, '$.rules.Bad Kind'],
    [
      {
        rules: {
          'change-control-table': {
            protocol: 'democracy',
            method: 'plurality',
            duration: 1,
            threshold: [3, 2],
          },
        },
      },
      '$.rules.change-control-table.threshold[0]',
    ],
    [
      {
        rules: {
          'change-control-table': { protocol: 'democracy', method: 'approval', duration: 1, quorum: 1.5 },
        },
      },
      '$.rules.change-control-table.quorum',
    ],
  ])('rejects %j at %s', (table, path) => {
    const parsed = parseControlTable(table);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe('INVALID_CONTROL_TABLE');
    expect(parsed.error.path).toBe(path);
  });
});
