import { describe, expect, it } from 'vitest';
import { beleniosRoom } from '../../test/support/belenios-room';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { appendToRoomLog, emptyRoomLog } from '../replay/room-log';
import { exportBelArchive } from './election-archive';
import { replaySecretBallots } from './replay-secret-ballots';

// belenios-tool's non-homomorphic election (ballots, EncryptedTally, two Shuffles, EndShuffles,
// partial decryptions, Result) posted step by step as room events: the replay must follow
// Belenios 2.0's order and export the very archive belenios-tool wrote.
const admin = '@service:example.org';

async function roomOf(reorder: (events: RawMatrixEvent[]) => RawMatrixEvent[] = (e) => e) {
  const { uuid, bytes, events } = await beleniosRoom('nh-rfc', {
    room: '!decisions:example.org',
    admin,
    voter: (i) => `@voter${i}:example.org`,
  });
  return { uuid, bytes, log: appendToRoomLog(emptyRoomLog('!decisions:example.org'), reorder(events)) };
}

const typeOf = (e: RawMatrixEvent) => (e.content as { type: string }).type;

describe('secret-ballot replay in Belenios 2.0 order', () => {
  it('keeps shuffles that follow the encrypted tally and exports the archive belenios-tool wrote', async () => {
    const { uuid, bytes, log } = await roomOf();
    const { elections, warnings } = replaySecretBallots(log, {
      checkBallots: false,
      authorityAt: () => [admin],
    });
    const election = elections.get(uuid);
    expect(warnings).toEqual([]);
    expect(election?.steps.filter((s) => s.type === 'Shuffle')).toHaveLength(2);
    expect(election?.phase).toBe('done');
    expect(exportBelArchive(election as NonNullable<typeof election>)).toEqual(bytes);
  });

  it('refuses a shuffle posted after the partial decryptions', async () => {
    const { uuid, log } = await roomOf((events) => {
      const shuffles = events.filter((e) => typeOf(e) === 'Shuffle');
      const rest = events.filter((e) => typeOf(e) !== 'Shuffle');
      const at = rest.findIndex((e) => typeOf(e) === 'PartialDecryption');
      return [...rest.slice(0, at + 1), ...shuffles, ...rest.slice(at + 1)];
    });
    const { elections, warnings } = replaySecretBallots(log, {
      checkBallots: false,
      authorityAt: () => [admin],
    });
    expect(elections.get(uuid)?.steps.filter((s) => s.type === 'Shuffle')).toHaveLength(0);
    expect(warnings.filter((w) => w.code === 'rejected')).toHaveLength(2);
  });

  it('refuses a shuffle posted before the encrypted tally', async () => {
    const { uuid, log } = await roomOf((events) => {
      const shuffles = events.filter((e) => typeOf(e) === 'Shuffle');
      const rest = events.filter((e) => typeOf(e) !== 'Shuffle');
      const at = rest.findIndex((e) => typeOf(e) === 'EndBallots');
      return [...rest.slice(0, at + 1), ...shuffles, ...rest.slice(at + 1)];
    });
    const { elections } = replaySecretBallots(log, { checkBallots: false, authorityAt: () => [admin] });
    expect(elections.get(uuid)?.steps.filter((s) => s.type === 'Shuffle')).toHaveLength(0);
  });
});
