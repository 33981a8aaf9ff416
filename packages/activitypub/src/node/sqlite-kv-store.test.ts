import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KvStoreSetOptions } from '@fedify/fedify';
import { describe, expect, it, onTestFinished } from 'vitest';
import { SqliteKvStore } from './sqlite-kv-store';

describe('the SQLite key–value store', () => {
  it('keeps values across reopening, lists by prefix, and deletes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imago-kv-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'kv.sqlite');
    const store = new SqliteKvStore(file);
    await store.set(['imago', 'group', 'a'], { handle: 'a' });
    await store.set(['imago', 'group', 'b'], { handle: 'b' });
    await store.set(['imago', 'groupie'], 1);
    await store.set(['_fedify', 'x'], [1, 2]);
    store.close();
    const again = new SqliteKvStore(file);
    expect(await again.get(['imago', 'group', 'a'])).toEqual({ handle: 'a' });
    const listed = [];
    for await (const entry of again.list(['imago', 'group'])) listed.push(entry.key);
    expect(listed).toEqual([
      ['imago', 'group', 'a'],
      ['imago', 'group', 'b'],
    ]);
    await again.delete(['imago', 'group', 'a']);
    expect(await again.get(['imago', 'group', 'a'])).toBeUndefined();
    expect(await again.cas(['_fedify', 'x'], [1, 2], 'y')).toBe(true);
    expect(await again.cas(['_fedify', 'x'], [1, 2], 'z')).toBe(false);
    expect(await again.get(['_fedify', 'x'])).toBe('y');
    again.close();
  });

  it('forgets a value after its time to live', async () => {
    const store = new SqliteKvStore(':memory:');
    // Fedify passes a Temporal.Duration; the store only asks it for its length in milliseconds.
    const ttl = { total: ({ unit }: { unit: string }) => (unit === 'millisecond' ? 30 : Number.NaN) };
    await store.set(['k'], 'v', { ttl } as unknown as KvStoreSetOptions);
    expect(await store.get(['k'])).toBe('v');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await store.get(['k'])).toBeUndefined();
    store.close();
  });
});
