import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PersistentMap } from './persistent-map';

describe('PersistentMap', () => {
  it('behaves like a Map under any sequence of sets and deletes, and never changes old versions', () => {
    const operation = fc.oneof(
      fc.record({ op: fc.constant('set' as const), key: fc.string({ maxLength: 3 }), value: fc.integer() }),
      fc.record({ op: fc.constant('delete' as const), key: fc.string({ maxLength: 3 }) }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 200 }), (operations) => {
        let map = PersistentMap.empty<number>();
        const model = new Map<string, number>();
        const versions: [PersistentMap<number>, Map<string, number>][] = [];
        for (const operation of operations) {
          if (operation.op === 'set') {
            map = map.set(operation.key, operation.value);
            model.set(operation.key, operation.value);
          } else {
            map = map.delete(operation.key);
            model.delete(operation.key);
          }
          versions.push([map, new Map(model)]);
        }
        for (const [version, snapshot] of versions) {
          expect(version.size).toBe(snapshot.size);
          expect(new Map(version)).toEqual(snapshot);
          for (const key of snapshot.keys()) expect(version.get(key)).toBe(snapshot.get(key));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('keeps many keys (deep buckets) retrievable', () => {
    let map = PersistentMap.empty<number>();
    for (let i = 0; i < 20_000; i++) map = map.set(`@member${i}:example.org`, i);
    expect(map.size).toBe(20_000);
    expect(map.get('@member12345:example.org')).toBe(12_345);
    expect(map.has('@nobody:example.org')).toBe(false);
  });
});
