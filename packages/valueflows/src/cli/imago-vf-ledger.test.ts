/**
 * `imago-vf ledger`: the resources an event log gives, processes read, the first rejected event
 * named with its reason.
 */
import { describe, expect, it } from 'vitest';
import { file, jsonl, kg, oneLine, run } from '../../test/support/imago-vf-cli';

describe('imago-vf', () => {
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
});
