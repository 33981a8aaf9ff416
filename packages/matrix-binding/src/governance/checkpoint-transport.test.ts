/**
 * The transport of a checkpoint: its content's `encoding` and `encodedSize`, gzip both ways, and the
 * limits a reader keeps against an authority's media (truncated or garbage gzip, output past the
 * announced size, another size or digest), on a synthetic decisions fold.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ContentProblem } from '../events/content-reader';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { appendToRoomLog, emptyRoomLog } from '../replay/room-log';
import { gunzipSnapshot, gzipSnapshot, readBounded } from './checkpoint-compression';
import { type CheckpointContent, MAX_CHECKPOINT_BYTES, readCheckpointContent } from './checkpoint-content';
import { parseCheckpointBytes } from './checkpoint-snapshot-bytes';
import { DecisionsFold } from './decisions-fold';
import { decodeFoldSnapshot, encodeFoldSnapshot, sha256Hex } from './fold-snapshot-codec';

const room = '!decisions:hs';
const HOUR = 3_600_000;

/** A decisions room of `decisions` proposals, each with a vote of each of `members` members. */
function syntheticHistory(decisions: number, members: number): RawMatrixEvent[] {
  let n = 0;
  const ev = (sender: string, type: string, content: unknown, extra: object = {}): RawMatrixEvent => ({
    event_id: `$${++n}`,
    room_id: room,
    sender,
    origin_server_ts: 1_000 + n * 1_000,
    type,
    content,
    ...extra,
  });
  const users = Array.from({ length: members }, (_, i) => `@member${i}:hs`);
  const events = [
    ev('@member0:hs', 'm.room.create', { room_version: '12' }, { state_key: '' }),
    ...users.map((u) => ev(u, 'm.room.member', { membership: 'join' }, { state_key: u })),
    ev('@member0:hs', 'org.imago.governance.init', {
      table: {
        rules: {
          'spend-resource': {
            protocol: 'democracy',
            method: 'plurality',
            quorum: 0,
            duration: HOUR,
            ballot: 'public',
          },
        },
      },
    }),
  ];
  for (let d = 0; d < decisions; d++) {
    const propose = ev(users[d % members] as string, 'org.imago.governance.propose', {
      kind: 'spend-resource',
      action: { amount: d },
    });
    events.push(propose);
    for (const [i, user] of users.entries())
      events.push(
        ev(user, 'org.imago.governance.vote', {
          decision: propose.event_id,
          ballot: [(i + d) % 2, 1 - ((i + d) % 2)],
        }),
      );
  }
  return events;
}

const snapshotBytes = (decisions: number, members: number) => {
  const log = appendToRoomLog(emptyRoomLog(room), syntheticHistory(decisions, members));
  return encodeFoldSnapshot(new DecisionsFold().add(log.entries).snapshot());
};

const content = {
  event: '$last',
  entries: 12,
  sha256: 'a'.repeat(64),
  url: 'mxc://hs/abc',
  size: 100,
};

describe('the content of org.imago.checkpoint', () => {
  it('reads a content without encoding as the snapshot’s bytes themselves', () => {
    expect(readCheckpointContent(content)).toEqual(content);
  });

  it('reads a gzip content with the media’s length', () => {
    expect(readCheckpointContent({ ...content, encoding: 'gzip', encodedSize: 40 })).toEqual({
      ...content,
      encoding: 'gzip',
      encodedSize: 40,
    });
  });

  it.each([
    [{ encoding: 'br', encodedSize: 40 }, 'content.encoding'],
    [{ encoding: 'GZIP', encodedSize: 40 }, 'content.encoding'],
    [{ encoding: 1, encodedSize: 40 }, 'content.encoding'],
    [{ encoding: null, encodedSize: 40 }, 'content.encoding'],
    [{ encoding: 'gzip' }, 'content.encodedSize'],
    [{ encoding: 'gzip', encodedSize: 0 }, 'content.encodedSize'],
    [{ encoding: 'gzip', encodedSize: 1.5 }, 'content.encodedSize'],
    [{ encoding: 'gzip', encodedSize: '40' }, 'content.encodedSize'],
    [{ encoding: 'gzip', encodedSize: MAX_CHECKPOINT_BYTES + 1 }, 'content.encodedSize'],
    [{ encodedSize: 40 }, 'content.encodedSize'],
    [{ encoding: 'gzip', encodedSize: 40, size: MAX_CHECKPOINT_BYTES + 1 }, 'content.size'],
    [{ size: 0 }, 'content.size'],
  ])('refuses %j, naming %s', (change, path) => {
    let problem: unknown;
    try {
      readCheckpointContent({ ...content, ...change });
    } catch (error) {
      problem = error;
    }
    expect(problem).toBeInstanceOf(ContentProblem);
    expect((problem as ContentProblem).path).toBe(path);
  });
});

describe('gzip of a snapshot', () => {
  it('round-trips a fold’s snapshot, byte for byte, and makes it several times smaller', async () => {
    const bytes = snapshotBytes(200, 30);
    const compressed = await gzipSnapshot(bytes);
    expect(compressed[0]).toBe(0x1f); // the gzip magic number (RFC 1952, 2.3.1)
    expect(compressed[1]).toBe(0x8b);
    // The unit measurement of the ratio on this synthetic fold (200 decisions, 30 votes each).
    expect(compressed.length * 4).toBeLessThan(bytes.length);
    const inflated = await gunzipSnapshot(compressed, bytes.length);
    expect(inflated.ok && Buffer.from(inflated.value).equals(Buffer.from(bytes))).toBe(true);
    expect(inflated.ok && decodeFoldSnapshot(inflated.value).ok).toBe(true);
  });

  it('stops inflating past the limit', async () => {
    const bytes = snapshotBytes(20, 5);
    const compressed = await gzipSnapshot(bytes);
    expect(await gunzipSnapshot(compressed, bytes.length - 1)).toEqual({ ok: false, error: 'oversize' });
    expect((await gunzipSnapshot(compressed, bytes.length)).ok).toBe(true);
  });

  it('reads no more of a stream than the limit and a chunk, and cancels it', async () => {
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
      cancel() {
        cancelled = true;
      },
    });
    expect(await readBounded(endless, 10_000)).toEqual({ ok: false, error: 'oversize' });
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(15);
  });

  it('refuses truncated gzip, garbage and trailing bytes', async () => {
    const compressed = await gzipSnapshot(snapshotBytes(20, 5));
    const corrupt = { ok: false, error: 'corrupt' };
    expect(await gunzipSnapshot(compressed.subarray(0, compressed.length - 9), 1e6)).toEqual(corrupt);
    expect(await gunzipSnapshot(compressed.subarray(0, 10), 1e6)).toEqual(corrupt);
    expect(await gunzipSnapshot(new TextEncoder().encode('{"entries":1}'), 1e6)).toEqual(corrupt);
    const flipped = compressed.slice();
    flipped[flipped.length - 6] = (flipped[flipped.length - 6] as number) ^ 0xff; // the CRC-32
    expect(await gunzipSnapshot(flipped, 1e6)).toEqual(corrupt);
  });
});

describe('the snapshot’s bytes out of a checkpoint’s media', () => {
  const bytes = snapshotBytes(20, 5);
  const checkpointOf = async (snapshot: Uint8Array, change: Partial<CheckpointContent> = {}) =>
    ({
      ...content,
      sha256: await sha256Hex(snapshot),
      size: snapshot.length,
      encoding: 'gzip',
      encodedSize: 1,
      ...change,
    }) as CheckpointContent;

  it('takes the inflated bytes of the announced size and digest', async () => {
    const read = await parseCheckpointBytes(await checkpointOf(bytes), await gzipSnapshot(bytes));
    expect(read.ok && Buffer.from(read.value).equals(Buffer.from(bytes))).toBe(true);
  });

  it('takes the bytes as they are without an encoding', async () => {
    const checkpoint = await checkpointOf(bytes, { encoding: undefined, encodedSize: undefined });
    expect((await parseCheckpointBytes(checkpoint, bytes)).ok).toBe(true);
    // gzip bytes under a checkpoint that does not say so are not the snapshot.
    const read = await parseCheckpointBytes(checkpoint, await gzipSnapshot(bytes));
    expect(read.ok).toBe(false);
  });

  it.each([
    ['output larger than size', (b: Uint8Array) => b, { size: 1000 }, 'oversize', 'content.size'],
    [
      'size mismatch',
      (b: Uint8Array) => b.subarray(0, b.length - 1),
      {},
      'checkpoint-mismatch',
      'content.size',
    ],
    [
      'digest mismatch',
      (b: Uint8Array) => b.map((x, i) => (i === 3 ? x ^ 1 : x)),
      {},
      'checkpoint-mismatch',
      'content.sha256',
    ],
  ] as const)('refuses %s', async (_, alter, change, code, path) => {
    const snapshot = alter(bytes);
    const checkpoint = await checkpointOf(bytes, {
      ...change,
      ...('size' in change ? { sha256: await sha256Hex(bytes.subarray(0, 1000)) } : {}),
    });
    const read = await parseCheckpointBytes(checkpoint, await gzipSnapshot(snapshot));
    expect(read.ok ? undefined : [read.error.code, read.error.path]).toEqual([code, path]);
  });

  it('refuses truncated gzip and garbage', async () => {
    const checkpoint = await checkpointOf(bytes);
    const compressed = await gzipSnapshot(bytes);
    for (const media of [
      compressed.subarray(0, compressed.length >> 1),
      new TextEncoder().encode('not gzip'),
    ]) {
      const read = await parseCheckpointBytes(checkpoint, media);
      expect(read.ok ? undefined : [read.error.code, read.error.path]).toEqual([
        'malformed-content',
        'content.encoding',
      ]);
    }
  });

  it('inflates a gzip bomb no further than the announced size', async () => {
    // 64 MB of zeros in about 64 KB of gzip, announced as 1,000 bytes.
    const bomb = gzipSync(new Uint8Array(64 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(100 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    const read = await parseCheckpointBytes(
      { ...content, size: 1000, encoding: 'gzip', encodedSize: bomb.length },
      new Uint8Array(bomb),
    );
    expect(read.ok ? undefined : [read.error.code, read.error.path]).toEqual(['oversize', 'content.size']);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
  });
});
