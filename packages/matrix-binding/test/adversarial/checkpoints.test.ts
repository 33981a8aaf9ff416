/**
 * Checkpoints on a live Synapse. The group's authority (a service account) writes down its
 * decisions fold; a member opening the room starts from it, reads only what came after, and
 * checks it against the whole history in the background. The attackers speak raw client-server
 * HTTP: a member, and the room's creator (power 100, not the authority), try to plant a checkpoint;
 * the authority itself lies in one, points at bytes that are not those it hashed, or at a gzip bomb.
 */
import { GovernanceEventTypes } from '@imago/governance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendToRoomLog,
  closeDecision,
  createGroup,
  DecisionsFold,
  type DecisionsFollower,
  emptyRoomLog,
  encodeFoldSnapshot,
  fetchRoomHistory,
  followDecisions,
  followRoom,
  type ImagoWarning,
  initControlTable,
  joinGroup,
  postCheckpoint,
  propose,
  type RoomFollower,
  sha256Hex,
  vote,
} from '../../src/index';
import { type LiveUser, liveUser, stopAll, waitUntil } from '../support/live-users';
import { RawMatrix } from '../support/raw-matrix';
import { download, gzipBomb, upload } from '../support/raw-media';

const PERIOD = 2_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const CHECKPOINT = 'org.imago.checkpoint';

describe('checkpoints of the decisions fold (raw HTTP attackers, live Synapse)', () => {
  let service: LiveUser; // the group's authority
  let ana: LiveUser; // founder, power 100, not the authority
  let bo: LiveUser;
  let mallory: LiveUser;
  let room: string;
  let adopted: string;
  let bytes: Uint8Array; // the honest snapshot's
  let lastEvent: string;
  let checkpointEvent: string; // the last event the honest checkpoint folded
  const followers: RoomFollower[] = [];
  const open = async (warnings: ImagoWarning[] = []): Promise<DecisionsFollower> => {
    const follower = await followDecisions(bo.client, room, {
      authority: [service.userId],
      onWarning: (warning) => warnings.push(warning),
    });
    followers.push(follower);
    return follower;
  };
  const fresh = async () => {
    const log = appendToRoomLog(emptyRoomLog(room), await fetchRoomHistory(bo.client, room));
    return new DecisionsFold().add(log.entries);
  };

  beforeAll(async () => {
    [service, ana, bo, mallory] = await Promise.all([
      liveUser('service'),
      liveUser('ana'),
      liveUser('bo'),
      liveUser('mallory'),
    ]);
    const group = await createGroup(ana.client, {
      profile: { name: 'Mémoire' },
      rooms: ['decisions'],
      invite: [service.userId, bo.userId, mallory.userId],
      authority: [service.userId],
    });
    room = group.rooms.decisions as string;
    await Promise.all([service, bo, mallory].map((user) => joinGroup(user.client, group)));
    await initControlTable(
      ana.client,
      room,
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
      [service.userId],
    );
    adopted = await propose(bo.client, room, { kind: 'spend-resource', action: { amount: 30 } });
    const proposedAt = Date.now();
    await vote(bo.client, room, adopted, [1, 0]);
    await vote(mallory.client, room, adopted, [1, 0]);
    await sleep(proposedAt + PERIOD + 300 - Date.now());
    lastEvent = await closeDecision(service.client, room, adopted);

    // The service follows the room and writes its fold down.
    const own = await followRoom(service.client, room, { decisions: true });
    followers.push(own);
    await waitUntil(() => own.log().seen.has(lastEvent), 'the service’s follower');
    const base = own.snapshot();
    if (!base) throw new Error('no fold');
    bytes = encodeFoldSnapshot(base.fold);
    checkpointEvent = base.eventId;
    await postCheckpoint(service.client, room, base);
    // Life goes on after the checkpoint.
    const next = await propose(mallory.client, room, { kind: 'spend-resource', action: { amount: 2 } });
    lastEvent = await vote(bo.client, room, next, [0, 1]);
  });
  afterAll(() => {
    for (const follower of followers) follower.stop();
    stopAll();
  });

  it('opens from the authority’s checkpoint, reads only what came after, and verifies it', async () => {
    const warnings: ImagoWarning[] = [];
    const follower = await open(warnings);
    expect(follower.provisional()).toBe(true);
    expect(follower.checkpoint?.sender).toBe(service.userId);
    expect(follower.stats().historyRequests).toBe(0);
    // The media holds the snapshot gzip-compressed; the digest and size are the snapshot's own.
    const checkpoint = follower.checkpoint;
    expect(checkpoint).toMatchObject({
      encoding: 'gzip',
      size: bytes.length,
      sha256: await sha256Hex(bytes),
    });
    const media = await download(
      new RawMatrix(bo.session.baseUrl, bo.session.accessToken),
      checkpoint?.url ?? '',
    );
    expect([media[0], media[1], media.length]).toEqual([0x1f, 0x8b, checkpoint?.encodedSize]);
    expect(media.length).toBeLessThan(bytes.length);
    await waitUntil(() => follower.log().seen.has(lastEvent), 'the events after the checkpoint');
    const reference = await fresh();
    const shown = follower.decisions()?.state;
    expect(shown?.decisions.get(adopted)?.outcome).toEqual(reference.state.decisions.get(adopted)?.outcome);
    expect(shown?.decisions.size).toBe(reference.state.decisions.size);

    const verification = await follower.verification;
    expect(verification).toMatchObject({ ok: true, issues: [] });
    expect(warnings).toEqual([]);
    expect(follower.provisional()).toBe(false);
    expect(text(encodeFoldSnapshot(follower.snapshot()?.fold as never))).toBe(
      text(encodeFoldSnapshot(reference.snapshot())),
    );
  });

  it('takes no checkpoint from a member, nor from the founder who is not the authority', async () => {
    const raw = new RawMatrix(mallory.session.baseUrl, mallory.session.accessToken);
    const founder = new RawMatrix(ana.session.baseUrl, ana.session.accessToken);
    const lie = new TextEncoder().encode(text(bytes).replaceAll('"status":"adopted"', '"status":"rejected"'));
    const content = {
      event: lastEvent,
      entries: 1_000_000,
      sha256: await sha256Hex(lie),
      url: await upload(founder, lie),
      size: lie.length,
    };
    // A member may set no state in a group's room; nobody may set a state key that is another's id.
    expect((await raw.state(room, CHECKPOINT, mallory.userId, content)).status).toBe(403);
    expect((await founder.state(room, CHECKPOINT, service.userId, content)).status).toBe(403);
    // The founder has power 100 and may set one under her own key: it is never read.
    expect((await founder.state(room, CHECKPOINT, ana.userId, content)).status).toBe(200);
    // Nor as a timeline event.
    await founder.sendOk(room, CHECKPOINT, content);

    const follower = await open();
    expect(follower.checkpoint?.sender).toBe(service.userId);
    expect(follower.decisions()?.state.decisions.get(adopted)?.outcome?.status).toBe('adopted');
    expect((await follower.verification).ok).toBe(true);
  });

  it('shows a lying authority’s checkpoint only until the history is replayed, then reports it', async () => {
    const liar = new RawMatrix(service.session.baseUrl, service.session.accessToken);
    const lie = new TextEncoder().encode(text(bytes).replaceAll('"status":"adopted"', '"status":"rejected"'));
    const honest = JSON.parse(text(bytes)) as { entries: number };
    const digest = await sha256Hex(lie);
    const answer = await liar.state(room, CHECKPOINT, service.userId, {
      event: checkpointEvent,
      entries: honest.entries,
      sha256: digest,
      url: await upload(liar, lie),
      size: lie.length,
    });
    expect(answer.status).toBe(200);

    const warnings: ImagoWarning[] = [];
    const follower = await open(warnings);
    expect(follower.provisional()).toBe(true);
    expect(follower.decisions()?.state.decisions.get(adopted)?.status).toBe('rejected'); // the lie, for now
    const verification = await follower.verification;
    expect(verification.ok).toBe(false);
    expect(verification.issues.map((w) => w.code)).toEqual(['checkpoint-mismatch']);
    expect(verification.issues[0]?.path).toBe(`snapshot.state.decisions[${JSON.stringify(adopted)}]`);
    expect(warnings.map((w) => w.code)).toEqual(['checkpoint-mismatch']);
    // The follower now stands on the whole history.
    expect(follower.provisional()).toBe(false);
    expect(follower.decisions()?.state.decisions.get(adopted)?.status).toBe('adopted');
  });

  it('refuses a checkpoint whose bytes are not those it hashed, and replays the whole history', async () => {
    const liar = new RawMatrix(service.session.baseUrl, service.session.accessToken);
    const other = new TextEncoder().encode(text(bytes).replace('"status":"adopted"', '"status":"expired"'));
    await liar.state(room, CHECKPOINT, service.userId, {
      event: checkpointEvent,
      entries: (JSON.parse(text(bytes)) as { entries: number }).entries,
      sha256: await sha256Hex(bytes),
      url: await upload(liar, other),
      size: other.length,
    });
    const warnings: ImagoWarning[] = [];
    const follower = await open(warnings);
    expect(warnings.map((w) => [w.code, w.path])).toEqual([['checkpoint-mismatch', 'content.sha256']]);
    expect(follower.provisional()).toBe(false);
    expect(follower.checkpoint).toBeUndefined();
    expect(follower.stats().historyRequests).toBeGreaterThan(0);
    expect(follower.decisions()?.state.decisions.get(adopted)?.status).toBe('adopted');
    expect(follower.events().some((e) => e.type === GovernanceEventTypes.vote)).toBe(true);
  });

  it('inflates an authority’s gzip bomb no further than the size it announces, and replays the whole history', async () => {
    const liar = new RawMatrix(service.session.baseUrl, service.session.accessToken);
    const bomb = await gzipBomb(1100); // 1.1 GB of zeros in about 1 MB
    const answer = await liar.state(room, CHECKPOINT, service.userId, {
      event: checkpointEvent,
      entries: (JSON.parse(text(bytes)) as { entries: number }).entries,
      sha256: await sha256Hex(bytes),
      url: await upload(liar, bomb),
      size: bytes.length,
      encoding: 'gzip',
      encodedSize: bomb.length,
    });
    expect(answer.status).toBe(200);
    const stateEvent = (answer.body as { event_id: string }).event_id;

    const before = process.memoryUsage.rss();
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 5);
    const warnings: ImagoWarning[] = [];
    let follower: DecisionsFollower;
    try {
      follower = await open(warnings);
    } finally {
      clearInterval(sampler);
    }
    expect(warnings.map((w) => [w.code, w.path, w.eventId, w.sender])).toEqual([
      ['oversize', 'content.size', stateEvent, service.userId],
    ]);
    // Without the cap the reader would hold the 1.1 GB it inflated.
    expect(peak - before).toBeLessThan(200 * 1024 * 1024);
    expect(follower.checkpoint).toBeUndefined();
    expect(follower.provisional()).toBe(false);
    expect(follower.stats().historyRequests).toBeGreaterThan(0);
    await waitUntil(() => follower.log().seen.has(lastEvent), 'the whole history');
    expect(text(encodeFoldSnapshot(follower.snapshot()?.fold as never))).toBe(
      text(encodeFoldSnapshot((await fresh()).snapshot())),
    );
  });
});
