import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileElectionStore } from './file-election-store';

describe('fileElectionStore', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('takes writes of one key made at once, the last asked last, and leaves no temporary file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'imago-election-store-'));
    const store = await fileElectionStore(dir);
    const key = 'relay/!room:example.org/election';
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.set(key, `value ${i}`)));
    expect(await store.get(key)).toBe('value 19');
    expect(await readdir(dir)).toEqual([encodeURIComponent(key)]);
    expect(await store.list('relay/')).toEqual([key]);
  });

  it('keeps other keys apart and forgets a deleted one', async () => {
    dir = await mkdtemp(join(tmpdir(), 'imago-election-store-'));
    const store = await fileElectionStore(dir);
    await Promise.all([store.set('a', '1'), store.set('b', '2'), store.set('a', '3')]);
    expect([await store.get('a'), await store.get('b')]).toEqual(['3', '2']);
    await store.delete('a');
    expect(await store.get('a')).toBeUndefined();
    expect(await store.list('')).toEqual(['b']);
  });
});
