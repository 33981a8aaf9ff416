import { describe, expect, it } from 'vitest';
import { consentedRelations, relationChanges } from './consented-relations';

const assertions = (entries: Record<string, Record<string, string>>) =>
  new Map(
    Object.entries(entries).map(([from, mine]) => [
      from,
      new Map(Object.entries(mine).map(([to, type]) => [to, { type }])),
    ]),
  );

describe('consented relations', () => {
  it('counts a relation only when both sides assert the same type', () => {
    expect(consentedRelations(assertions({ '!a': { '!b': 'partner' }, '!b': {} }))).toEqual([
      { a: '!a', b: '!b', type: 'partner', status: 'proposed', proposedBy: '!a' },
    ]);
    expect(consentedRelations(assertions({ '!a': { '!b': 'partner' }, '!b': { '!a': 'partner' } }))).toEqual([
      { a: '!a', b: '!b', type: 'partner', status: 'accepted' },
    ]);
    expect(
      consentedRelations(assertions({ '!a': { '!b': 'partner' }, '!b': { '!a': 'follows' } })).map(
        (r) => r.status,
      ),
    ).toEqual(['proposed', 'proposed']);
  });

  it('ends a relation when either side withdraws', () => {
    const both = consentedRelations(assertions({ '!a': { '!b': 'partner' }, '!b': { '!a': 'partner' } }));
    const one = consentedRelations(assertions({ '!a': {}, '!b': { '!a': 'partner' } }));
    expect(relationChanges(both, one).map((c) => c.op)).toEqual(['ended', 'proposed']);
    expect(relationChanges(one, both).map((c) => c.op)).toEqual(['accepted']);
    expect(relationChanges(both, []).map((c) => c.op)).toEqual(['ended']);
  });
});
