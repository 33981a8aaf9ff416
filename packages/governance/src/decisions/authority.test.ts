import { describe, expect, it } from 'vitest';
import { ActionKinds } from '../control-table/action-kinds';
import { DAY, EventLog, members, tableJson } from './event-log.fixture';
import { replay } from './replay';

const context = members('ana', 'bo', 'cy', '@service:example.org');
const consensus = { protocol: 'consensus', duration: DAY };

describe('the group’s authority', () => {
  it('is the sender of init unless init names one', () => {
    const alone = new EventLog();
    alone.add('ana', 0, 'init', { table: tableJson() });
    expect(replay(alone.events, context).state.authority).toEqual(['ana']);

    const named = new EventLog();
    named.add('ana', 0, 'init', { table: tableJson(), authority: ['@service:example.org', 'ana'] });
    expect(replay(named.events, context).state.authority).toEqual(['@service:example.org', 'ana']);
  });

  it('refuses an init that names nobody, or the same member twice', () => {
    for (const authority of [[], ['ana', 'ana'], 'ana', [7]]) {
      const log = new EventLog();
      log.add('ana', 0, 'init', { table: tableJson(), authority });
      const { state, rejected } = replay(log.events, context);
      expect(rejected.map((r) => r.reason)).toEqual(['malformed']);
      expect(rejected[0]?.error?.path).toMatch(/^content\.authority/);
      expect(state.table).toBeUndefined();
    }
  });

  it('changes only by an adopted change-authority decision, under the rule the table names', () => {
    const log = new EventLog();
    log.add('ana', 0, 'init', {
      table: tableJson({ [ActionKinds.changeAuthority]: consensus, 'publish-text': consensus }),
      authority: ['@service:example.org'],
    });
    const change = log.add('bo', 1000, 'propose', {
      kind: ActionKinds.changeAuthority,
      action: { authority: ['bo'] },
    });
    log.add('cy', 2000, 'stance', { decision: change, stance: 'agree' });
    // Before the period ends nothing changes; bo cannot close the decision himself.
    log.add('bo', 1000 + DAY, 'tick', {});
    expect(replay(log.events, context).state.authority).toEqual(['@service:example.org']);
    log.add('@service:example.org', 1000 + DAY, 'tick', {});
    const { state, rejected } = replay(log.events, context);
    expect(rejected.map((r) => r.reason)).toEqual(['wrong-sender']);
    expect(state.decisions.get(change)?.status).toBe('adopted');
    expect(state.authority).toEqual(['bo']);
    // From then on the new authority closes decisions, and the old one no longer may.
    const next = log.add('cy', 2 * DAY, 'propose', { kind: 'publish-text', action: {} });
    log.add('@service:example.org', 4 * DAY, 'close', { decision: next });
    log.add('bo', 4 * DAY, 'close', { decision: next });
    const later = replay(log.events, context);
    expect(later.rejected.map((r) => r.reason)).toEqual(['wrong-sender', 'wrong-sender']);
    expect(later.state.decisions.get(next)?.status).toBe('adopted');
  });

  it('refuses a blocked change: the authority stays', () => {
    const log = new EventLog();
    log.add('ana', 0, 'init', { table: tableJson({ [ActionKinds.changeAuthority]: consensus }) });
    const change = log.add('bo', 1000, 'propose', {
      kind: ActionKinds.changeAuthority,
      action: { authority: ['bo'] },
    });
    log.add('cy', 2000, 'stance', { decision: change, stance: 'block', reason: 'no' });
    log.add('ana', 1000 + DAY, 'tick', {});
    const { state } = replay(log.events, context);
    expect(state.decisions.get(change)?.outcome?.reason).toBe('blocked');
    expect(state.authority).toEqual(['ana']);
  });

  it('reads a change-authority action strictly', () => {
    const log = new EventLog();
    log.add('ana', 0, 'init', { table: tableJson({ [ActionKinds.changeAuthority]: consensus }) });
    log.add('bo', 1000, 'propose', { kind: ActionKinds.changeAuthority, action: { authority: 'bo' } });
    const { rejected } = replay(log.events, context);
    expect(rejected[0]?.reason).toBe('malformed');
    expect(rejected[0]?.error?.path).toBe('content.action.authority');
  });
});
