/**
 * The command line of imago-tally, read as belenios-tool (cmdliner) reads it.
 */
import { describe, expect, it } from 'vitest';
import { runTally } from './tally-command';

const input = () => new TextEncoder().encode('[[1,2],[2,1],[1,2]]');
const run = (...args: string[]) => runTally(args, input);

describe('imago-tally options', () => {
  it('takes unambiguous prefixes of option names', () => {
    expect(run('schulze', '--blank=false', '--nch=2')).toEqual(
      run('schulze', '--blank-allowed=false', '--nchoices=2'),
    );
    expect(run('stv', '--nse', '1').code).toBe(0);
  });

  it('refuses ambiguous prefixes, repeated options and unknown ones', () => {
    expect(run('approval', '--m=1', '--blank-allowed=false').code).toBe(124);
    expect(run('stv', '--nseats=1', '--nseats=2').code).toBe(124);
    expect(run('stv', '--seats=1').code).toBe(124);
  });

  it('reads integers as OCaml does', () => {
    const reference = run('stv', '--nseats=1');
    for (const written of ['+1', '0x1', '0o1', '0b1', '0_1', '001']) {
      expect(run('stv', `--nseats=${written}`), written).toEqual(reference);
    }
    expect(run('stv', '--nseats=1.0').code).toBe(124);
    expect(run('stv', '--nseats=one').code).toBe(124);
  });

  it('does not read standard input for --help', () => {
    const outcome = runTally(['stv', '--help'], () => {
      throw new Error('standard input read');
    });
    expect(outcome.code).toBe(0);
  });
});
