// Deliveries against real loopback HTTP servers written by an attacker: one that never answers, one
// that answers an endless body, one that redirects to an internal address; and the targets a
// hostile actor document can name (loopback, private, link-local, metadata, non-HTTP).
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverToInboxes, targetProblem } from './delivery';

const servers: Server[] = [];
const hits: string[] = [];

function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    handler?.(req, res);
  });
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    }),
  );
}

let fine: string;
let silent: string;
let endless: string;
let redirect: string;

beforeAll(async () => {
  fine = await serve((_req, res) => {
    res.statusCode = 202;
    res.end();
  });
  silent = await serve(() => {
    // Never answers.
  });
  endless = await serve((_req, res) => {
    res.statusCode = 200;
    const chunk = Buffer.alloc(65_536, 120);
    const pump = () => {
      while (res.write(chunk)) {
        // Keep writing while the socket takes it.
      }
    };
    res.on('drain', pump);
    pump();
  });
  redirect = await serve((_req, res) => {
    res.statusCode = 307;
    res.setHeader('location', `${fine}/internal-admin`);
    res.end();
  });
});

afterAll(() => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
});

const sign = async (request: Request) => request;

describe('deliveries', () => {
  it('refuse targets a hostile actor document may name, unless private addresses are allowed', async () => {
    for (const url of [
      'http://127.0.0.1:8008/inbox',
      'https://127.0.0.1/inbox',
      'https://localhost/inbox',
      'https://10.0.0.8/inbox',
      'https://192.168.1.1/inbox',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/inbox',
      'https://[fd00::1]/inbox',
      'https://[::ffff:127.0.0.1]/inbox',
      'https://0.0.0.0/inbox',
      'http://93.184.215.14/inbox',
    ]) {
      expect([url, await targetProblem(url)]).toEqual([url, 'private-address']);
    }
    for (const url of ['file:///etc/passwd', 'gopher://x.example/', 'not a url', 'https://u:p@x.example/']) {
      expect([url, await targetProblem(url, true)]).toEqual([url, 'invalid-url']);
    }
    expect(await targetProblem('https://93.184.215.14/inbox')).toBeUndefined();
    expect(await targetProblem('http://127.0.0.1:8008/inbox', true)).toBeUndefined();
  });

  it('never connects to a private target when not allowed', async () => {
    const before = hits.length;
    const results = await deliverToInboxes([`${fine}/inbox`], '{}', sign);
    expect(results).toEqual([{ inbox: `${fine}/inbox`, ok: false, problem: 'private-address' }]);
    expect(hits.length).toBe(before);
  });

  it('gives up on a silent inbox at its deadline, while the others are delivered', async () => {
    const started = Date.now();
    const results = await deliverToInboxes(
      [`${silent}/inbox`, `${fine}/inbox`, `${endless}/inbox`, `${fine}/inbox`],
      '{"type":"Create"}',
      sign,
      { allowPrivateAddress: true, timeoutMs: 1500 },
    );
    expect(results.map((r) => [r.inbox, r.ok, r.problem])).toEqual([
      [`${silent}/inbox`, false, 'timeout'],
      [`${fine}/inbox`, true, undefined],
      [`${endless}/inbox`, true, undefined],
    ]);
    // Bounded by the deadline, not by the silent server (which never answers at all).
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('follows no redirect and refuses oversize activities', async () => {
    const before = hits.filter((h) => h === '/internal-admin').length;
    const [result] = await deliverToInboxes([`${redirect}/inbox`], '{}', sign, { allowPrivateAddress: true });
    expect(result).toMatchObject({ ok: false, status: 307, problem: 'refused' });
    expect(hits.filter((h) => h === '/internal-admin').length).toBe(before);
    const [big] = await deliverToInboxes([`${fine}/inbox`], 'x'.repeat(300), sign, {
      allowPrivateAddress: true,
      maxBodyBytes: 100,
    });
    expect(big?.problem).toBe('oversize');
  });
});
