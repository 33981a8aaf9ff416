import { type KvKey, MemoryKvStore } from '@fedify/fedify';
import { describe, expect, it } from 'vitest';
import { BridgeStore, type GroupRecord, type StoredKeys } from './bridge-store';

const group = (spaceId: string): GroupRecord => ({
  handle: 'tools',
  spaceId,
  via: ['a.example'],
  followers: 'open',
  decision: '$publish',
});
const keys = { rsa: { privateKey: { kty: 'RSA' }, publicKey: { kty: 'RSA' } } } as unknown as StoredKeys;

/** A store whose `delete` of one key fails once (a crash half-way through a withdrawal). */
class FlakyKv extends MemoryKvStore {
  failOn: string | undefined;
  override async delete(key: KvKey): Promise<void> {
    if (this.failOn !== undefined && key.join('/') === this.failOn) {
      this.failOn = undefined;
      throw new Error('disk full');
    }
    return super.delete(key);
  }
}

async function filled(store: BridgeStore, spaceId: string) {
  await store.startGroup(group(spaceId));
  await store.saveKeys('tools', keys);
  await store.addFollower('tools', { id: 'https://peer.example/ana', inbox: 'https://peer.example/inbox' });
  await store.saveProposal({
    handle: 'tools',
    roomId: '!chat:a.example',
    eventId: '$offer',
    proposal: {} as never,
    published: '2026-01-01T00:00:00Z',
  });
  await store.savePending({
    kind: 'follower',
    handle: 'tools',
    decision: '$follow',
    activity: {},
    follower: { id: 'https://peer.example/bo', inbox: 'https://peer.example/inbox' },
  });
}

describe('the bridge store', () => {
  it('withdraws a group entirely: keys, followers, proposals, awaited decisions; a tombstone stays', async () => {
    const store = new BridgeStore(new MemoryKvStore());
    await filled(store, '!first:a.example');
    await store.withdrawGroup(group('!first:a.example'), '2026-02-01T00:00:00Z');
    expect(await store.group('tools')).toBeUndefined();
    expect(await store.groupOfSpace('!first:a.example')).toBeUndefined();
    expect(await store.keys('tools')).toBeUndefined();
    expect(await store.followers('tools')).toEqual([]);
    expect(await store.proposals('tools')).toEqual([]);
    expect(await store.pendingOf('tools')).toEqual([]);
    expect(await store.tombstone('tools')).toEqual({ handle: 'tools', deleted: '2026-02-01T00:00:00Z' });
    await store.startGroup(group('!later:b.example'));
    expect(await store.tombstone('tools')).toBeUndefined();
    expect((await store.group('tools'))?.spaceId).toBe('!later:b.example');
  });

  it('gives a later group nothing of an earlier one, even after a withdrawal that failed half-way', async () => {
    const kv = new FlakyKv();
    const store = new BridgeStore(kv);
    await filled(store, '!first:a.example');
    kv.failOn = 'imago/followers/tools';
    await expect(store.withdrawGroup(group('!first:a.example'), '2026-02-01T00:00:00Z')).rejects.toThrow();
    expect(await store.group('tools')).toBeUndefined(); // nothing more is accepted for it
    expect(await store.followers('tools')).toHaveLength(1); // left behind by the failure
    await store.startGroup(group('!later:b.example'));
    expect(await store.keys('tools')).toBeUndefined();
    expect(await store.followers('tools')).toEqual([]);
    expect(await store.proposals('tools')).toEqual([]);
    expect(await store.pendingOf('tools')).toEqual([]);
  });
});
