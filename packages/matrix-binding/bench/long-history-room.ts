/**
 * The long decisions rooms the long-history bench reads: a group of 30 members and a service
 * account (the group's authority) on a Synapse of the bench's own (`scripts/synapse.sh`, SQLite or
 * PostgreSQL), whose decisions room holds about N events — proposals, votes and revotes,
 * delegations, the authority's ticks that settle decisions. Generating 20,000 events takes
 * minutes, so the homeserver's data and a manifest (users, tokens, rooms) stay under
 * `.cache/bench/`; later runs reuse them and only add what a size lacks.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { registerUser, type TestHomeserver } from '@imago/matrix-binding/testing';
import { DedicatedSynapse } from '../test/support/dedicated-synapse.ts';

export type Database = 'sqlite' | 'postgres';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
const cache = `${root}.cache/bench`;

export interface BenchUser {
  readonly userId: string;
  readonly accessToken: string;
  readonly deviceId: string;
}

export interface BenchRoom {
  readonly spaceId: string;
  readonly roomId: string;
  /** Events sent in the room (its creation included), as of the last generation or sample. */
  events: number;
  /** The open decision samples vote on. */
  decision?: string;
}

export interface Manifest {
  readonly homeserver: TestHomeserver;
  readonly bot: BenchUser;
  readonly members: readonly BenchUser[];
  readonly rooms: Record<string, BenchRoom>;
}

const instance = (database: Database) => `bench-long-history-${database}`;
const manifestPath = (database: Database) => `${cache}/long-history-${database}.json`;

/** The bench's homeserver for a database (its data kept under `.cache/`). */
export const homeserverOf = (database: Database) => new DedicatedSynapse(instance(database), { database });

export function readManifest(database: Database): Manifest | undefined {
  return existsSync(manifestPath(database))
    ? (JSON.parse(readFileSync(manifestPath(database), 'utf8')) as Manifest)
    : undefined;
}

export function writeManifest(database: Database, manifest: Manifest): void {
  mkdirSync(cache, { recursive: true });
  writeFileSync(manifestPath(database), `${JSON.stringify(manifest, null, 2)}\n`);
}

let txn = 0;

/** A client-server request as a user, without any Imago code. */
export async function request(
  homeserver: TestHomeserver,
  user: BenchUser,
  method: string,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(`${homeserver.baseUrl}/_matrix/client/v3${path}`, {
      method,
      headers: { authorization: `Bearer ${user.accessToken}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.ok) return json;
    if (attempt < 5 && response.status >= 500) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  }
}

export function send(
  homeserver: TestHomeserver,
  user: BenchUser,
  roomId: string,
  type: string,
  content: unknown,
): Promise<Record<string, unknown>> {
  const path = `/rooms/${encodeURIComponent(roomId)}/send/${encodeURIComponent(type)}/bench-${Date.now()}-${++txn}`;
  return request(homeserver, user, 'PUT', path, content);
}

function state(
  homeserver: TestHomeserver,
  user: BenchUser,
  roomId: string,
  type: string,
  key: string,
  content: unknown,
) {
  const path = `/rooms/${encodeURIComponent(roomId)}/state/${encodeURIComponent(type)}/${encodeURIComponent(key)}`;
  return request(homeserver, user, 'PUT', path, content);
}

let seed = 0x5eed;
const random = (): number => {
  seed = (seed * 1_103_515_245 + 12_345) >>> 0;
  return seed / 2 ** 32;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** A decision's period in the bench's table: real time passes while events are generated. */
export const PERIOD = 60_000;

async function newManifest(database: Database, homeserver: TestHomeserver): Promise<Manifest> {
  const run = Date.now().toString(36);
  const session = async (name: string): Promise<BenchUser> => {
    const { userId, accessToken, deviceId } = await registerUser(homeserver, `${name}-${run}`);
    return { userId, accessToken, deviceId };
  };
  const bot = await session('service');
  const members: BenchUser[] = [];
  for (let i = 0; i < 30; i++) members.push(await session(`member${i}`));
  const manifest = { homeserver, bot, members, rooms: {} };
  writeManifest(database, manifest);
  return manifest;
}

async function newRoom(manifest: Manifest): Promise<BenchRoom> {
  const { homeserver, bot, members } = manifest;
  const { createGroup, createImagoClient, initControlTable } = await import('@imago/matrix-binding');
  const founder = members[0] as BenchUser;
  const nothing = () => undefined;
  const logger = {
    trace: nothing,
    debug: nothing,
    info: nothing,
    warn: nothing,
    error: nothing,
    getChild: () => logger,
  };
  const client = await createImagoClient({ baseUrl: homeserver.baseUrl, ...founder, logger });
  const group = await createGroup(client, {
    profile: { name: 'Long history' },
    rooms: ['decisions'],
    invite: [bot.userId, ...members.slice(1).map((m) => m.userId)],
    authority: [bot.userId],
  });
  const roomId = group.rooms.decisions as string;
  for (const user of [bot, ...members.slice(1)]) {
    for (const id of [group.spaceId, roomId])
      await request(homeserver, user, 'POST', `/join/${encodeURIComponent(id)}`, {});
  }
  await initControlTable(
    client,
    roomId,
    {
      rules: {
        'change-control-table': { protocol: 'consensus', duration: PERIOD },
        'spend-resource': {
          protocol: 'democracy',
          method: 'plurality',
          quorum: 0,
          threshold: 0.5,
          duration: PERIOD,
          ballot: 'public',
          delegation: true,
          groupDelegation: 'majority',
        },
      },
    },
    [bot.userId],
  );
  client.stopClient();
  const messages = await request(
    homeserver,
    bot,
    'GET',
    `/rooms/${encodeURIComponent(roomId)}/messages?dir=b&limit=1000`,
  );
  return { spaceId: group.spaceId, roomId, events: (messages.chunk as unknown[]).length };
}

/**
 * Adds rounds of governance to a room until it holds `size` events: a proposal, votes of about
 * twenty members and a few revotes, now and then a member's delegation, and every ten rounds the
 * authority's tick, which settles the decisions whose period ended.
 */
async function grow(manifest: Manifest, room: BenchRoom, size: number, save: () => void): Promise<void> {
  const { homeserver, bot, members } = manifest;
  let round = 0;
  const started = Date.now();
  while (room.events < size) {
    const proposer = pick(members);
    const decision = (
      await send(homeserver, proposer, room.roomId, 'org.imago.governance.propose', {
        kind: 'spend-resource',
        title: `Round ${round}`,
        action: { amount: round },
      })
    ).event_id as string;
    room.decision = decision;
    room.events++;
    const voters = [...members].sort(() => random() - 0.5).slice(0, 20);
    const ballots = [...voters, ...voters.slice(0, 3)].map((voter) => ({
      voter,
      ballot: random() < 0.6 ? [1, 0] : [0, 1],
    }));
    for (let i = 0; i < ballots.length; i += 6) {
      await Promise.all(
        ballots
          .slice(i, i + 6)
          .map(({ voter, ballot }) =>
            send(homeserver, voter, room.roomId, 'org.imago.governance.vote', { decision, ballot }),
          ),
      );
    }
    room.events += ballots.length;
    if (random() < 0.3) {
      const member = pick(members);
      const to = pick(members.filter((m) => m !== member));
      const delegations = random() < 0.8 ? [{ scope: { type: 'group' }, to: { member: to.userId } }] : [];
      await state(homeserver, member, room.roomId, 'org.imago.governance.delegations', member.userId, {
        delegations,
      });
      room.events++;
    }
    if (++round % 10 === 0) {
      await send(homeserver, bot, room.roomId, 'org.imago.governance.tick', {});
      room.events++;
      save();
      const rate = (room.events / ((Date.now() - started) / 1000)).toFixed(0);
      process.stderr.write(`\r[bench] ${room.events}/${size} events (${rate}/s)   `);
    }
  }
  process.stderr.write('\n');
  save();
}

/**
 * The bench's room of a given size on a database, generated (or completed) if needed.
 *
 * @returns the manifest and the room.
 */
export async function ensureRoom(
  database: Database,
  size: number,
  homeserver: TestHomeserver,
): Promise<{ manifest: Manifest; room: BenchRoom }> {
  const known = readManifest(database);
  const manifest =
    known && known.homeserver.baseUrl === homeserver.baseUrl
      ? known
      : await newManifest(database, homeserver);
  const key = String(size);
  let room = manifest.rooms[key];
  if (!room) {
    room = await newRoom(manifest);
    manifest.rooms[key] = room;
    writeManifest(database, manifest);
  }
  if (room.events < size) {
    process.stderr.write(`[bench] generating ${size} events on ${database}\n`);
    const current = room;
    await grow(manifest, current, size, () => writeManifest(database, manifest));
  }
  return { manifest, room };
}
