// The bridge's HTTP side without a homeserver (nothing here reads Matrix): reads limited per
// connecting address, a withdrawn group's actor answered by its tombstone, and paths anyone may
// write answered without an exception.
import { MemoryKvStore } from '@fedify/fedify';
import { describe, expect, it } from 'vitest';
import { ActivityPubBridge } from './bridge';

const origin = 'https://bridge.example';

function bridge(options: Partial<ConstructorParameters<typeof ActivityPubBridge>[0]> = {}) {
  return new ActivityPubBridge({
    origin,
    homeserver: { baseUrl: 'http://127.0.0.1:9', asToken: 'unused' },
    botUserId: '@imago_ap:hs.example',
    ghostPrefix: '_ap_',
    kv: new MemoryKvStore(),
    ...options,
  });
}

const get = (b: ActivityPubBridge, path: string, remoteAddress: string) =>
  b.fetch(new Request(`${origin}${path}`, { headers: { accept: 'application/activity+json' } }), {
    remoteAddress,
  });

describe('the bridge over HTTP', () => {
  it('limits reads per connecting address, with Retry-After, and others are not affected', async () => {
    const b = bridge({ getRateLimit: { burst: 3, perMinute: 1 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await get(b, '/actors/nobody', '198.51.100.7')).status);
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
    const limited = await get(b, '/actors/nobody', '198.51.100.7');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await get(b, '/actors/nobody', '203.0.113.9')).status).toBe(404);
  });

  it('answers a withdrawn group’s actor with 410 and a Tombstone, until another group takes the handle', async () => {
    const b = bridge();
    const group = {
      handle: 'tools',
      spaceId: '!space:hs.example',
      via: ['hs.example'],
      followers: 'open' as const,
      decision: '$publish',
    };
    await b.store.startGroup(group);
    await b.store.withdrawGroup(group, '2026-03-01T10:00:00.000Z');
    const gone = await get(b, '/actors/tools', '192.0.2.1');
    expect(gone.status).toBe(410);
    expect(await gone.json()).toMatchObject({
      id: `${origin}/actors/tools`,
      type: 'Tombstone',
      formerType: 'Group',
      deleted: '2026-03-01T10:00:00.000Z',
    });
    expect((await get(b, '/actors/other', '192.0.2.1')).status).toBe(404);
  });

  it('answers a proposal or note path whose event id is not valid percent-encoding with 404', async () => {
    const b = bridge();
    for (const path of [
      '/groups/tools/proposals/%E0%A4%A',
      '/groups/tools/notes/%ZZ',
      '/groups/tools/proposals/%',
    ]) {
      const response = await get(b, path, '192.0.2.1');
      expect(response.status).toBe(404);
    }
  });
});
