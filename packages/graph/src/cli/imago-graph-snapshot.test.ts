/**
 * `imago-graph snapshot`: the snapshot it writes answers as the JSON does; damaged snapshots and
 * bad command lines are one-line errors that leave nothing behind.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializedGraphArbitrary } from '../../test/reference/random-graph';
import { expectOneLineError, file, GRAPH, run, work } from '../../test/support/imago-graph-process';

describe('imago-graph snapshot', () => {
  it('writes a snapshot that propagate reads with the same answers as the JSON, on random graphs', async () => {
    const graphs = fc.sample(serializedGraphArbitrary, { numRuns: 2, seed: 20261205 });
    for (const [i, serialized] of graphs.entries()) {
      const json = file(`snap-${i}.json`, JSON.stringify(serialized));
      const snapshot = join(work, `snap-${i}.snapshot`);
      const written = await run('snapshot', '--graph', json, '--out', snapshot);
      expect(written.code).toBe(0);
      const summary = JSON.parse(written.stdout);
      expect(summary).toEqual({
        snapshot,
        version: 1,
        nodes: serialized.nodes.length,
        edges: serialized.edges.length,
        bytes: readFileSync(snapshot).length,
      });
      const keysFile = file(`snap-${i}.txt`, `${serialized.nodes.map((n) => n.key).join('\n')}\n`);
      for (const by of ['geo', 'relation', 'theme', 'composite']) {
        const fromJson = await run('propagate', '--graph', json, '--from-file', keysFile, '--by', by);
        const fromSnapshot = await run('propagate', '--graph', snapshot, '--from-file', keysFile, '--by', by);
        expect(fromJson.code).toBe(0);
        expect(fromSnapshot.stdout).toBe(fromJson.stdout);
      }
      // A snapshot of a snapshot is the same file.
      const again = join(work, `snap-${i}-again.snapshot`);
      expect((await run('snapshot', '--graph', snapshot, '--out', again)).code).toBe(0);
      expect(readFileSync(again)).toEqual(readFileSync(snapshot));
    }
  });

  it('a damaged snapshot is a one-line error (exit 1) and no output', async () => {
    const snapshot = join(work, 'good.snapshot');
    expect((await run('snapshot', '--graph', GRAPH, '--out', snapshot)).code).toBe(0);
    const bytes = readFileSync(snapshot);
    const truncated = join(work, 'truncated.snapshot');
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 3));
    const flipped = join(work, 'flipped.snapshot');
    const changed = Buffer.from(bytes);
    changed[bytes.length - 1]! ^= 2;
    writeFileSync(flipped, changed);
    const future = join(work, 'future.snapshot');
    const later = Buffer.from(bytes);
    later.writeUInt32LE(2, 8);
    writeFileSync(future, later);
    for (const path of [truncated, flipped, future]) {
      const result = await run('propagate', '--graph', path, '--from', 'g-bastille', '--by', 'geo');
      expectOneLineError(result, 1);
      expect(result.stderr).toMatch(/^imago-graph: /);
    }
    expect((await run('propagate', '--graph', GRAPH, '--from', 'g-bastille', '--by', 'geo')).code).toBe(0);
  });

  it('a bad command line is exit 2; a bad input or an unwritable output exit 1, leaving nothing behind', async () => {
    const out = join(work, 'never.snapshot');
    expectOneLineError(await run('snapshot', '--graph', GRAPH), 2);
    expectOneLineError(await run('snapshot', '--out', out), 2);
    expectOneLineError(await run('snapshot', '--graph', GRAPH, '--out', out, '--k', '3'), 2);
    expectOneLineError(await run('snapshot', '--graph', file('bad.json', '{"nodes": 3}'), '--out', out), 1);
    expectOneLineError(
      await run('snapshot', '--graph', GRAPH, '--out', join(work, 'no-such-dir', 'x.snapshot')),
      1,
    );
    expect(
      readdirSync(work).filter((name) => name.startsWith('never') || name.includes('.partial-')),
    ).toEqual([]);
  });
});
