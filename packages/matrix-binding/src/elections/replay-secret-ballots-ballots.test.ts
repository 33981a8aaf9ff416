import { describe, expect, it } from 'vitest';
import { beleniosRoom } from '../../test/support/belenios-room';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { appendToRoomLog, emptyRoomLog } from '../replay/room-log';
import { electionEvidence, exportBelArchive, verifyElection } from './election-archive';
import type { SecretBallotReplay } from './election-state';
import { replaySecretBallots } from './replay-secret-ballots';

// belenios-tool's threshold election as two homeservers' copies of one decisions room. Voters on
// several servers post their ballots at the same time; each server orders such concurrent events
// its own way, so the copies hold the ballots in different orders.
const admin = '@service:lyon.example';
const room = '!decisions:lyon.example';

const election = (name: 'h-threshold' | 'nh-rfc' = 'h-threshold') =>
  beleniosRoom(name, { room, admin, voter: (i) => `@voter${i}:paris.example`, idPrefix: name });

const typeOf = (e: RawMatrixEvent) => (e.content as { type: string }).type;
const content = (e: RawMatrixEvent) => e.content as Record<string, unknown>;

/** The events with the ballots in `order` (indices among them) and the EndBallots naming `named`. */
function copy(events: readonly RawMatrixEvent[], order: readonly number[], named?: readonly string[]) {
  const ballots = events.filter((e) => typeOf(e) === 'Ballot');
  const [setup, ...rest] = events.filter((e) => typeOf(e) !== 'Ballot');
  const end = rest[0] as RawMatrixEvent;
  const naming = named ? { ...end, content: { ...content(end), ballots: [...named] } } : end;
  return [
    setup as RawMatrixEvent,
    ...order.map((i) => ballots[i] as RawMatrixEvent),
    naming,
    ...rest.slice(1),
  ];
}

const replayed = (events: readonly RawMatrixEvent[], uuid: string, checkBallots = false) => {
  const log = appendToRoomLog(emptyRoomLog(room), events);
  const replay = replaySecretBallots(log, { checkBallots, authorityAt: () => [admin] });
  return { election: replay.elections.get(uuid) as SecretBallotReplay, warnings: replay.warnings };
};
const ids = (events: readonly RawMatrixEvent[]) =>
  events.filter((e) => typeOf(e) === 'Ballot').map((e) => e.event_id as string);

describe('ballots posted at the same time from several homeservers', () => {
  it('rebuild the same archive on every server when the EndBallots names them', async () => {
    const { uuid, bytes, events } = await election();
    const named = ids(events);
    expect(named.length).toBeGreaterThanOrEqual(3);
    const order = named.map((_, i) => i);
    const authority = replayed(copy(events, order, named), uuid);
    const other = replayed(copy(events, [...order].reverse(), named), uuid);
    expect(other.warnings).toEqual([]);
    expect(other.election.phase).toBe('done');
    expect(exportBelArchive(other.election)).toEqual(bytes);
    expect(electionEvidence(other.election)).toBe(electionEvidence(authority.election));
    expect((await verifyElection(other.election)).ok).toBe(true);
  });

  it('rebuild archives that differ, in the room’s order, when the EndBallots names none', async () => {
    const { uuid, events } = await election();
    const order = ids(events).map((_, i) => i);
    const authority = replayed(copy(events, order), uuid).election;
    const other = replayed(copy(events, [...order].reverse()), uuid).election;
    expect((await verifyElection(other)).ok).toBe(true);
    expect(electionEvidence(other)).not.toBe(electionEvidence(authority));
  });

  it('waits for a named ballot this copy has not shown yet, then takes the held steps', async () => {
    const { uuid, bytes, events } = await election();
    const named = ids(events);
    const all = copy(
      events,
      named.map((_, i) => i),
      named,
    );
    const late = all.find((e) => e.event_id === named[0]) as RawMatrixEvent;
    const without = all.filter((e) => e !== late);
    const waiting = replayed(without, uuid);
    expect(waiting.election.phase).toBe('voting');
    expect(waiting.election.awaiting).toEqual([named[0]]);
    expect(waiting.warnings.map((w) => [w.code, w.type])).toEqual([
      ['awaiting-evidence', 'org.imago.helios.step'],
    ]);
    expect(waiting.warnings[0]?.detail).toContain(named[0]);
    const end = without.findIndex((e) => typeOf(e) === 'EndBallots');
    const arrived = [...without.slice(0, end + 2), late, ...without.slice(end + 2)];
    const caught = replayed(arrived, uuid);
    expect(caught.warnings).toEqual([]);
    expect(exportBelArchive(caught.election)).toEqual(bytes);
  });

  it('does not count a ballot the EndBallots does not name', async () => {
    const { uuid, events } = await election();
    const named = ids(events);
    const { election: kept, warnings } = replayed(
      copy(
        events,
        named.map((_, i) => i),
        named.slice(1),
      ),
      uuid,
    );
    expect(kept.phase).toBe('done');
    expect(kept.steps.some((s) => s.eventId === named[0])).toBe(false);
    expect(warnings.map((w) => [w.code, w.eventId])).toEqual([['uncounted', named[0]]]);
  });

  it('ignores an EndBallots naming ballots from anyone but the administrator', async () => {
    const { uuid, bytes, events } = await election();
    const named = ids(events);
    const all = copy(
      events,
      named.map((_, i) => i),
      named,
    );
    const end = all.findIndex((e) => typeOf(e) === 'EndBallots');
    const forged: RawMatrixEvent = {
      ...(all[end] as RawMatrixEvent),
      event_id: '$forged',
      sender: '@eve:paris.example',
      content: { ...content(all[end] as RawMatrixEvent), ballots: [named[0]] },
    };
    const { election: honest, warnings } = replayed([...all.slice(0, end), forged, ...all.slice(end)], uuid);
    expect(warnings.map((w) => [w.code, w.eventId])).toEqual([['unauthorised', '$forged']]);
    expect(exportBelArchive(honest)).toEqual(bytes);
  });

  it('does not count a named ballot from someone who is not a voter of the election', async () => {
    const { uuid, events } = await election();
    const stranger = (await election('nh-rfc')).events.find((e) => typeOf(e) === 'Ballot') as RawMatrixEvent;
    const intruder: RawMatrixEvent = {
      ...stranger,
      event_id: '$intruder',
      sender: '@eve:paris.example',
      content: { ...content(stranger), election: uuid },
    };
    const named = [...ids(events), '$intruder'];
    const all = copy(
      events,
      ids(events).map((_, i) => i),
      named,
    );
    const end = all.findIndex((e) => typeOf(e) === 'EndBallots');
    const { election: kept, warnings } = replayed(
      [...all.slice(0, end), intruder, ...all.slice(end)],
      uuid,
      true,
    );
    expect(kept.steps.some((s) => s.eventId === '$intruder')).toBe(false);
    expect(kept.phase).toBe('done');
    expect(warnings.filter((w) => w.eventId === '$intruder').map((w) => w.code)).toEqual([
      'rejected',
      'invalid-evidence',
    ]);
    expect((await verifyElection(kept)).ok).toBe(true);
  });
});
