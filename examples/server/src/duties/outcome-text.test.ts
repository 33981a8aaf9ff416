import { controlTableToJson, evaluateAt, parseControlTable, replay } from '@imago/governance';
import { describe, expect, it } from 'vitest';
import { describeOutcome } from './outcome-text';

describe('describeOutcome', () => {
  it('names the chosen option and the weight a group carried', () => {
    const parsed = parseControlTable({
      rules: {
        'change-control-table': { protocol: 'consent', duration: 1000 },
        'publish-offer': {
          protocol: 'democracy',
          method: 'plurality',
          duration: 1000,
          delegation: true,
          group_delegation: 'fractional',
        },
      },
      fallback: { protocol: 'consensus', duration: 1000 },
    });
    if (!parsed.ok) throw new Error('table');
    const members = new Set(['@a:x', '@b:x', '@c:x', '@d:x']);
    const context = {
      members,
      resolveGroup: (g: string) => (g === '!velo:x' ? new Set(['@b:x', '@c:x']) : undefined),
    };
    const events = [
      {
        id: '$init',
        sender: '@a:x',
        timestamp: 0,
        type: 'org.imago.governance.init',
        content: { table: controlTableToJson(parsed.value) },
      },
      {
        id: '$p',
        sender: '@a:x',
        timestamp: 1,
        type: 'org.imago.governance.propose',
        content: { kind: 'publish-offer', action: {}, title: 'Lend the bike?' },
      },
      {
        id: '$g',
        sender: '@d:x',
        timestamp: 2,
        type: 'org.imago.governance.delegate',
        content: { scope: { type: 'group' }, to: { group: '!velo:x' } },
      },
      {
        id: '$v1',
        sender: '@b:x',
        timestamp: 3,
        type: 'org.imago.governance.vote',
        content: { decision: '$p', ballot: [1, 0] },
      },
      {
        id: '$v2',
        sender: '@c:x',
        timestamp: 4,
        type: 'org.imago.governance.vote',
        content: { decision: '$p', ballot: [1, 0] },
      },
      {
        id: '$v3',
        sender: '@a:x',
        timestamp: 5,
        type: 'org.imago.governance.vote',
        content: { decision: '$p', ballot: [0, 1] },
      },
    ];
    const state = evaluateAt(replay(events, context).state, 2000, context).state;
    const decision = state.decisions.get('$p');
    if (!decision) throw new Error('no decision');
    const lines = describeOutcome(decision, (id) => (id === '!velo:x' ? 'Atelier vélo' : id));
    expect(decision.outcome?.status).toBe('adopted');
    expect(lines.join('\n')).toContain('yes 3, no 1');
    expect(lines.join('\n')).toContain('Atelier vélo carries 1 delegated vote(s) cast as 1 for “yes”');
  });
});
