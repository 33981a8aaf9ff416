import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PACKAGE_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
const BIN = fileURLToPath(new URL('../../dist/cli/imago-vf.js', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'imago-vf-cli-'));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function file(name: string, content: string): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

const jsonl = (...items: object[]) => items.map((i) => JSON.stringify(i)).join('\n');
const kg = (n: number) => ({ hasNumericalValue: n, hasUnit: 'kilogram' });
const oneLine = (r: Run) => r.stderr.split('\n').filter((l) => l !== '').length;

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

  it('ledger prints the resulting resources', async () => {
    const events = file(
      'ok.jsonl',
      jsonl(
        {
          id: 'e1',
          action: 'raise',
          provider: 'g',
          receiver: 'g',
          resourceQuantity: kg(20),
          newInventoriedResource: { id: 'potatoes' },
        },
        {
          id: 'e2',
          action: 'transfer',
          provider: 'g',
          receiver: 'k',
          resourceInventoriedAs: 'potatoes',
          resourceQuantity: kg(5),
          newInventoriedResource: { id: 'k-potatoes' },
        },
      ),
    );
    const r = await run('ledger', '--events', events);
    expect(r.code).toBe(0);
    const resources = JSON.parse(r.stdout) as {
      id: string;
      onhandQuantity: unknown;
      primaryAccountable: string;
    }[];
    expect(resources.map((x) => [x.id, x.onhandQuantity, x.primaryAccountable])).toEqual([
      ['potatoes', kg(15), 'g'],
      ['k-potatoes', kg(5), 'k'],
    ]);
  });

  it('ledger reads processes, so that outputs take their stage', async () => {
    const events = file(
      'stage.jsonl',
      jsonl({
        id: 'e1',
        action: 'produce',
        provider: 'g',
        receiver: 'g',
        outputOf: 'bake-1',
        resourceQuantity: kg(2),
        newInventoriedResource: { id: 'bread' },
      }),
    );
    const processes = file(
      'processes.json',
      JSON.stringify([{ id: 'bake-1', name: 'Baking', basedOn: 'ps:baking' }]),
    );
    const r = await run('ledger', '--events', events, '--processes', processes);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ id: 'bread', stage: 'ps:baking' });
  });

  it('ledger prints the first rejected event with its reason and exits 1', async () => {
    const events = file(
      'bad.jsonl',
      jsonl(
        {
          id: 'e1',
          action: 'raise',
          provider: 'g',
          receiver: 'g',
          resourceQuantity: kg(2),
          newInventoriedResource: { id: 'potatoes' },
        },
        {
          id: 'e2',
          action: 'consume',
          provider: 'g',
          receiver: 'g',
          resourceInventoriedAs: 'potatoes',
          resourceQuantity: kg(3),
        },
        {
          id: 'e3',
          action: 'consume',
          provider: 'g',
          receiver: 'g',
          resourceInventoriedAs: 'nothing',
          resourceQuantity: kg(3),
        },
      ),
    );
    const r = await run('ledger', '--events', events);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      rejected: { index: 1, id: 'e2', code: 'VF_NEGATIVE_QUANTITY' },
    });
    expect(oneLine(r)).toBe(1);
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

  it('match prints ranked candidates with reasons; distance from coordinates', async () => {
    const needs = file(
      'needs.json',
      JSON.stringify([
        {
          id: 'need-1',
          purpose: 'request',
          proposer: 'kitchen',
          eligibleLocation: { lat: 48.8566, long: 2.3522 },
          publishes: { action: 'transfer', resourceClassifiedAs: 'Q10998', resourceQuantity: kg(10) },
        },
      ]),
    );
    const offers = file(
      'offers.jsonl',
      jsonl(
        {
          id: 'lyon',
          purpose: 'offer',
          proposer: 'farm-lyon',
          eligibleLocation: { lat: 45.764, long: 4.8357 },
          publishes: { action: 'transfer', resourceClassifiedAs: 'wd:Q10998', resourceQuantity: kg(50) },
        },
        {
          id: 'versailles',
          purpose: 'offer',
          proposer: 'garden',
          eligibleLocation: { lat: 48.8049, long: 2.1204 },
          publishes: {
            action: 'transfer',
            resourceClassifiedAs: 'https://www.wikidata.org/wiki/Q10998',
            resourceQuantity: kg(4),
          },
        },
      ),
    );
    const all = await run('match', '--needs', needs, '--offers', offers);
    expect(all.code).toBe(0);
    const candidates = JSON.parse(all.stdout) as { offer: string; fulfilment: number; distance: number }[];
    expect(candidates.map((c) => c.offer).sort()).toEqual(['lyon', 'versailles']);
    const versailles = candidates.find((c) => c.offer === 'versailles')!;
    expect(versailles.fulfilment).toBeCloseTo(0.4);
    // Paris–Versailles is about 17 km, Paris–Lyon about 392 km.
    expect(versailles.distance).toBeGreaterThan(15);
    expect(versailles.distance).toBeLessThan(20);
    const near = await run('match', '--needs', needs, '--offers', offers, '--max-distance', '100');
    expect((JSON.parse(near.stdout) as { offer: string }[]).map((c) => c.offer)).toEqual(['versailles']);
  });

  it('accept prints the agreement and the proposals with what remains; match then sees only the rest', async () => {
    const offers = file(
      'accept-offers.jsonl',
      jsonl(
        {
          id: 'garden',
          purpose: 'offer',
          proposer: 'group:garden',
          publishes: {
            id: 'potatoes',
            action: 'transfer',
            resourceClassifiedAs: 'Q10998',
            resourceQuantity: kg(20),
          },
        },
        {
          id: 'other',
          purpose: 'offer',
          proposer: 'group:farm',
          publishes: { action: 'transfer', resourceQuantity: kg(1) },
        },
      ),
    );
    const accept = (from: string, agreement: string, quantity: string) =>
      run(
        'accept',
        '--offers',
        from,
        '--proposal',
        'garden',
        '--counterparty',
        'group:kitchen',
        '--agreement',
        agreement,
        '--quantity',
        quantity,
        '--unit',
        'kilogram',
      );
    const first = await accept(offers, 'agr-1', '12');
    expect(first.code).toBe(0);
    const result = JSON.parse(first.stdout) as {
      agreement: { id: string; stipulates: string[] };
      commitments: { resourceQuantity: unknown }[];
      proposals: { id: string; publishes: { availableQuantity?: unknown }[] }[];
    };
    expect(result.agreement).toMatchObject({ id: 'agr-1', stipulates: ['agr-1#1'], proposal: 'garden' });
    expect(result.commitments[0]?.resourceQuantity).toEqual(kg(12));
    expect(result.proposals.map((p) => p.id)).toEqual(['garden', 'other']);
    expect(result.proposals[0]?.publishes[0]?.availableQuantity).toEqual(kg(8));

    const after = file('accept-after.json', JSON.stringify(result.proposals));
    const needs = file(
      'accept-needs.json',
      JSON.stringify([
        {
          id: 'n',
          purpose: 'request',
          proposer: 'school',
          publishes: { action: 'transfer', resourceClassifiedAs: 'Q10998', resourceQuantity: kg(10) },
        },
      ]),
    );
    const candidates = JSON.parse((await run('match', '--needs', needs, '--offers', after)).stdout) as {
      offer: string;
      quantity: unknown;
    }[];
    expect(candidates).toMatchObject([{ offer: 'garden', quantity: kg(8) }]);

    const tooMuch = await accept(after, 'agr-2', '9');
    expect(tooMuch.code).toBe(1);
    expect(tooMuch.stdout).toBe('');
    expect(tooMuch.stderr).toContain('VF_PROPOSAL_TERMS');
    expect(oneLine(tooMuch)).toBe(1);
    const missing = await run(
      'accept',
      '--offers',
      after,
      '--proposal',
      'nope',
      '--counterparty',
      'x',
      '--agreement',
      'a',
    );
    expect(missing.code).toBe(2);
    expect(
      (
        await run(
          'accept',
          '--offers',
          after,
          '--proposal',
          'garden',
          '--counterparty',
          'x',
          '--agreement',
          'a',
          '--quantity',
          '1',
        )
      ).code,
    ).toBe(2);
  });
});
