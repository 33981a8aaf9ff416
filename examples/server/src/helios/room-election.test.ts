import { readFile } from 'node:fs/promises';
import { appendToRoomLog, belStepsFromArchive, emptyRoomLog, exportBelArchive } from '@imago/matrix-binding';
import { describe, expect, it } from 'vitest';
import { beleniosVector } from '../../../../test-support/belenios-vectors';
import { electionOfDecision, roomElections } from './room-election';

// A non-homomorphic election made by belenios-tool (ballots, encrypted tally, two shuffles,
// partial decryptions, result) is the oracle: posted step by step as room events, the election
// replayed from the room must export the very archive belenios-tool wrote.
const fixture = beleniosVector('nh-rfc');
const admin = '@service:example.org';

async function roomOf(reorder?: (events: unknown[]) => unknown[]) {
  const { uuid } = JSON.parse(await readFile(`${fixture}/meta.json`, 'utf8')) as { uuid: string };
  const bytes = new Uint8Array(await readFile(`${fixture}/${uuid}.bel`));
  const { timestamp, steps } = belStepsFromArchive(bytes);
  const events: unknown[] = steps.map((step, i) => ({
    type: 'org.imago.helios.step',
    event_id: `$step${i}`,
    sender: step.type === 'Ballot' ? `@voter${i}:example.org` : admin,
    room_id: '!decisions:example.org',
    origin_server_ts: 1_000 + i,
    content: {
      election: uuid,
      type: step.type,
      ...(step.payload ? { payload: step.payload } : {}),
      data: [...step.data],
      ...(i === 0 ? { timestamp, decision: '$decision' } : {}),
    },
  }));
  // The room's authority (its creator, who set the control table) is the election's administrator.
  const room = '!decisions:example.org';
  const founding = [
    {
      type: 'm.room.create',
      state_key: '',
      event_id: '$create',
      sender: admin,
      room_id: room,
      origin_server_ts: 1,
      content: { room_version: '12' },
    },
    {
      type: 'm.room.member',
      state_key: admin,
      event_id: '$join',
      sender: admin,
      room_id: room,
      origin_server_ts: 2,
      content: { membership: 'join' },
    },
    {
      type: 'org.imago.governance.init',
      event_id: '$init',
      sender: admin,
      room_id: room,
      origin_server_ts: 3,
      content: { table: { rules: { 'change-control-table': { protocol: 'consensus', duration: 60_000 } } } },
    },
  ];
  const log = appendToRoomLog(emptyRoomLog(room), [
    ...founding,
    ...(reorder ? reorder(events) : events),
  ] as Parameters<typeof appendToRoomLog>[1]);
  return { uuid, bytes, log };
}

describe('an election replayed from the room', () => {
  it('keeps the shuffles after the encrypted tally and exports the archive belenios-tool wrote', async () => {
    const { uuid, bytes, log } = await roomOf();
    const election = roomElections(log).get(uuid);
    expect(election?.steps.map((s) => s.type)).toContain('Shuffle');
    expect(election?.phase).toBe('done');
    expect(exportBelArchive(election as NonNullable<typeof election>)).toEqual(bytes);
    expect(electionOfDecision(log, '$decision', admin)?.election).toBe(uuid);
    expect(electionOfDecision(log, '$decision', '@someone:example.org')).toBeUndefined();
  });

  it('does not take a shuffle posted after the partial decryptions', async () => {
    const { uuid, log } = await roomOf((events) => {
      const type = (e: unknown) => (e as { content: { type: string } }).content.type;
      const shuffles = events.filter((e) => type(e) === 'Shuffle');
      const rest = events.filter((e) => type(e) !== 'Shuffle');
      const at = rest.findIndex((e) => type(e) === 'PartialDecryption');
      return [...rest.slice(0, at + 1), ...shuffles, ...rest.slice(at + 1)];
    });
    const election = roomElections(log).get(uuid);
    expect(election?.steps.filter((s) => s.type === 'Shuffle')).toHaveLength(0);
  });
});
