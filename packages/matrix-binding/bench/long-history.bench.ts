/**
 * Long decisions rooms on Synapse, with SQLite and with PostgreSQL: for rooms of about 1,000,
 * 5,000 and 20,000 events, how long reading the history takes (raw `/messages` paging, limit 1000,
 * the anchor; `fetchRoomHistory`), folding it, one live vote from its sending to its being folded
 * into a follower's state, `followRoom`'s start, catching up after a reconnection (and whether the
 * history was read again), a member's first view from the authority's checkpoint, and the full
 * verification of that checkpoint in the background. Each sample runs in a process of its own,
 * databases alternating; the table gives medians and each reading time as a ratio to the raw
 * paging of the same sample.
 *
 * Run: `pnpm --filter @imago/matrix-binding bench` (builds first), or with options:
 * `node bench/long-history.bench.ts --sizes 1000,5000 --databases sqlite --samples 1`.
 * The rooms are generated once and kept with their homeserver under `.cache/bench/` (generating
 * 20,000 events takes several minutes per database).
 *
 * `--only live`: only the follower's start, the live votes and the reconnection (no other reading
 * of the whole history, no first view, no full verification, which take most of a sample's time on
 * SQLite), with the follower's forward readings (`GET /messages`) within its own part:
 * `node bench/long-history.bench.ts --sizes 20000 --databases sqlite,postgres --samples 3 --only live`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Database, ensureRoom, homeserverOf } from './long-history-room.ts';

const options = new Map<string, string>();
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2)
  options.set((argv[i] as string).replace(/^--/, ''), argv[i + 1] ?? '');
const sizes = (options.get('sizes') ?? '1000,5000,20000').split(',').map(Number);
const databases = (options.get('databases') ?? 'sqlite,postgres').split(',') as Database[];
const samples = Number(options.get('samples') ?? 3);
const only = options.get('only');
if (only !== undefined && only !== 'live') throw new Error(`--only ${only}: only \`live\` is known`);
const sampleScript = fileURLToPath(new URL('./long-history-sample.ts', import.meta.url));

const load = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
process.stderr.write(`[bench] machine load at start: ${load()}\n`);

for (const database of databases) {
  const homeserver = await homeserverOf(database).start();
  for (const size of sizes) await ensureRoom(database, size, homeserver);
}

type Figures = Record<string, number | boolean | string>;
const results = new Map<string, Figures[]>();
for (let sample = 0; sample < samples; sample++) {
  const order = sample % 2 === 0 ? databases : [...databases].reverse();
  for (const size of sizes) {
    for (const database of order) {
      process.stderr.write(`[bench] sample ${sample + 1}/${samples}: ${database}, ${size} events\n`);
      const run = spawnSync(
        process.execPath,
        [sampleScript, database, String(size), String(sample), ...(only ? [only] : [])],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
          maxBuffer: 1 << 24,
        },
      );
      if (run.status !== 0) throw new Error(`sample ${database} ${size} failed (${run.status})`);
      const figures = JSON.parse(run.stdout.trim().split('\n').at(-1) as string) as Figures;
      const key = `${database} ${size}`;
      results.set(key, [...(results.get(key) ?? []), figures]);
    }
  }
}
for (const database of databases) await homeserverOf(database).stop();

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] as number;
const of = (list: Figures[], key: string) => median(list.map((f) => Number(f[key])));
const ratio = (list: Figures[], key: string) => median(list.map((f) => Number(f[key]) / Number(f.rawPaging)));
const s = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} s`;

if (only === 'live') {
  liveTable();
  process.exit(0);
}

const lines = [
  '| database | events | raw `/messages` paging (limit 1000) | `fetchRoomHistory` | fold (append + replay) | one live vote: send → applied | `followRoom` start | reconnection (history requests) | first view via checkpoint | full background verification | snapshot |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
];
for (const database of databases) {
  for (const size of sizes) {
    const list = results.get(`${database} ${size}`) ?? [];
    if (list.length === 0) continue;
    const all = (key: string) => list.every((f) => f[key] === true);
    lines.push(
      [
        database,
        of(list, 'events').toLocaleString('en'),
        s(of(list, 'rawPaging')),
        `${s(of(list, 'fetchRoomHistory'))} (×${ratio(list, 'fetchRoomHistory').toFixed(2)})`,
        s(of(list, 'fold')),
        `${of(list, 'liveVoteMs').toFixed(0)} ms (${of(list, 'liveVoteAfterSyncMs').toFixed(0)} ms; confirmed ${of(list, 'liveVoteConfirmedMs').toFixed(0)} ms)`,
        `${s(of(list, 'followRoomStart'))} (×${ratio(list, 'followRoomStart').toFixed(2)})`,
        `${(of(list, 'reconnection') * 1000).toFixed(0)} ms (${Math.max(...list.map((f) => Number(f.reconnectionHistoryRequests)))})`,
        `${s(of(list, 'firstView'))}${all('firstViewProvisional') ? '' : ' (no checkpoint)'}`,
        `${s(of(list, 'verification'))} (×${ratio(list, 'verification').toFixed(2)})${all('verificationOk') ? '' : ' MISMATCH'}`,
        `${(of(list, 'checkpointBytes') / 1e6).toFixed(2)} MB`,
      ]
        .join(' | ')
        .replace(/^/, '| ')
        .concat(' |'),
    );
  }
}
process.stdout.write(`\n${lines.join('\n')}\n\n`);
process.stdout.write(
  `${samples} sample(s) per cell, medians; (×r): ratio to the raw paging of the same sample. ` +
    'One live vote: median of 7, from sending it to its being folded into the service’s follower (as sync delivers it, provisionally); ' +
    'in parentheses from its delivery by sync (the follower’s own part), and from sending it to its place being confirmed by the follower’s forward reading. ' +
    'Reconnection: 20 votes sent while the follower’s client was stopped, from its restart until they are folded; ' +
    'in parentheses the history requests it made (0: the history was not read again).\n',
);
process.stderr.write(`[bench] machine load at end: ${load()}\n`);

/** The table of `--only live`. */
function liveTable(): void {
  const rows = [
    '| database | events | one live vote: send → applied | the send answered | the follower’s own part | send → place confirmed | rebuilds | `followRoom` start | reconnection (history requests) |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const database of databases) {
    for (const size of sizes) {
      const list = results.get(`${database} ${size}`) ?? [];
      if (list.length === 0) continue;
      const digits = (x: number) => x.toFixed(Math.abs(x) < 10 ? 1 : 0);
      const ms = (key: string) => `${digits(of(list, key))} ms`;
      const each = (key: string) => list.map((f) => digits(Number(f[key]))).join(', ');
      const rebuilds = list.reduce((sum, f) => sum + Number(f.liveVoteRebuilds), 0);
      rows.push(
        `| ${database} | ${of(list, 'events').toLocaleString('en')} | ${ms('liveVoteMs')} (${each('liveVoteMs')}) | ` +
          `${ms('liveVoteAcceptedMs')} (${each('liveVoteAcceptedMs')}) | ${ms('liveVoteAfterSyncMs')} (${each('liveVoteAfterSyncMs')}) | ${ms('liveVoteConfirmedMs')} (${each('liveVoteConfirmedMs')}) | ` +
          `${rebuilds} of ${7 * list.length} | ${s(of(list, 'followRoomStart'))} | ` +
          `${(of(list, 'reconnection') * 1000).toFixed(0)} ms (${Math.max(...list.map((f) => Number(f.reconnectionHistoryRequests)))}) |`,
      );
    }
  }
  process.stdout.write(`\n${rows.join('\n')}\n\n`);
  process.stdout.write(
    `${samples} sample(s) per cell: medians, each sample’s median in parentheses. One live vote: median of 7 per sample, ` +
      'from sending it to its being folded into the service’s follower (as sync delivers it, provisionally); the send answered: ' +
      'the homeserver’s answer to the member’s `PUT /send` (the event is stored); the follower’s own part runs from sync’s delivery; ' +
      'its place is confirmed when the follower’s forward reading (`GET /messages`) has placed it; rebuilds: votes whose place the reading changed. Reconnection as in the full table.\n',
  );
  process.stderr.write(`[bench] machine load at end: ${load()}\n`);
}
