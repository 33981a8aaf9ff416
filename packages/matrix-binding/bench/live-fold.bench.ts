/**
 * The follower's own part of a live event, without a homeserver: a {@link FollowedLog} keeping the
 * decisions fold takes a generated decisions room of N events (rounds of a proposal, about twenty
 * votes and a few revotes, now and then a delegation, every ten rounds the authority's tick: the
 * shape of the long-history bench's rooms) in pages of 1000, then one vote at a time, each placed
 * after the last event, as a live follower takes it. For each size it reports the median time to
 * place one vote and fold it, and to read the decisions replay evaluated now (what an application
 * shows after each change). Neither should grow with N. Each size runs in a process of its own.
 *
 * Run: `pnpm --filter @imago/matrix-binding bench` (builds first, then runs the long-history bench),
 * or after a build: `node bench/live-fold.bench.ts --sizes 1000,5000,20000 --samples 3`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FollowedLog, type RawMatrixEvent } from '@imago/matrix-binding';

const ROOM = '!decisions:bench';
const PERIOD = 60_000;
const MEMBERS = Array.from({ length: 30 }, (_, i) => `@member${i}:bench`);
const AUTHORITY = '@service:bench';

let seed = 0x5eed;
const random = (): number => {
  seed = (seed * 1_103_515_245 + 12_345) >>> 0;
  return seed / 2 ** 32;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** A decisions room of about `size` events, and the decision still open at its end. */
function generate(size: number): { events: RawMatrixEvent[]; decision: string; clock: number } {
  const events: RawMatrixEvent[] = [];
  let clock = 1_000;
  const push = (sender: string, type: string, content: unknown, extra: object = {}): string => {
    clock += 100;
    const event_id = `$e${events.length + 1}`;
    events.push({ event_id, room_id: ROOM, sender, origin_server_ts: clock, type, content, ...extra });
    return event_id;
  };
  push(MEMBERS[0] as string, 'm.room.create', { room_version: '12' }, { state_key: '' });
  for (const user of [...MEMBERS, AUTHORITY])
    push(user, 'm.room.member', { membership: 'join' }, { state_key: user });
  push(MEMBERS[0] as string, 'org.imago.governance.init', {
    authority: [AUTHORITY],
    table: {
      rules: {
        'change-control-table': { protocol: 'consensus', duration: PERIOD },
        'spend-resource': {
          protocol: 'democracy',
          method: 'plurality',
          quorum: 0,
          threshold: { 'org.imago.decimal': '0.5' },
          duration: PERIOD,
          ballot: 'public',
          delegation: true,
          group_delegation: 'majority',
        },
      },
    },
  });
  let decision = '';
  for (let round = 0; events.length < size; round++) {
    decision = push(pick(MEMBERS), 'org.imago.governance.propose', {
      kind: 'spend-resource',
      title: `Round ${round}`,
      action: { amount: round },
    });
    const voters = [...MEMBERS].sort(() => random() - 0.5).slice(0, 20);
    for (const voter of [...voters, ...voters.slice(0, 3)])
      push(voter, 'org.imago.governance.vote', { decision, ballot: random() < 0.6 ? [1, 0] : [0, 1] });
    if (random() < 0.3) {
      const member = pick(MEMBERS);
      const to = pick(MEMBERS.filter((m) => m !== member));
      const delegations = random() < 0.8 ? [{ scope: { type: 'group' }, to: { member: to } }] : [];
      push(member, 'org.imago.governance.delegations', { delegations }, { state_key: member });
    }
    if ((round + 1) % 10 === 0) {
      clock += PERIOD;
      push(AUTHORITY, 'org.imago.governance.tick', {});
    }
  }
  return { events, decision, clock };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] as number;

/** One sample: folds the room, then times live votes. */
function sample(size: number): Record<string, number> {
  const { events, decision, clock } = generate(size);
  const followed = new FollowedLog(ROOM, { decisions: true });
  let started = performance.now();
  for (let i = 0; i < events.length; i += 1000) {
    const after = i === 0 ? null : ((events[i - 1] as RawMatrixEvent).event_id as string);
    followed.receive({ after, events: events.slice(i, i + 1000) });
  }
  const history = performance.now() - started;
  const fold: number[] = [];
  const view: number[] = [];
  let last = (events.at(-1) as RawMatrixEvent).event_id as string;
  for (let i = 0; i < 25; i++) {
    const vote = {
      event_id: `$live${i}`,
      room_id: ROOM,
      sender: MEMBERS[i % MEMBERS.length] as string,
      origin_server_ts: clock + 100 * (i + 1),
      type: 'org.imago.governance.vote',
      content: { decision, ballot: [1, 0] },
    };
    started = performance.now();
    const change = followed.receive({ after: last, events: [vote] });
    fold.push(performance.now() - started);
    if (change?.rebuilt !== false) throw new Error('a live vote at the end rebuilt the log');
    started = performance.now();
    followed.decisions(clock + 100 * (i + 1));
    view.push(performance.now() - started);
    last = vote.event_id;
  }
  return { events: events.length, history, foldMs: median(fold), viewMs: median(view) };
}

const argv = process.argv.slice(2);
if (argv[0] === '--sample') {
  process.stdout.write(`${JSON.stringify(sample(Number(argv[1])))}\n`);
  process.exit(0);
}
const options = new Map<string, string>();
for (let i = 0; i < argv.length; i += 2)
  options.set((argv[i] as string).replace(/^--/, ''), argv[i + 1] ?? '');
const sizes = (options.get('sizes') ?? '1000,5000,20000').split(',').map(Number);
const samples = Number(options.get('samples') ?? 3);
const self = fileURLToPath(import.meta.url);
const load = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
process.stderr.write(`[bench] machine load at start: ${load()}\n`);

const results = new Map<number, Record<string, number>[]>();
for (let s = 0; s < samples; s++) {
  for (const size of s % 2 === 0 ? sizes : [...sizes].reverse()) {
    const run = spawnSync(process.execPath, [self, '--sample', String(size)], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`sample of ${size} failed: ${run.stderr}`);
    results.set(size, [...(results.get(size) ?? []), JSON.parse(run.stdout)]);
  }
}
const lines = [
  '| events | history fold (pages of 1000) | one live vote: placed and folded | decisions replay evaluated now |',
  '|---|---|---|---|',
];
for (const size of sizes) {
  const list = results.get(size) ?? [];
  const of = (key: string) => median(list.map((f) => f[key] as number));
  lines.push(
    `| ${of('events').toLocaleString('en')} | ${(of('history') / 1000).toFixed(2)} s | ${of('foldMs').toFixed(2)} ms | ${of('viewMs').toFixed(2)} ms |`,
  );
}
process.stdout.write(
  `\n${lines.join('\n')}\n\n${samples} sample(s) per size, medians; live figures: median of 25 votes per sample.\n`,
);
process.stderr.write(`[bench] machine load at end: ${load()}\n`);
