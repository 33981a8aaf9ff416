/**
 * `--url`: the election archive is fetched from a Belenios-style web server (here a local one),
 * with the URL forms belenios-tool 2.0 accepts; belenios-tool, given the same URLs, agrees.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { archiveLocation } from '../../src/cli/download';
import { belenios, helios, requireBeleniosTool } from '../support/tools';

const uuid = 'bj5fpu5xwBZxHd';
const archive = readFileSync(new URL(`../vectors/belenios/h-2048/${uuid}.bel`, import.meta.url));
let server: Server;
let origin: string;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (request.url === `/elections/${uuid}/${uuid}.bel`) {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.end(archive);
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('--url', () => {
  test('URL forms are read as belenios-tool reads them', () => {
    expect(archiveLocation('https://vote.example/elections/U1/')).toEqual({
      base: 'https://vote.example/elections/U1/',
      file: 'U1.bel',
    });
    expect(archiveLocation('https://vote.example/elections/U1')).toEqual({
      base: 'https://vote.example/elections/U1/',
      file: 'U1.bel',
    });
    expect(archiveLocation('https://vote.example/elections/U1.bel')).toEqual({
      base: 'https://vote.example/elections/',
      file: 'U1.bel',
    });
  });

  test.each(['/', '', '.bel'])(
    'election verify --url=…%s, by both tools',
    async (form) => {
      requireBeleniosTool();
      const url = form === '.bel' ? `${origin}/elections/${uuid}.bel` : `${origin}/elections/${uuid}${form}`;
      // The `.bel` form names the archive itself: serve it beside the election folders too.
      const path = form === '.bel' ? `/elections/${uuid}.bel` : `/elections/${uuid}/${uuid}.bel`;
      requests.length = 0;
      const cwd = mkdtempSync(join(tmpdir(), 'helios-c-url-'));
      const ours = await helios(['election', 'verify', `--url=${url}`], cwd);
      const theirs = await belenios(['election', 'verify', `--url=${url}`], cwd);
      if (form === '.bel') {
        // Nothing is served at that path: both fail to download, with their download error.
        expect(requests).toEqual([path, path]);
        expect(ours.code).toBe(123);
        expect(ours.stderr).toContain(`could not download ${origin}${path}`);
        expect(theirs.code).not.toBe(0);
        return;
      }
      expect(requests).toEqual([path, path]);
      expect(ours.stderr).toContain('all checks passed');
      expect(ours.code).toBe(0);
      expect(theirs.code).toBe(0);
      // A temporary folder was used and removed: nothing is left in the working directory.
      expect(readdirSync(cwd)).toEqual([]);
    },
    60_000,
  );

  test('with --dir, the archive is kept there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'helios-c-url-'));
    const result = await helios(
      ['election', 'verify', `--url=${origin}/elections/${uuid}/`, `--dir=${dir}`],
      dir,
    );
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, `${uuid}.bel`))).toEqual(archive);
  }, 60_000);

  test('an unknown election: exit status 123 and the URL in the message', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'helios-c-url-'));
    const result = await helios(['election', 'verify', `--url=${origin}/elections/nope/`], cwd);
    expect(result.code).toBe(123);
    expect(result.stderr).toContain(`could not download ${origin}/elections/nope/nope.bel: HTTP 404`);
  }, 60_000);
});
