/**
 * The errors of the counting methods: stable codes, recognised by `isInstance` (also for errors
 * from another copy of the package), and part of the package's error family.
 */
import { describe, expect, it } from 'vitest';
import { GovernanceError } from '../../errors/governance-error';
import { readBallots } from '../read-ballots';
import { stv } from '../stv';
import { InvalidMethodOptionsError } from './invalid-method-options-error';
import { MalformedBallotsError } from './malformed-ballots-error';

function caught(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('counting-method errors', () => {
  it('MalformedBallotsError has a stable code and a path', () => {
    const error = caught(() => readBallots('[[1],[x]]'));
    expect(MalformedBallotsError.isInstance(error)).toBe(true);
    expect(GovernanceError.isInstance(error)).toBe(true);
    expect(InvalidMethodOptionsError.isInstance(error)).toBe(false);
    expect(error).toMatchObject({ code: 'MALFORMED_BALLOTS', path: 'ballots[1][0]' });
  });

  it('InvalidMethodOptionsError has a stable code and names the option', () => {
    const error = caught(() => stv([], { nseats: 0 }));
    expect(InvalidMethodOptionsError.isInstance(error)).toBe(true);
    expect(MalformedBallotsError.isInstance(error)).toBe(false);
    expect(error).toMatchObject({ code: 'INVALID_METHOD_OPTIONS', option: 'nseats' });
  });

  it('isInstance recognises errors made by another copy of the package', () => {
    // Another copy has other classes but the same registered marker and code.
    const foreign = Object.assign(new Error('x'), {
      [Symbol.for('@imago/governance.error')]: true,
      code: 'MALFORMED_BALLOTS',
    });
    expect(MalformedBallotsError.isInstance(foreign)).toBe(true);
    expect(MalformedBallotsError.isInstance(new Error('x'))).toBe(false);
  });
});
