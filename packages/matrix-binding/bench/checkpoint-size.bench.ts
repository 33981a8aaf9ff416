/**
 * What the authority's checkpoint of a long-history bench room weighs (`long-history-room.ts`), and
 * which parts of the decisions fold's snapshot make it up: for each part, the bytes the encoded
 * snapshot loses without it; and the gzip-compressed length that `postCheckpoint` uploads. Reads the whole room once (its homeserver kept under `.cache/bench/`).
 *
 * Run: `node bench/checkpoint-size.bench.ts postgres 20000` (a database and a room size the
 * long-history bench generated).
 */
import {
  appendToRoomLog,
  createImagoClient,
  DecisionsFold,
  emptyRoomLog,
  encodeFoldSnapshot,
  fetchRoomHistory,
  gzipSnapshot,
} from '@imago/matrix-binding';
import { type Database, homeserverOf, readManifest } from './long-history-room.ts';

const database = (process.argv[2] ?? 'postgres') as Database;
const size = process.argv[3] ?? '20000';
const manifest = readManifest(database);
const room = manifest?.rooms[size];
if (!manifest || !room)
  throw new Error(`no ${database} room of ${size} events: run the long-history bench first`);
const homeserver = await homeserverOf(database).start();
try {
  const client = await createImagoClient({ baseUrl: homeserver.baseUrl, ...manifest.bot });
  const history = await fetchRoomHistory(client, room.roomId);
  const snapshot = new DecisionsFold()
    .add(appendToRoomLog(emptyRoomLog(room.roomId), history).entries)
    .snapshot();
  const encoded = encodeFoldSnapshot(snapshot);
  const total = encoded.length;
  const without = (change: object) => total - encodeFoldSnapshot({ ...snapshot, ...change } as never).length;
  const rows = [
    `| part | bytes |`,
    `|---|---|`,
    `| whole snapshot (${history.length} events) | ${total} |`,
    `| whole snapshot, gzip (what postCheckpoint uploads) | ${(await gzipSnapshot(encoded)).length} |`,
  ];
  for (const key of Object.keys(snapshot).filter((k) => k !== 'state'))
    rows.push(`| ${key} | ${without({ [key]: undefined })} |`);
  const state = snapshot.state as unknown as Record<string, unknown>;
  for (const key of Object.keys(state))
    rows.push(`| state.${key} | ${without({ state: { ...state, [key]: undefined } })} |`);
  process.stdout.write(`${rows.join('\n')}\n`);
} finally {
  await homeserverOf(database).stop();
}
