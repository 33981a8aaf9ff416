/**
 * A deterministic synthetic Imago graph of realistic shape: cities with coordinates, districts
 * without (located in a city), a theme hierarchy, groups with their own coordinates or located
 * in a district or city (or nowhere), 1–6 interests drawn with a skewed popularity, and
 * relations mostly between nearby groups, mostly accepted.
 */

/** mulberry32: a small seeded PRNG so every run builds the same graph. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticGraph {
  nodes: { key: string; attributes: Record<string, unknown> }[];
  edges: { source: string; target: string; attributes: Record<string, unknown>; undirected?: boolean }[];
}

export function syntheticGraph(groups: number, totalEdges: number, seed = 42): SyntheticGraph {
  const rand = random(seed);
  const pick = (n: number) => Math.floor(rand() * n);
  const nodes: SyntheticGraph['nodes'] = [];
  const edges: SyntheticGraph['edges'] = [];
  const cities = 200;
  const districts = 2000;
  const themes = 400;
  const cityAt: [number, number][] = [];
  for (let i = 0; i < cities; i++) {
    const at: [number, number] = [42 + rand() * 9, -5 + rand() * 13];
    cityAt.push(at);
    nodes.push({
      key: `city${i}`,
      attributes: { kind: 'entity', name: `City ${i}`, lat: at[0], lon: at[1] },
    });
  }
  for (let i = 0; i < districts; i++) {
    nodes.push({ key: `district${i}`, attributes: { kind: 'entity', name: `District ${i}` } });
    edges.push({ source: `district${i}`, target: `city${i % cities}`, attributes: { type: 'located-in' } });
  }
  for (let i = 0; i < themes; i++) {
    nodes.push({ key: `theme${i}`, attributes: { kind: 'entity', name: `Theme ${i}` } });
    if (i >= 20)
      edges.push({ source: `theme${i}`, target: `theme${pick(i)}`, attributes: { type: 'subclass-of' } });
  }
  const home: number[] = [];
  for (let g = 0; g < groups; g++) {
    const city = pick(cities);
    home.push(city);
    const key = `group${g}`;
    const attributes: Record<string, unknown> = { kind: 'group', name: `Group ${g}` };
    const r = rand();
    if (r < 0.55) {
      attributes.lat = cityAt[city]![0] + (rand() - 0.5) * 0.2;
      attributes.lon = cityAt[city]![1] + (rand() - 0.5) * 0.3;
    } else if (r < 0.8) {
      edges.push({
        source: key,
        target: `district${city + cities * pick(districts / cities)}`,
        attributes: { type: 'located-in' },
      });
    } else if (r < 0.9) {
      edges.push({ source: key, target: `city${city}`, attributes: { type: 'located-in' } });
    }
    nodes.push({ key, attributes });
    const interests = 1 + pick(6);
    for (let t = 0; t < interests; t++) {
      // Skewed popularity: low theme numbers are much more common.
      const theme = Math.floor(themes * rand() ** 2);
      edges.push({ source: key, target: `theme${theme}`, attributes: { type: 'interested-in' } });
    }
  }
  // Relations fill the rest: 70% between groups of the same city, the others anywhere.
  const byCity: number[][] = Array.from({ length: cities }, () => []);
  home.forEach((city, g) => {
    byCity[city]!.push(g);
  });
  while (edges.length < totalEdges) {
    const a = pick(groups);
    const local = byCity[home[a]!]!;
    const b = rand() < 0.7 ? local[pick(local.length)]! : pick(groups);
    if (a === b) continue;
    const s = rand();
    const status = s < 0.85 ? 'accepted' : s < 0.95 ? 'proposed' : undefined;
    const type = ['partner', 'follows', 'sub-group-of'][pick(3)]!;
    edges.push({
      source: `group${a}`,
      target: `group${b}`,
      attributes: status ? { type, status } : { type },
      ...(rand() < 0.2 ? { undirected: true } : {}),
    });
  }
  return { nodes, edges };
}
