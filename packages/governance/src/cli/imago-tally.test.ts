/**
 * The `imago-tally` executable, built from source and run as a process: its options, exit codes
 * and one-line errors on bad usage or bad ballots, and the STV refusal it shares with
 * belenios-tool (the byte-for-byte comparison with belenios-tool is in
 * `belenios-differential.test.ts`).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BELENIOS_TOOL, requireBeleniosTool } from '../../test/support/belenios-oracle';
import { buildImagoTally, type ImagoTallyProcess } from '../../test/support/imago-tally-process';
import { runProcess } from '../../test/support/run-process';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(command: string, args: readonly string[], input: string): Promise<Run> {
  const { code, stdout, stderr } = await runProcess(command, args, input);
  return { code, stdout: stdout.toString('utf8'), stderr: stderr.toString('utf8') };
}

let imagoTally: ImagoTallyProcess;
const tally = async (args: readonly string[], input = '[]'): Promise<Run> => {
  const { code, stdout, stderr } = await imagoTally.run(args, input);
  return { code, stdout: stdout.toString('utf8'), stderr: stderr.toString('utf8') };
};

beforeAll(async () => {
  imagoTally = await buildImagoTally();
}, 60_000);

afterAll(() => imagoTally?.dispose());

const cases = JSON.parse(
  readFileSync(new URL('../../test/vectors/belenios-tool/cases.json', import.meta.url), 'utf8'),
) as { method: string; args: string[]; ballots: number[][] }[];

describe('imago-tally next to belenios-tool method', () => {
  it('accepts --name=value and --name value alike', async () => {
    const input = JSON.stringify(cases[0]!.ballots);
    const a = await tally(['schulze', '--nchoices=5', '--blank-allowed=false'], input);
    const b = await tally(['schulze', '--nchoices', '5', '--blank-allowed', 'false'], input);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it('refuses, as belenios-tool does, an STV count that elects fewer choices than required', async () => {
    requireBeleniosTool();
    const input = '[[1,0,0],[1,0,0]]';
    const theirs = await run(BELENIOS_TOOL, ['method', 'stv', '--nseats=2'], input);
    const ours = await tally(['stv', '--nseats=2'], input);
    expect(theirs.code).not.toBe(0);
    expect(ours.code).toBe(123);
    expect(ours.stdout).toBe('');
  });
});

describe('imago-tally usage', () => {
  it('prints help and exits 0', async () => {
    const general = await tally(['--help']);
    expect(general.code).toBe(0);
    for (const method of ['schulze', 'majority-judgment', 'stv', 'ranked-pairs', 'plurality', 'approval']) {
      expect(general.stdout).toContain(method);
    }
    const specific = await tally(['majority-judgment', '--help']);
    expect(specific.code).toBe(0);
    expect(specific.stdout).toContain('--ngrades');
  });

  it('--version prints the package version and exits 0', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const result = await tally(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`imago-tally ${version}`);
  });

  it.each([
    [[], 124],
    [['borda'], 124],
    [['schulze'], 124],
    [['schulze', '--blank-allowed=yes'], 124],
    [['schulze', '--blank-allowed=true', '--nseats=2'], 124],
    [['majority-judgment', '--blank-allowed=true', '--ngrades=0', '--nchoices=2'], 124],
    [['stv', '--nseats=-1'], 124],
    [['stv', '--nseats'], 124],
  ] as const)('%j exits %i with a one-line error', async (args, code) => {
    const result = await tally(args, '[[1,2]]');
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^imago-tally: [^\n]+\n$/);
  });

  it.each([
    ['not json', 123],
    ['[[1,2],[1]]', 123],
    ['[[1,2.5]]', 123],
    ['[]', 124], // nothing to infer --nchoices from
  ] as const)('ballots %j exit %i with a one-line error', async (input, code) => {
    const result = await tally(['schulze', '--blank-allowed=false'], input);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(/^imago-tally: [^\n]+\n$/);
  });

  it('runs the methods belenios-tool does not have', async () => {
    const plurality = await tally(['plurality', '--blank-allowed=false'], '[[0,1],[0,1],[1,0]]');
    expect(JSON.parse(plurality.stdout).winners).toEqual([[1], [0]]);
    const approval = await tally(['approval', '--blank-allowed=false', '--max=1'], '[[1,1],[0,1]]');
    expect(JSON.parse(approval.stdout)).toMatchObject({ valid: 1, counts: [0, 1] });
    const pairs = await tally(['ranked-pairs', '--blank-allowed=false'], '[[1,2],[1,2],[2,1]]');
    expect(JSON.parse(pairs.stdout).winners).toEqual([[0], [1]]);
  });
});
