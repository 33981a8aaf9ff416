/**
 * The `imago-vf` CLI, built and run in a child process: `--help`, `--version`, `schema`, and bad
 * input (one clear line on stderr, the exit code of its kind). `ledger` in
 * `imago-vf-ledger.test.ts`, `match` and `accept` in `imago-vf-match.test.ts`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { file, oneLine, PACKAGE_VERSION, run, work } from '../../test/support/imago-vf-cli';

describe('imago-vf', () => {
  it('--help and --version', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('imago-vf ledger --events FILE');
    const version = await run('--version');
    expect(version.code).toBe(0);
    expect(version.stdout).toContain(`imago-vf ${PACKAGE_VERSION} `);
  });

  it('schema prints SDL that graphql can parse, and --modules the implemented modules', async () => {
    const { buildSchema } = await import('graphql');
    const sdl = await run('schema');
    expect(sdl.code).toBe(0);
    const schema = buildSchema(sdl.stdout);
    expect(schema.getType('EconomicEvent')).toBeDefined();
    expect(schema.getType('Proposal')).toBeDefined();
    const modules = await run('schema', '--modules');
    expect(JSON.parse(modules.stdout)).toEqual([
      'agent',
      'agreement',
      'geolocation',
      'knowledge',
      'measurement',
      'observation',
      'planning',
      'proposal',
    ]);
  });

  it('bad input: one clear line on stderr, non-zero exit', async () => {
    const broken = await run(
      'ledger',
      '--events',
      file('broken.jsonl', '{"id":"e1","action":"steal","provider":"a","receiver":"b"}'),
    );
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toContain(join(work, 'broken.jsonl'));
    expect(broken.stderr).toContain('line 1.action');
    expect(oneLine(broken)).toBe(1);
    // Rejected input (exit 1): a file that cannot be read, a file that is not what it must be; the
    // one line names the file.
    const events = file('one.jsonl', '');
    const notJson = file('processes.json', '[{"id":');
    const badOffers = file(
      'offers-bad.json',
      '[{"id":"o","purpose":"offer","publishes":{"action":"steal"}}]',
    );
    for (const [args, named] of [
      [['ledger', '--events', join(work, 'missing.jsonl')], join(work, 'missing.jsonl')],
      [['ledger', '--events', events, '--processes', notJson], notJson],
      [['match', '--needs', badOffers, '--offers', badOffers], badOffers],
      [
        [
          'accept',
          '--offers',
          join(work, 'nowhere.json'),
          '--proposal',
          'p',
          '--counterparty',
          'c',
          '--agreement',
          'a',
        ],
        join(work, 'nowhere.json'),
      ],
    ] as const) {
      const r = await run(...args);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(named);
      expect(oneLine(r)).toBe(1);
    }
    // A bad command line (exit 2).
    for (const args of [['ledger'], ['frobnicate'], ['match', '--needs', 'x'], ['schema', '--bogus']]) {
      const r = await run(...args);
      expect(r.code).toBe(2);
      expect(oneLine(r)).toBe(1);
    }
  });
});
