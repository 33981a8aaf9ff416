/**
 * Benchmarks of @imago/valueflows (run on demand: `pnpm bench`, after `pnpm build`).
 *
 * - ledger: replaying up to 1M economic events over 10k resources;
 * - matching: up to 10k needs against 10k offers.
 *
 * Throughput is printed for growing sizes, with the ratio to an anchor measured in the same run
 * (a plain Map update loop of the same length), so figures compare across machines.
 */
import { performance } from 'node:perf_hooks';
import type * as Valueflows from '../src/index.ts';
import type { EconomicEvent, Proposal, SpatialThing } from '../src/index.ts';

// The benchmark measures the built package (run `pnpm build` first); its types come from the source.
const built: string = '../dist/index.js';
const { match, replayLedger } = (await import(built)) as typeof Valueflows;

const RESOURCES = 10_000;
const AGENTS = 100;

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs `fn` and returns its value with the CPU time it took in seconds (user + system). On a
 * shared machine CPU time is steadier than wall time; wall time is printed beside it.
 */
function time<T>(fn: () => T): [T, number, number] {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(cpu);
  return [value, (used.user + used.system) / 1e6, (performance.now() - start) / 1000];
}

/**
 * The anchor: CPU seconds per operation of a plain Map update loop (copy-on-write of a small
 * record, like the ledger does per event), the best of three runs of 2M operations.
 */
function anchorPerOperation(): number {
  const n = 2_000_000;
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const map = new Map<number, { q: number }>();
    for (let i = 0; i < RESOURCES; i++) map.set(i, { q: 0 });
    const [, s] = time(() => {
      for (let i = 0; i < n; i++) {
        const k = (i * 7919) % RESOURCES;
        const r = map.get(k)!;
        map.set(k, { q: r.q + 1 });
      }
    });
    best = Math.min(best, s / n);
  }
  return best;
}

const ANCHOR = anchorPerOperation();
console.log(`anchor: ${(ANCHOR * 1e9).toFixed(1)} ns of CPU per Map update\n`);

function ledgerEvents(n: number): EconomicEvent[] {
  const rnd = random(42);
  const owner = (r: number) => `agent-${r % AGENTS}`;
  const events: EconomicEvent[] = [];
  for (let r = 0; r < RESOURCES; r++) {
    events.push({
      id: `open-${r}`,
      action: 'raise',
      provider: owner(r),
      receiver: owner(r),
      resourceQuantity: { hasNumericalValue: 1_000_000, hasUnit: 'kilogram' },
      newInventoriedResource: { id: `r-${r}`, conformsTo: `spec-${r % 50}` },
    });
  }
  for (let i = events.length; i < n; i++) {
    const from = Math.floor(rnd() * RESOURCES);
    const kind = rnd();
    if (kind < 0.5) {
      // Same owner family so that rights may move: to-resource of an agent with the same index.
      const to = (from + AGENTS * (1 + Math.floor(rnd() * 99))) % RESOURCES;
      events.push({
        id: `e-${i}`,
        action: 'transfer',
        provider: owner(from),
        receiver: owner(to),
        resourceInventoriedAs: `r-${from}`,
        toResourceInventoriedAs: `r-${to}`,
        resourceQuantity: { hasNumericalValue: 1 + Math.floor(rnd() * 5), hasUnit: 'kilogram' },
      });
    } else if (kind < 0.8) {
      events.push({
        id: `e-${i}`,
        action: 'consume',
        provider: owner(from),
        receiver: owner(from),
        resourceInventoriedAs: `r-${from}`,
        resourceQuantity: { hasNumericalValue: 250, hasUnit: 'gram' },
      });
    } else {
      events.push({
        id: `e-${i}`,
        action: 'produce',
        provider: owner(from),
        receiver: owner(from),
        resourceInventoriedAs: `r-${from}`,
        resourceQuantity: { hasNumericalValue: 2, hasUnit: 'kilogram' },
      });
    }
  }
  return events;
}

function proposals(n: number, purpose: 'offer' | 'request', seed: number): Proposal[] {
  const rnd = random(seed);
  const out: Proposal[] = [];
  for (let i = 0; i < n; i++) {
    const classes = [`wd:Q${1 + Math.floor(rnd() * 500)}`];
    if (rnd() < 0.5) classes.push(`wd:Q${1 + Math.floor(rnd() * 500)}`);
    out.push({
      id: `${purpose}-${i}`,
      purpose,
      proposer: `${purpose}-agent-${i}`,
      unitBased: false,
      eligibleLocation: { lat: 43 + rnd() * 6, long: -1 + rnd() * 8 },
      publishes: [
        {
          id: `${purpose}-${i}#0`,
          action: 'transfer',
          resourceClassifiedAs: classes,
          resourceQuantity: { hasNumericalValue: 1 + Math.floor(rnd() * 20), hasUnit: 'kilogram' },
        },
      ],
      reciprocal: [],
    });
  }
  return out;
}

function km(a: SpatialThing, b: SpatialThing): number | undefined {
  if (a.lat === undefined || a.long === undefined || b.lat === undefined || b.long === undefined)
    return undefined;
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.long - a.long) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

console.log('ledger: replay of N events over 10k resources (50% transfers, 30% consume, 20% produce)');
console.log('N\tCPU s\twall s\tevents/s (CPU)\tper event / anchor\tgrowth (CPU time ×, for N ×2)');
let previous: number | undefined;
for (const n of [125_000, 250_000, 500_000, 1_000_000]) {
  const events = ledgerEvents(n);
  const [result, s, wall] = time(() => replayLedger(events));
  if (result.rejections.length > 0)
    throw new Error(`unexpected rejection: ${result.rejections[0]!.error.code}`);
  console.log(
    `${fmt(n)}\t${s.toFixed(2)}\t${wall.toFixed(2)}\t${fmt(n / s)}\t${(s / n / ANCHOR).toFixed(0)}×\t${previous ? (s / previous).toFixed(2) : '-'}`,
  );
  previous = s;
}

console.log('\nmatching: N needs × N offers, 500 Wikidata classes, locations in a 6°×8° box, max 100 km');
console.log('N\tCPU s\twall s\tcandidates\tneeds/s (CPU)\tper need / anchor\tgrowth (CPU time ×, for N ×2)');
previous = undefined;
for (const n of [1250, 2500, 5000, 10_000]) {
  const needs = proposals(n, 'request', 1);
  const offers = proposals(n, 'offer', 2);
  const [result, s, wall] = time(() => match(needs, offers, { distance: km, maxDistance: 100 }));
  console.log(
    `${fmt(n)}\t${s.toFixed(2)}\t${wall.toFixed(2)}\t${fmt(result.length)}\t${fmt(n / s)}\t${(s / n / ANCHOR).toFixed(0)}×\t${previous ? (s / previous).toFixed(2) : '-'}`,
  );
  previous = s;
}
