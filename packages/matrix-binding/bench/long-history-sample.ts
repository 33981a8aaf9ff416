/**
 * One sample of the long-history bench, in a process of its own, on one room of the bench
 * (`long-history-room.ts`): reads the room every way there is and follows it live, timing each,
 * and prints the figures as one line of JSON. Run by `long-history.bench.ts`; by hand:
 * `node bench/long-history-sample.ts sqlite 1000 [sample] [live]`; with `live`, only the follower's start,
 * the live votes and the reconnection.
 */
import {
  appendToRoomLog,
  createImagoClient,
  emptyRoomLog,
  fetchRoomHistory,
  followDecisions,
  followRoom,
  postCheckpoint,
  type RoomFollower,
  replayDecisions,
} from '@imago/matrix-binding';
import { ClientEvent, type MatrixClient, RoomEvent, SyncState } from 'matrix-js-sdk';
import { type BenchUser, type Database, readManifest, request, send } from './long-history-room.ts';

const [database, sizeArgument, sampleArgument, only] = process.argv.slice(2) as [
  Database,
  string,
  string?,
  string?,
];
const liveOnly = only === 'live';
const manifest = readManifest(database);
const room = manifest?.rooms[sizeArgument];
if (!manifest || !room)
  throw new Error(`no bench room of ${sizeArgument} events on ${database}: run the bench`);
const { homeserver, bot, members } = manifest;
const roomId = room.roomId;

const silent = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  getChild: () => silent,
};

async function syncedClient(user: BenchUser): Promise<MatrixClient> {
  const client = await createImagoClient({ baseUrl: homeserver.baseUrl, ...user, logger: silent as never });
  await startSync(client);
  return client;
}

async function startSync(client: MatrixClient): Promise<void> {
  const ready = new Promise<void>((resolve) => {
    const onSync = (state: SyncState) => {
      if (state === SyncState.Prepared || state === SyncState.Syncing) {
        client.off(ClientEvent.Sync, onSync);
        resolve();
      }
    };
    client.on(ClientEvent.Sync, onSync);
  });
  await client.startClient({ initialSyncLimit: 10, lazyLoadMembers: true });
  await ready;
}

const seconds = (from: number) => (performance.now() - from) / 1000;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] as number;

/** Resolves when the follower's log holds an event, with the time it happened. */
function applied(
  follower: RoomFollower,
  waiters: Map<string, (at: number) => void>,
  eventId: string,
): Promise<number> {
  return new Promise((resolve) => {
    if (follower.log().seen.has(eventId)) resolve(performance.now());
    else waiters.set(eventId, resolve);
  });
}

const figures: Record<string, unknown> = { database, size: Number(sizeArgument) };

// Reading the whole history: raw /messages paging (the anchor) and the binding's reader, one
// before the other in alternate samples.
const rawPaging = async () => {
  const started = performance.now();
  let events = 0;
  let pages = 0;
  let from: string | undefined;
  for (;;) {
    const query = `dir=b&limit=1000${from ? `&from=${encodeURIComponent(from)}` : ''}`;
    const path = `/rooms/${encodeURIComponent(roomId)}/messages?${query}`;
    const page = await request(homeserver, bot, 'GET', path);
    pages++;
    events += (page.chunk as unknown[]).length;
    if (!page.end || (page.chunk as unknown[]).length === 0) break;
    from = page.end as string;
  }
  figures.events = events;
  figures.rawPaging = seconds(started);
  figures.rawPages = pages;
};
const botClient = await syncedClient(bot);
let history: Awaited<ReturnType<typeof fetchRoomHistory>> = [];
const binding = async () => {
  const started = performance.now();
  history = await fetchRoomHistory(botClient, roomId);
  figures.fetchRoomHistory = seconds(started);
};
if (liveOnly) {
  // No reading of the whole history but the follower's own.
} else if (Number(sampleArgument ?? 0) % 2 === 0) {
  await rawPaging();
  await binding();
} else {
  await binding();
  await rawPaging();
}

let start = performance.now();
if (!liveOnly) {
  const replay = replayDecisions(appendToRoomLog(emptyRoomLog(roomId), history));
  figures.fold = seconds(start);
  figures.decisions = replay.state.decisions.size;
}

// The service follows the room: start, then a checkpoint of its fold.
const waiters = new Map<string, (at: number) => void>();
start = performance.now();
const follower = await followRoom(botClient, roomId, {
  decisions: true,
  onChange: (log) => {
    for (const [id, resolve] of waiters) {
      if (log.seen.has(id)) {
        waiters.delete(id);
        resolve(performance.now());
      }
    }
  },
});
figures.followRoomStart = seconds(start);
if (liveOnly) figures.events = follower.events().length;
else {
  start = performance.now();
  const base = follower.snapshot();
  if (!base) throw new Error('the follower has no fold');
  const checkpoint = await postCheckpoint(botClient, roomId, base);
  figures.checkpointPost = seconds(start);
  figures.checkpointBytes = checkpoint.size;
}

// One live vote at a time, from its sending to its being folded into the service's state.
const proposer = members[1] as BenchUser;
const decision = (
  await send(homeserver, proposer, roomId, 'org.imago.governance.propose', {
    kind: 'spend-resource',
    title: 'Bench',
    action: { amount: 1 },
  })
).event_id as string;
await applied(follower, waiters, decision);
// Also when sync delivered it to the service's client (a listener called before the follower's):
// what follows is the follower's own part.
const delivered = new Map<string, number>();
botClient.prependListener(RoomEvent.Timeline, (event) => {
  const id = event.getId();
  if (id && !delivered.has(id)) delivered.set(id, performance.now());
});
// A vote is applied as sync delivers it, provisionally; the follower's next forward reading (`GET
// /messages?dir=f`) confirms its place in the room's order.
const votes: number[] = [];
const accepted: number[] = [];
const afterSync: number[] = [];
const confirmed: number[] = [];
const rebuildsBefore = follower.stats().rebuilds;
for (let i = 0; i < 7; i++) {
  const voter = members[2 + i] as BenchUser;
  const sent = performance.now();
  const id = (
    await send(homeserver, voter, roomId, 'org.imago.governance.vote', { decision, ballot: [1, 0] })
  ).event_id as string;
  accepted.push(performance.now() - sent);
  const at = await applied(follower, waiters, id);
  const since = delivered.get(id) ?? sent;
  votes.push(at - sent);
  afterSync.push(at - since);
  await follower.settled();
  if (follower.unconfirmed() !== 0) throw new Error(`${follower.unconfirmed()} events still unconfirmed`);
  confirmed.push(performance.now() - sent);
}
figures.liveVoteMs = median(votes);
figures.liveVoteAcceptedMs = median(accepted);
figures.liveVoteAfterSyncMs = median(afterSync);
figures.liveVoteConfirmedMs = median(confirmed);
figures.liveVoteRebuilds = follower.stats().rebuilds - rebuildsBefore;
const ballots = follower.decisions()?.state.decisions.get(decision)?.participation;
figures.liveVotesCounted = ballots?.protocol === 'democracy' ? ballots.ballots.size : 0;

// Reconnection: the service's client goes offline while 20 votes come, then syncs again.
const before = follower.stats();
botClient.stopClient();
let last = '';
for (let i = 0; i < 20; i++) {
  const voter = members[(i % 25) + 3] as BenchUser;
  last = (await send(homeserver, voter, roomId, 'org.imago.governance.vote', { decision, ballot: [0, 1] }))
    .event_id as string;
}
start = performance.now();
const caughtUp = applied(follower, waiters, last);
await startSync(botClient);
await caughtUp;
figures.reconnection = seconds(start);
const after = follower.stats();
figures.reconnectionHistoryRequests = after.historyRequests - before.historyRequests;
figures.reconnectionForwardEvents = after.forwardEvents - before.forwardEvents;

if (liveOnly) {
  follower.stop();
  botClient.stopClient();
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  process.exit(0);
}

// A member opens the room: first view from the service's checkpoint, full verification behind.
const memberClient = await syncedClient(members[4] as BenchUser);
start = performance.now();
const opened = await followDecisions(memberClient, roomId, { authority: [bot.userId] });
figures.firstView = seconds(start);
figures.firstViewProvisional = opened.provisional();
figures.firstViewDecisions = opened.decisions()?.state.decisions.size;
const verification = await opened.verification;
figures.verification = seconds(start);
figures.verificationOk = verification.ok;
figures.serviceDecisions = follower.decisions()?.state.decisions.size;

opened.stop();
follower.stop();
botClient.stopClient();
memberClient.stopClient();
process.stdout.write(`${JSON.stringify(figures)}\n`);
process.exit(0);
