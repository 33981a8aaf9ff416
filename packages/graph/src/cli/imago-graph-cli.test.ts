/**
 * `imago-graph propagate`: its output, its options, the serialisations it reads, and its errors
 * (one line on stderr; exit 1 for bad input, 2 for a bad command line).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  expectOneLineError,
  file,
  GRAPH,
  keys,
  lines,
  run,
  work,
} from '../../test/support/imago-graph-process';

describe('imago-graph propagate', () => {
  it('--help exits 0 and documents the command', async () => {
    const result = await run('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('imago-graph propagate');
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const result = await run('--version');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`imago-graph ${version}`);
  });

  it('geo: one JSON object, distances in km, best first, ties by key', async () => {
    const result = await run('propagate', '--graph', GRAPH, '--from', 'g-bastille', '--by', 'geo');
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toHaveLength(1);
    const output = JSON.parse(result.stdout);
    expect(output.from).toBe('g-bastille');
    expect(keys(output)).toEqual(['g-louvre', 'g-lyon-garden', 'g-lyon-school']);
    // Independent haversine (Python, R = 6371.0088 km) of Paris (48.856667, 2.352222) to the Louvre and to Lyon.
    expect(output.targets[0].score).toBeCloseTo(1.155651751609949, 9);
    expect(output.targets[0].distanceKm).toBeCloseTo(1.155651751609949, 9);
    expect(output.targets[2].score).toBeCloseTo(392.2134250338285, 9);
  });

  it('relation, theme and composite', async () => {
    const relation = JSON.parse(
      (await run('propagate', '--graph', GRAPH, '--from', 'g-bastille', '--by', 'relation')).stdout,
    );
    expect(relation.targets).toEqual([
      { key: 'g-louvre', score: 1, hops: 1 },
      { key: 'g-lyon-garden', score: 2, hops: 2 },
      { key: 'g-lyon-school', score: 3, hops: 3 },
    ]);
    const theme = JSON.parse(
      (await run('propagate', '--graph', GRAPH, '--from', 'g-bastille', '--by', 'theme')).stdout,
    );
    expect(keys(theme)).toEqual(['g-lyon-garden', 'g-france', 'g-louvre', 'g-lyon-school']);
    expect(theme.targets[0].similarity).toBeCloseTo(2 / 3, 12);
    const composite = JSON.parse(
      (
        await run(
          'propagate',
          '--graph',
          GRAPH,
          '--from',
          'g-bastille',
          '--by',
          'composite',
          '--weights',
          'theme=1',
        )
      ).stdout,
    );
    expect(keys(composite)).toEqual(keys(theme));
    expect(composite.targets[0].score).toBeCloseTo(2 / 3, 12);
  });

  it('--k, --radius-km and --max-hops', async () => {
    const k1 = JSON.parse(
      (await run('propagate', '--graph', GRAPH, '--from', 'g-bastille', '--by', 'geo', '--k', '1')).stdout,
    );
    expect(keys(k1)).toEqual(['g-louvre']);
    const near = JSON.parse(
      (await run('propagate', '--graph', GRAPH, '--from', 'g-bastille', '--by', 'geo', '--radius-km', '50'))
        .stdout,
    );
    expect(keys(near)).toEqual(['g-louvre']);
    const hops = JSON.parse(
      (
        await run(
          'propagate',
          '--graph',
          GRAPH,
          '--from',
          'g-bastille',
          '--by',
          'relation',
          '--max-hops',
          '1',
        )
      ).stdout,
    );
    expect(keys(hops)).toEqual(['g-louvre']);
  });

  it('--kind, --min-similarity, --theme-depth and --weights', async () => {
    const base = ['propagate', '--graph', GRAPH, '--from', 'g-france'];
    const all = JSON.parse((await run(...base, '--by', 'relation')).stdout);
    expect(keys(all)).toEqual(['g-nowhere']);
    const needs = JSON.parse((await run(...base, '--by', 'relation', '--kind', 'need')).stdout);
    expect(needs.targets).toEqual([]);
    const similar = JSON.parse(
      (
        await run(
          'propagate',
          '--graph',
          GRAPH,
          '--from',
          'g-bastille',
          '--by',
          'theme',
          '--min-similarity',
          '0.6',
        )
      ).stdout,
    );
    expect(keys(similar)).toEqual(['g-lyon-garden']);
    const deep = await run(
      'propagate',
      '--graph',
      GRAPH,
      '--from',
      'g-bastille',
      '--by',
      'theme',
      '--theme-depth',
      '2',
    );
    expect(deep.code).toBe(0);
    const weighted = JSON.parse(
      (
        await run(
          'propagate',
          '--graph',
          GRAPH,
          '--from',
          'g-bastille',
          '--by',
          'composite',
          '--weights',
          'geo=0, relation=1',
        )
      ).stdout,
    );
    expect(weighted.targets.map((t: { key: string; score: number }) => [t.key, t.score])).toEqual([
      ['g-louvre', 1],
      ['g-lyon-garden', 1 / 2],
      ['g-lyon-school', 1 / 3],
    ]);
  });

  it('--from-file: one output line per key, in order, blank lines skipped', async () => {
    const keysFile = file('keys.txt', '\uFEFFg-lyon-school\r\n\ng-bastille\n  \ng-nowhere');
    const result = await run('propagate', '--graph', GRAPH, '--from-file', keysFile, '--by', 'relation');
    expect(result.code).toBe(0);
    const outputs = lines(result.stdout).map((line) => JSON.parse(line));
    expect(outputs.map((o) => o.from)).toEqual(['g-lyon-school', 'g-bastille', 'g-nowhere']);
    expect(keys(outputs[0])).toEqual(['g-lyon-garden', 'g-louvre', 'g-bastille']);
    expect(outputs[2].targets).toEqual([{ key: 'g-france', score: 1, hops: 1 }]);
  });

  it('accepts directed, undirected and simple serialisations', async () => {
    const serialized = JSON.parse(readFileSync(GRAPH, 'utf8'));
    const undirected = {
      options: { type: 'undirected', multi: true },
      nodes: serialized.nodes,
      edges: serialized.edges.map(({ undirected: _u, ...edge }: Record<string, unknown>) => edge),
    };
    const directed = {
      options: { type: 'directed', multi: false },
      nodes: serialized.nodes,
      edges: serialized.edges
        .filter((e: { key: string }) => e.key !== 'r7' && e.key !== 't10')
        .map(({ undirected: _u, key: _k, ...edge }: Record<string, unknown>) => edge),
    };
    for (const graph of [undirected, directed]) {
      const path = file('variant.json', JSON.stringify(graph));
      for (const by of ['geo', 'relation', 'theme']) {
        const a = await run('propagate', '--graph', path, '--from', 'g-bastille', '--by', by);
        const b = await run('propagate', '--graph', GRAPH, '--from', 'g-bastille', '--by', by);
        expect(a.code).toBe(0);
        expect(a.stdout).toBe(b.stdout);
      }
    }
  });

  it('an unknown key is a one-line error and no output', async () => {
    expectOneLineError(await run('propagate', '--graph', GRAPH, '--from', 'nobody', '--by', 'geo'), 1, GRAPH);
    const keysFile = file('bad-keys.txt', 'g-bastille\nnobody\n');
    const fromFile = await run('propagate', '--graph', GRAPH, '--from-file', keysFile, '--by', 'geo');
    expectOneLineError(fromFile, 1, keysFile);
    expect(fromFile.stderr).toContain('line 2');
  });

  it('a malformed or missing graph file is a one-line error', async () => {
    const bad = [
      '{ not json',
      '[]',
      '{"edges": []}',
      '{"nodes": [{"key": "a", "attributes": {"kind": "person"}}]}',
      '{"nodes": [{"key": "a", "attributes": {"kind": "group", "lat": 91, "lon": 0}}]}',
      '{"nodes": [{"key": "a", "attributes": {"kind": "group"}}], "edges": [{"source": "a", "target": "b", "attributes": {"type": "partner"}}]}',
      '{"nodes": [{"key": "a", "attributes": {"kind": "group"}}], "edges": [{"source": "a", "target": "a"}]}',
    ];
    for (const [i, content] of bad.entries()) {
      const graph = file(`bad-${i}.json`, content);
      expectOneLineError(await run('propagate', '--graph', graph, '--from', 'a', '--by', 'geo'), 1, graph);
    }
    const missing = join(work, 'missing.json');
    expectOneLineError(await run('propagate', '--graph', missing, '--from', 'a', '--by', 'geo'), 1, missing);
  });

  it('a bad command line is a one-line error with exit code 2', async () => {
    const base = ['propagate', '--graph', GRAPH, '--from', 'g-bastille'];
    for (const args of [
      base,
      [...base, '--by', 'nearest'],
      [...base, '--by', 'geo', '--k', '-1'],
      [...base, '--by', 'geo', '--k', 'ten'],
      [...base, '--by', 'geo', '--radius-km', 'far'],
      [...base, '--by', 'composite', '--weights', 'geo=x'],
      [...base, '--by', 'composite', '--weights', 'mood=1'],
      [...base, '--by', 'geo', '--unknown'],
      ['propagate', '--graph', GRAPH, '--by', 'geo'],
      ['frobnicate'],
    ]) {
      expectOneLineError(await run(...args), 2);
    }
  });
});
