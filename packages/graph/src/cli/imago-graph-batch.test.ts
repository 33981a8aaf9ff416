/**
 * `imago-graph propagate --from-file`: many sources in one run answer as single queries do
 * (through the spatial and theme indexes) and as the naive reference does on random graphs.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { naivePropagate } from '../../test/reference/naive-propagate';
import { serializedGraphArbitrary } from '../../test/reference/random-graph';
import { file, GRAPH, lines, run } from '../../test/support/imago-graph-process';
import { readSerializedGraph } from '../model/parse-serialized-graph';

describe('imago-graph propagate --from-file', () => {
  it('--from-file with many keys uses the spatial index and agrees with single queries', async () => {
    const sources = [
      'g-bastille',
      'g-louvre',
      'g-lyon-garden',
      'g-lyon-school',
      'g-france',
      'g-nowhere',
      'Q90',
    ];
    const keysFile = file('many.txt', `${sources.join('\n')}\n`);
    const batch = lines(
      (await run('propagate', '--graph', GRAPH, '--from-file', keysFile, '--by', 'geo')).stdout,
    );
    for (const [i, from] of sources.entries()) {
      const single = await run('propagate', '--graph', GRAPH, '--from', from, '--by', 'geo');
      expect(batch[i]).toBe(single.stdout.trim());
    }
  });

  it('answers like the naive reference on random graphs, for every group at once', async () => {
    const graphs = fc.sample(serializedGraphArbitrary, { numRuns: 4, seed: 20261126 });
    for (const [i, serialized] of graphs.entries()) {
      const path = file(`random-${i}.json`, JSON.stringify(serialized));
      const graph = readSerializedGraph(serialized);
      const keysFile = file(`random-${i}.txt`, `${graph.nodes().join('\n')}\n`);
      for (const by of ['geo', 'relation', 'theme', 'composite'] as const) {
        const result = await run(
          'propagate',
          '--graph',
          path,
          '--from-file',
          keysFile,
          '--by',
          by,
          '--k',
          '4',
        );
        expect(result.code).toBe(0);
        const outputs = lines(result.stdout).map((line) => JSON.parse(line));
        expect(outputs.map((o) => o.from)).toEqual(graph.nodes());
        for (const output of outputs) {
          const expected = naivePropagate(graph, output.from, { by, k: 4 });
          expect(output.targets.map((t: { key: string; score: number }) => [t.key, t.score])).toEqual(
            expected.map((t) => [t.key, t.score]),
          );
        }
      }
    }
  });

  it('with --from-file many theme queries use the theme index and agree with single queries', async () => {
    const graph = JSON.parse(readFileSync(GRAPH, 'utf8'));
    const sources = graph.nodes.map((n: { key: string }) => n.key);
    const keysFile = file('theme-keys.txt', `${sources.join('\n')}\n`);
    for (const depth of ['0', '2']) {
      const batch = lines(
        (
          await run(
            'propagate',
            '--graph',
            GRAPH,
            '--from-file',
            keysFile,
            '--by',
            'theme',
            '--theme-depth',
            depth,
          )
        ).stdout,
      );
      expect(batch).toHaveLength(sources.length);
      for (const [i, from] of sources.entries()) {
        const single = await run(
          'propagate',
          '--graph',
          GRAPH,
          '--from',
          from,
          '--by',
          'theme',
          '--theme-depth',
          depth,
        );
        expect(batch[i]).toBe(single.stdout.trim());
      }
    }
  });
});
