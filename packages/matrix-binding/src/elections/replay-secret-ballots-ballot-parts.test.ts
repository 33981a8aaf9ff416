import { describe, expect, it } from 'vitest';
import { beleniosRoom } from '../../test/support/belenios-room';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { appendToRoomLog, emptyRoomLog } from '../replay/room-log';
import { BALLOT_PARTS_TYPE, ballotParts, ballotsDigest, MAX_NAMED_BALLOTS } from './ballot-parts-content';
import { exportBelArchive } from './election-archive';
import type { SecretBallotReplay } from './election-state';
import { replaySecretBallots } from './replay-secret-ballots';

// An EndBallots whose list of ballots travels in parts posted before it (a list too long for one
// Matrix event), on belenios-tool's threshold election.
const admin = '@service:lyon.example';
const room = '!decisions:lyon.example';

const election = () => beleniosRoom('h-threshold', { room, admin, voter: (i) => `@voter${i}:paris.example` });

const typeOf = (e: RawMatrixEvent) => (e.content as { type: string }).type;

/** The room with the ballots reversed, the list split in `split` parts before the EndBallots. */
function room_(
  uuid: string,
  events: readonly RawMatrixEvent[],
  parts: (ids: string[]) => RawMatrixEvent[],
  digest?: string,
) {
  const ballots = events.filter((e) => typeOf(e) === 'Ballot');
  const ids = ballots.map((e) => e.event_id as string);
  const [setup, end, ...rest] = events.filter((e) => typeOf(e) !== 'Ballot') as RawMatrixEvent[];
  const named = (end as RawMatrixEvent).content as object;
  const reference = { parts: parts(ids).length, digest: digest ?? ballotsDigest(ids) };
  const log = appendToRoomLog(emptyRoomLog(room), [
    setup as RawMatrixEvent,
    ...[...ballots].reverse(),
    ...parts(ids),
    { ...(end as RawMatrixEvent), content: { ...named, ballots: reference } },
    ...rest,
  ]);
  const replay = replaySecretBallots(log, { checkBallots: false, authorityAt: () => [admin] });
  return { election: replay.elections.get(uuid) as SecretBallotReplay, warnings: replay.warnings };
}

const part = (uuid: string, n: number, ballots: string[], sender = admin): RawMatrixEvent => ({
  type: BALLOT_PARTS_TYPE,
  event_id: `$part${n}${sender.length}`,
  sender,
  room_id: room,
  origin_server_ts: 5_000 + n,
  content: { election: uuid, part: n, ballots },
});

describe('an EndBallots naming its ballots in parts', () => {
  it('rebuilds the archive from the joined parts, in their order', async () => {
    const { uuid, bytes, events } = await election();
    const { election: joined, warnings } = room_(uuid, events, (ids) => [
      part(uuid, 0, ids.slice(0, 2)),
      part(uuid, 1, ids.slice(2)),
    ]);
    expect(warnings).toEqual([]);
    expect(joined.phase).toBe('done');
    expect(exportBelArchive(joined)).toEqual(bytes);
  });

  it('takes no part from anyone but the administrator, and no list the digest does not name', async () => {
    const { uuid, events } = await election();
    const forged = room_(uuid, events, (ids) => [
      part(uuid, 0, ids.slice(0, 2), '@eve:paris.example'),
      part(uuid, 1, ids.slice(2)),
    ]);
    expect(forged.warnings.map((w) => w.code)).toContain('unauthorised');
    expect(forged.warnings.find((w) => w.type === 'org.imago.helios.step')?.code).toBe('unknown-reference');
    expect(forged.election.phase).toBe('voting');
    const wrong = room_(uuid, events, (ids) => [part(uuid, 0, ids.slice(1))], ballotsDigest(['$other']));
    // The EndBallots is refused, and the steps after it with it (voting has not ended).
    expect(wrong.warnings[0]).toMatchObject({ code: 'malformed-content', path: 'content.ballots.digest' });
    expect(wrong.warnings.slice(1).map((w) => w.code)).toEqual(wrong.warnings.slice(1).map(() => 'rejected'));
    expect(wrong.election.phase).toBe('voting');
  });

  it('splits a long list into parts that each fit in a Matrix event', () => {
    const ids = Array.from({ length: 2_001 }, (_, i) => `$${String(i).padStart(43, 'x')}`);
    const { parts, ballots } = ballotParts('A1b2C3d4E5f6G7', ids);
    expect(parts.map((p) => p.ballots.length)).toEqual([MAX_NAMED_BALLOTS, MAX_NAMED_BALLOTS, 401]);
    expect(parts.flatMap((p) => p.ballots)).toEqual(ids);
    expect(ballots).toEqual({ parts: 3, digest: ballotsDigest(ids) });
    const longest = Array.from({ length: MAX_NAMED_BALLOTS }, () => `$${'y'.repeat(71)}`);
    const content = { election: 'A1b2C3d4E5f6G7', part: 249, ballots: longest };
    expect(new TextEncoder().encode(JSON.stringify(content)).length).toBeLessThan(62_000);
    expect(ballotParts('A1b2C3d4E5f6G7', ids.slice(0, 3))).toEqual({ parts: [], ballots: ids.slice(0, 3) });
  });
});
