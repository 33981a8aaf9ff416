import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { DecisionsFold } from '../governance/decisions-fold';
import { FollowedLog } from './followed-log';
import { fingerprint, Homeserver, opArbitrary, room, roomOf, type Sent } from './followed-log.fixture';
import { appendToRoomLog, emptyRoomLog } from './room-log';

type Action =
  | { kind: 'chunk'; from: number; to: number; at: number }
  | { kind: 'propose'; from: number; to: number; at: number; turn: number }
  | { kind: 'decrypt'; id: string; clear: RawMatrixEvent; fail: boolean }
  | { kind: 'refresh' };

describe('a followed log equals a fresh replay of the room', () => {
  it('whatever the partition, order, duplication and delay of what arrives, and what sync proposes first (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(opArbitrary, { minLength: 5, maxLength: 45 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { minLength: 40, maxLength: 160 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
        (ops, encryptedMask, cuts, choices, failures) => {
          const sent = roomOf(ops, encryptedMask);
          const server = new Homeserver(sent);
          const n = sent.length;
          // Contiguous runs of the room, each read at some moment after its last event, some twice.
          const bounds = [...new Set([0, ...cuts.map((c) => c % n), n])].sort((a, b) => a - b);
          let pool: Action[] = [];
          let choice = 0;
          const pick = (size: number) => (choices[choice++ % choices.length] as number) % size;
          for (let i = 0; i + 1 < bounds.length; i++) {
            const from = bounds[i] as number;
            const to = bounds[i + 1] as number;
            const copies = pick(4) === 0 ? 2 : 1;
            for (let c = 0; c < copies; c++)
              pool.push({ kind: 'chunk', from, to, at: to - 1 + pick(n - to + 1) });
            // What sync delivers: the same run, at some moment, sometimes in another order.
            if (pick(2) === 0) {
              const turn = pick(3) === 0 ? pick(to - from) : 0;
              pool.push({ kind: 'propose', from, to, at: to - 1 + pick(n - to + 1), turn });
            }
          }
          const followed = new FollowedLog(room, { decisions: true });
          let fails = 0;
          let refreshes = 0;
          while (pool.length > 0 || followed.refreshes.length > 0) {
            if (pool.length === 0) pool.push({ kind: 'refresh' });
            const index = pick(pool.length);
            const action = pool[index] as Action;
            pool = pool.filter((_, i) => i !== index);
            if (action.kind === 'chunk') {
              const reads = Array.from({ length: action.to - action.from }, (_, k) =>
                server.read(action.from + k, action.at),
              );
              const previous = action.from === 0 ? null : (sent[action.from - 1] as Sent).raw.event_id;
              const decrypting = reads.filter((r) => r.clear !== undefined);
              followed.receive(
                { after: previous, events: reads.map((r) => r.wire) },
                decrypting.map((r) => r.wire.event_id as string),
              );
              for (const r of decrypting) {
                const fail = failures[fails++ % failures.length] === true;
                pool.push({
                  kind: 'decrypt',
                  id: r.wire.event_id as string,
                  clear: r.clear as RawMatrixEvent,
                  fail,
                });
              }
              if (pick(3) === 0) pool.push({ kind: 'refresh' });
            } else if (action.kind === 'propose') {
              const run = Array.from(
                { length: action.to - action.from },
                (_, k) => server.read(action.from + k, action.at).wire,
              );
              followed.propose([...run.slice(action.turn), ...run.slice(0, action.turn)]);
            } else if (action.kind === 'decrypt') {
              // A failed decryption first, then the key comes late; or the decryption just ends.
              if (action.fail) {
                followed.decrypted(action.id, undefined);
                pool.push({ ...action, fail: false });
              } else followed.decrypted(action.id, action.clear);
            } else {
              for (const target of followed.refreshes) {
                const { wire, clear } = server.read(server.byId(target), n - 1);
                followed.refreshed(target, clear ?? wire);
                refreshes++;
              }
            }
          }
          const fresh = appendToRoomLog(emptyRoomLog(room), server.fresh());
          const reference = new DecisionsFold().add(fresh.entries);
          expect(followed.timeline.ready).toBe(n);
          expect(followed.unconfirmed).toBe(0);
          expect(followed.log.entries).toEqual(fresh.entries);
          expect(fingerprint(followed.fold as DecisionsFold)).toBe(fingerprint(reference));
          expect(followed.decisions()?.warnings).toEqual(reference.current().warnings);
          expect(refreshes).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
