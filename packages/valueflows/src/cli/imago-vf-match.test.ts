/**
 * `imago-vf match` ranks candidates with their reasons; `imago-vf accept` prints the agreement and
 * the proposals with what remains, which `match` then sees.
 */
import { describe, expect, it } from 'vitest';
import { file, jsonl, kg, oneLine, run } from '../../test/support/imago-vf-cli';

describe('imago-vf', () => {
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
