import { describe, expect, it } from 'vitest';
import { claimedServer, InboxGuard } from './inbox-guard';
import { RateLimit } from './rate-limit';

function memory() {
  const seen = new Map<string, number>();
  return {
    has: async (s: string) => seen.has(s),
    remember: async (s: string, until: number) => {
      seen.set(s, until);
    },
  };
}

const request = (body: string, headers: Record<string, string> = {}) =>
  new Request('https://bridge.example/inbox', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/activity+json', ...headers },
  });
const signed = {
  signature: 'keyId="https://peer.example/actor#main",algorithm="rsa-sha256",signature="abc"',
};

describe('the inbox guard', () => {
  it('names the server of the signature’s key id (draft-cavage or RFC 9421)', () => {
    expect(claimedServer(new Headers(signed))).toBe('peer.example');
    expect(
      claimedServer(new Headers({ 'signature-input': 'sig1=("@method");keyid="https://b.example:8443/k"' })),
    ).toBe('b.example:8443');
    expect(claimedServer(new Headers())).toBe('unsigned');
    expect(claimedServer(new Headers({ signature: 'keyId="not a url"' }))).toBe('unsigned');
  });

  it('refuses oversize, malformed and too deep bodies with 413 and 400', async () => {
    const guard = new InboxGuard({ memory: memory(), maxBodyBytes: 100, maxDepth: 4 });
    const refusal = async (r: Request) => {
      const result = await guard.admit(r);
      return result.ok ? undefined : [result.code, result.response.status];
    };
    expect(await refusal(request(`{"type":"Note","content":"${'x'.repeat(200)}"}`))).toEqual([
      'oversize',
      413,
    ]);
    expect(await refusal(request('{"type":'))).toEqual(['malformed-json', 400]);
    expect(await refusal(request('"Follow"'))).toEqual(['malformed-activity', 400]);
    expect(await refusal(request('{"id":"x"}'))).toEqual(['malformed-activity', 400]);
    expect(await refusal(request('{"type":"A","o":{"o":{"o":{"o":{"o":1}}}}}'))).toEqual([
      'malformed-activity',
      400,
    ]);
    expect(
      await refusal(new Request('https://b/inbox', { method: 'POST', body: new Uint8Array([0xff, 0xfe]) })),
    ).toEqual(['malformed-json', 400]);
  });

  it('hands Fedify the same bytes, and refuses a signature once accepted', async () => {
    const guard = new InboxGuard({ memory: memory() });
    const body = '{"type":"Follow","id":"https://peer.example/f/1"}';
    const first = await guard.admit(request(body, signed));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(await first.request.text()).toBe(body);
    expect(first.server).toBe('peer.example');
    await guard.settle(first, new Response(null, { status: 401 }));
    expect((await guard.admit(request(body, signed))).ok).toBe(true); // refused by Fedify: not remembered
    await guard.settle(first, new Response(null, { status: 202 }));
    const replay = await guard.admit(request(body, signed));
    expect(replay.ok ? undefined : [replay.code, replay.response.status]).toEqual([
      'replayed-signature',
      401,
    ]);
  });

  it('limits each connecting address to its burst, then its rate, with Retry-After', async () => {
    let now = 0;
    const guard = new InboxGuard({
      memory: memory(),
      rateLimit: { burst: 2, perMinute: 60 },
      now: () => now,
    });
    const status = async (headers: Record<string, string>, from: string) => {
      const result = await guard.admit(request('{"type":"Note"}', headers), from);
      return result.ok ? 'ok' : `${result.response.status} ${result.response.headers.get('retry-after')}`;
    };
    expect([
      await status(signed, '192.0.2.1'),
      await status({}, '192.0.2.1'),
      await status(signed, '192.0.2.1'),
    ]).toEqual(['ok', 'ok', '429 1']);
    expect(await status(signed, '192.0.2.2')).toBe('ok'); // another address, another bucket
    now += 1000;
    expect(await status(signed, '192.0.2.1')).toBe('ok');
  });

  it('does not let an attacker spend another server’s budget by naming it in a key id', async () => {
    const guard = new InboxGuard({ memory: memory(), rateLimit: { burst: 3, perMinute: 1 }, now: () => 0 });
    const attacker = '198.51.100.66';
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const result = await guard.admit(request(`{"type":"Follow","n":${i}}`, signed), attacker);
      statuses.push(result.ok ? 202 : result.response.status);
    }
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    // peer.example itself, connecting from its own address, is untouched.
    const genuine = await guard.admit(request('{"type":"Follow"}', signed), '203.0.113.5');
    expect(genuine.ok).toBe(true);
  });

  it('forgets the least recently seen servers beyond its bound', () => {
    const limit = new RateLimit({ burst: 1, perMinute: 1, maxServers: 2 });
    expect(limit.take('a', 0)).toBe(0);
    expect(limit.take('a', 0)).toBeGreaterThan(0);
    limit.take('b', 0);
    limit.take('c', 0);
    expect(limit.take('a', 0)).toBe(0); // 'a' was forgotten
  });
});
