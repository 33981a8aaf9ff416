import { describe, expect, it } from 'vitest';
import { ActivitypubActionKinds, readPublication } from './action-kinds';

const adopted = (id: string, at: number, action: unknown, kind: string = ActivitypubActionKinds.publish) => ({
  id,
  kind,
  status: 'adopted',
  action,
  outcome: { at },
});

describe('a group’s publication, from its adopted decisions', () => {
  it('is the latest adopted publish decision', () => {
    expect(
      readPublication([
        adopted('$a', 1, { handle: 'garden' }),
        adopted('$b', 2, { handle: 'jardin', followers: 'decided' }),
      ]),
    ).toEqual({ handle: 'jardin', followers: 'decided', decision: '$b' });
  });

  it('ignores decisions not adopted, of other kinds, or with a malformed action', () => {
    expect(
      readPublication([
        { ...adopted('$a', 1, { handle: 'open' }), status: 'rejected' },
        adopted('$b', 2, { handle: 'other' }, 'publish-offer'),
        adopted('$c', 3, { handle: 'Bad Handle' }),
        adopted('$d', 4, { handle: 'x', followers: 'everyone' }),
        adopted('$e', 5, null),
      ]),
    ).toBeUndefined();
  });

  it('ignores an adoption still provisional, which the authority’s close may undo', () => {
    const decisions = [adopted('$a', 1, { handle: 'garden' }), adopted('$b', 2, { handle: 'jardin' })];
    expect(readPublication(decisions, new Set(['$b']))?.handle).toBe('garden');
    expect(readPublication(decisions, new Set(['$a', '$b']))).toBeUndefined();
  });

  it('is withdrawn by a later publish: false', () => {
    expect(
      readPublication([adopted('$a', 1, { handle: 'garden' }), adopted('$b', 2, { publish: false })]),
    ).toBeUndefined();
    expect(
      readPublication([adopted('$b', 2, { publish: false }), adopted('$c', 3, { handle: 'garden' })])?.handle,
    ).toBe('garden');
  });
});
