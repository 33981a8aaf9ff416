import { describe, expect, it } from 'vitest';
import { beleniosRoom } from '../../test/support/belenios-room';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { appendToRoomLog, emptyRoomLog } from '../replay/room-log';
import { electionEvidence, exportBelArchive, verifyElection } from './election-archive';
import { decryptionOwners } from './election-state';
import { replaySecretBallots } from './replay-secret-ballots';

// belenios-tool's threshold election (the server key, then two of three threshold trustees decrypt)
// as two homeservers' copies of one decisions room. The trustees post their partial decryptions
// at the same time from different servers; each server orders such concurrent events its own way
// (by depth, then by when it stored them), so the copies hold them in different orders.
const admin = '@service:lyon.example';
const room = '!decisions:lyon.example';

const election = () => beleniosRoom('h-threshold', { room, admin });

const typeOf = (e: RawMatrixEvent) => (e.content as { type: string }).type;
const ownerOf = (e: RawMatrixEvent) =>
  (JSON.parse((e.content as { data: string[] }).data[1] ?? '{}') as { owner: number }).owner;

/** The room with its partial decryptions in `order` (trustee numbers), the Result naming `named`. */
function copy(events: readonly RawMatrixEvent[], order: readonly number[], named?: readonly number[]) {
  const decryptions = events.filter((e) => typeOf(e) === 'PartialDecryption');
  const result = events.find((e) => typeOf(e) === 'Result') as RawMatrixEvent;
  const before = events.filter((e) => !['PartialDecryption', 'Result'].includes(typeOf(e)));
  const reordered = order.map((owner) => decryptions.find((e) => ownerOf(e) === owner) as RawMatrixEvent);
  const named_ = named
    ? { ...result, content: { ...(result.content as object), decryptions: [...named] } }
    : result;
  return appendToRoomLog(emptyRoomLog(room), [...before, ...reordered, named_]);
}

const replayed = (log: ReturnType<typeof copy>, uuid: string) => {
  const replay = replaySecretBallots(log, { checkBallots: false, authorityAt: () => [admin] });
  return { election: replay.elections.get(uuid), warnings: replay.warnings };
};

describe('partial decryptions posted at the same time from several homeservers', () => {
  it('rebuild the same archive on every server when the Result names them', async () => {
    const { uuid, bytes, events } = await election();
    const authority = replayed(copy(events, [1, 2, 3], [1, 2, 3]), uuid).election;
    const other = replayed(copy(events, [3, 1, 2], [1, 2, 3]), uuid).election;
    expect(authority?.phase).toBe('done');
    expect(other?.phase).toBe('done');
    expect(decryptionOwners(other as NonNullable<typeof other>)).toEqual([1, 2, 3]);
    expect(exportBelArchive(other as NonNullable<typeof other>)).toEqual(bytes);
    expect(electionEvidence(other as NonNullable<typeof other>)).toBe(
      electionEvidence(authority as NonNullable<typeof authority>),
    );
    expect((await verifyElection(other as NonNullable<typeof other>)).ok).toBe(true);
  });

  it('rebuild archives that differ, in the room’s order, when the Result names none', async () => {
    const { uuid, events } = await election();
    const authority = replayed(copy(events, [1, 2, 3]), uuid).election;
    const other = replayed(copy(events, [3, 1, 2]), uuid).election;
    // Both verify, but the evidence a secret result names is the authority's last event.
    expect((await verifyElection(other as NonNullable<typeof other>)).ok).toBe(true);
    expect(electionEvidence(other as NonNullable<typeof other>)).not.toBe(
      electionEvidence(authority as NonNullable<typeof authority>),
    );
  });

  it('refuses a Result naming a partial decryption the room does not hold', async () => {
    const { uuid, events } = await election();
    const log = copy(events, [1, 2], [1, 2, 3]);
    const { election: refused, warnings } = replayed(log, uuid);
    expect(refused?.phase).toBe('tallied');
    expect(warnings.map((w) => [w.code, w.eventId])).toEqual([['unknown-reference', '$step12']]);
  });

  it('reads the names of a Result only, each trustee once', async () => {
    const { uuid, events } = await election();
    const result = events.find((e) => typeOf(e) === 'Result') as RawMatrixEvent;
    const tally = events.find((e) => typeOf(e) === 'EncryptedTally') as RawMatrixEvent;
    const bad = [
      { ...result, content: { ...(result.content as object), decryptions: [1, 1] } },
      { ...result, content: { ...(result.content as object), decryptions: [] } },
      { ...tally, content: { ...(tally.content as object), decryptions: [1] } },
    ];
    for (const event of bad) {
      const log = appendToRoomLog(
        emptyRoomLog(room),
        events.map((e) => (e.event_id === event.event_id ? event : e)),
      );
      const { warnings } = replayed(log, uuid);
      expect(warnings.find((w) => w.eventId === event.event_id)).toMatchObject({
        code: 'malformed-content',
        path: 'content.decryptions',
      });
    }
  });
});
