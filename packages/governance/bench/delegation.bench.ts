/**
 * Liquid-democracy throughput: 100,000 members, 1,000,000 delegation events.
 *
 * 1. Anchor: the same 1,000,000 (member, scope) → target writes into one mutable `Map`, i.e. the
 *    least any implementation must do to record the delegations.
 * 2. `replay` of the 1,000,000 `org.imago.governance.delegate` / `revoke` events through the
 *    pure reducer (parsing, duplicate detection, persistent state).
 * 3. A public democracy decision over the 100,000 members with 10,000 direct voters, closed by a
 *    tick: delegation resolution (transitive chains, cycles, 20 group delegates) and the count.
 * 4. `resolveDelegations` alone on the final delegation graph.
 *
 * Prints throughput (CPU time: the machine may be shared) and the ratio of each phase to the
 * anchor measured in this same run.
 * Run: `pnpm bench:delegation` (builds first). `IMAGO_BENCH_EVENTS`, `IMAGO_BENCH_MEMBERS` override sizes.
 */
import { performance } from 'node:perf_hooks';
import type * as Governance from '../src/index';
import type { DelegationTarget } from '../src/index';
import { seededRandom } from './seeded-random.ts';

// The built package (so the bench measures what users run); types come from the sources.
const distribution = '../dist/index.js';
const { effectiveDelegation, evaluateAt, reduce, replay, resolveDelegations } = (await import(
  distribution
)) as typeof Governance;

const MEMBERS = Number(process.env.IMAGO_BENCH_MEMBERS ?? 100_000);
const EVENTS = Number(process.env.IMAGO_BENCH_EVENTS ?? 1_000_000);
const GROUPS = 20;
const DAY = 86_400_000;

const random = seededRandom(0x5eed1234);
const pick = (n: number): number => Math.floor(random() * n);

const memberIds = Array.from({ length: MEMBERS }, (_, i) => `@m${i}:example.org`);
const members = new Set(memberIds);
const groupMembers = new Map<string, Set<string>>();
for (let g = 0; g < GROUPS; g++) {
  groupMembers.set(
    `!group${g}:example.org`,
    new Set(Array.from({ length: 500 }, () => memberIds[pick(MEMBERS)]!)),
  );
}
const context = { members, resolveGroup: (group: string) => groupMembers.get(group) };

/** Delegations concentrate on "experts" (a few hundred members), as in real liquid democracies. */
function target(): DelegationTarget {
  const roll = random();
  if (roll < 0.02) return { group: `!group${pick(GROUPS)}:example.org` };
  if (roll < 0.6) return { member: memberIds[pick(500)]! };
  return { member: memberIds[pick(MEMBERS)]! };
}

console.error(`generating ${EVENTS.toLocaleString()} events for ${MEMBERS.toLocaleString()} members…`);
const table = {
  rules: {
    'change-control-table': { protocol: 'consensus', duration: DAY },
    'publish-text': { protocol: 'democracy', method: 'plurality', duration: DAY, delegation: true },
  },
};
const events: unknown[] = [
  { id: '$init', sender: memberIds[0], timestamp: 0, type: 'org.imago.governance.init', content: { table } },
];
const writes: [string, string, DelegationTarget | undefined][] = [];
for (let i = 0; i < EVENTS; i++) {
  const sender = memberIds[pick(MEMBERS)]!;
  const scope = random() < 0.6 ? { type: 'group' } : { type: 'kind', kind: 'publish-text' };
  const key = scope.type === 'group' ? 'group' : 'publish-text';
  if (random() < 0.1) {
    events.push({
      id: `$r${i}`,
      sender,
      timestamp: 1 + i,
      type: 'org.imago.governance.revoke',
      content: { scope },
    });
    writes.push([sender, key, undefined]);
  } else {
    let to = target();
    if ('member' in to && to.member === sender)
      to = { member: memberIds[(pick(MEMBERS - 1) + 1) % MEMBERS]! };
    events.push({
      id: `$d${i}`,
      sender,
      timestamp: 1 + i,
      type: 'org.imago.governance.delegate',
      content: { scope, to },
    });
    writes.push([sender, key, to]);
  }
}

/**
 * Wall time and CPU time (user + system) of `work`. On a shared machine the CPU time is the
 * figure to read; ratios use it.
 */
function time<T>(label: string, work: () => T): { result: T; ms: number; wall: number } {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(cpu);
  const ms = (used.user + used.system) / 1000;
  const wall = performance.now() - start;
  console.error(`${label}: ${ms.toFixed(0)} ms CPU, ${wall.toFixed(0)} ms wall`);
  return { result, ms, wall };
}

const anchor = time('anchor (mutable Map writes)', () => {
  const map = new Map<string, DelegationTarget>();
  for (const [sender, key, to] of writes) {
    if (to === undefined) map.delete(`${sender}|${key}`);
    else map.set(`${sender}|${key}`, to);
  }
  return map.size;
});

const replayed = time('replay of delegation events', () => replay(events, context));
const rejectedCount = replayed.result.rejected.length;

const decisionTime = time('democracy decision: propose, 10,000 votes, close', () => {
  let state = replayed.result.state;
  const t0 = EVENTS + 10;
  state = reduce(
    state,
    {
      id: '$decision',
      sender: memberIds[0],
      timestamp: t0,
      type: 'org.imago.governance.propose',
      content: { kind: 'publish-text', action: { text: 'bench' } },
    },
    context,
  ).state;
  for (let v = 0; v < 10_000; v++) {
    const voter = memberIds[(v * 7919) % MEMBERS]!;
    state = reduce(
      state,
      {
        id: `$v${v}`,
        sender: voter,
        timestamp: t0 + 1 + v,
        type: 'org.imago.governance.vote',
        content: { decision: '$decision', ballot: v % 3 === 0 ? [0, 1] : [1, 0] },
      },
      context,
    ).state;
  }
  return evaluateAt(state, t0 + DAY, context).state;
});
const outcome = decisionTime.result.decisions.get('$decision')?.outcome;
const delegation = outcome?.tally?.delegation;

const final = replayed.result.state;
const resolveTime = time('resolveDelegations alone (no direct voters but 500 experts)', () =>
  resolveDelegations({
    voters: memberIds,
    positionOf: (member) => (Number(member.slice(2, member.indexOf(':'))) < 500 ? 'yes' : undefined),
    delegationOf: (member) => effectiveDelegation(final.delegations.get(member), '$x', 'publish-text'),
    groupMembers: (group) => groupMembers.get(group),
    groupDelegation: 'fractional',
  }),
);

const perSecond = (count: number, ms: number) => `${Math.round((count / ms) * 1000).toLocaleString()}/s`;
console.log(
  `members ${MEMBERS.toLocaleString()}, delegation events ${EVENTS.toLocaleString()} (${rejectedCount} rejected)`,
);
console.log(
  `anchor  mutable Map writes      ${anchor.ms.toFixed(0).padStart(7)} ms CPU  ${perSecond(EVENTS, anchor.ms)}`,
);
console.log(
  `replay  reducer (pure, persistent) ${replayed.ms.toFixed(0).padStart(7)} ms CPU  ${perSecond(EVENTS, replayed.ms)}  ×${(replayed.ms / anchor.ms).toFixed(1)} anchor`,
);
console.log(
  `decide  10k votes + close       ${decisionTime.ms.toFixed(0).padStart(7)} ms CPU  ×${(decisionTime.ms / anchor.ms).toFixed(2)} anchor` +
    `  (outcome ${outcome?.status}/${outcome?.reason}; direct ${delegation?.direct}, groups ${delegation?.toGroups}, cycles ${delegation?.inCycles}, idle ${delegation?.idle}, max weight ${delegation?.maxWeight})`,
);
console.log(
  `resolve ${MEMBERS.toLocaleString()} members            ${resolveTime.ms.toFixed(0).padStart(7)} ms CPU  ${perSecond(MEMBERS, resolveTime.ms)}  ×${(resolveTime.ms / anchor.ms).toFixed(2)} anchor` +
    `  (max weight ${resolveTime.result.maxWeight}, ${resolveTime.result.cycles.length} cycles)`,
);
