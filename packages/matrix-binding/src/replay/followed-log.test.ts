import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { DecisionsFold } from '../governance/decisions-fold';
import { encodeFoldSnapshot } from '../governance/fold-snapshot-codec';
import { FollowedLog } from './followed-log';
import { appendToRoomLog, emptyRoomLog } from './room-log';

const room = '!decisions:hs';
const HOUR = 3_600_000;
const AUTHORITY = '@ana:hs';
const MEMBERS = ['@ana:hs', '@bo:hs', '@cy:hs', '@di:hs', '@mallory:hs'];

/** One event of the room as its sender sent it, and whether the room encrypts it. */
interface Sent {
  readonly raw: RawMatrixEvent & { event_id: string; sender: string };
  readonly encrypted: boolean;
}

type Op =
  | { op: 'propose'; by: number; democracy: boolean }
  | { op: 'vote'; by: number; on: number; choice: number }
  | { op: 'delegate'; by: number; to: number }
  | { op: 'undelegate'; by: number }
  | { op: 'tick'; jump: boolean }
  | { op: 'redact'; by: number; target: number }
  | { op: 'poll'; on: number }
  | { op: 'leave'; by: number };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('propose' as const), by: fc.nat(4), democracy: fc.boolean() }),
  fc.record({ op: fc.constant('vote' as const), by: fc.nat(4), on: fc.nat(), choice: fc.nat(1) }),
  fc.record({ op: fc.constant('vote' as const), by: fc.nat(4), on: fc.nat(), choice: fc.nat(1) }),
  fc.record({ op: fc.constant('delegate' as const), by: fc.nat(4), to: fc.nat(4) }),
  fc.record({ op: fc.constant('undelegate' as const), by: fc.nat(4) }),
  fc.record({ op: fc.constant('tick' as const), jump: fc.boolean() }),
  fc.record({ op: fc.constant('redact' as const), by: fc.nat(4), target: fc.nat() }),
  fc.record({ op: fc.constant('poll' as const), on: fc.nat() }),
  fc.record({ op: fc.constant('leave' as const), by: fc.integer({ min: 1, max: 4 }) }),
);

/** A decisions room: the founding events, then what the operations make of it. */
function roomOf(ops: readonly Op[], encryptedMask: readonly boolean[]): Sent[] {
  let n = 0;
  let clock = 1_000;
  const sent: Sent[] = [];
  const push = (sender: string, type: string, content: unknown, extra: object = {}) => {
    clock += 1_000;
    const raw = {
      event_id: `$e${++n}`,
      room_id: room,
      sender,
      origin_server_ts: clock,
      type,
      content,
      ...extra,
    } as Sent['raw'];
    const encrypted =
      encryptedMask[n % encryptedMask.length] === true &&
      !('state_key' in extra) &&
      type !== 'm.room.redaction';
    sent.push({ raw, encrypted });
    return raw.event_id;
  };
  push(AUTHORITY, 'm.room.create', { room_version: '12' }, { state_key: '' });
  for (const user of MEMBERS) push(user, 'm.room.member', { membership: 'join' }, { state_key: user });
  push(AUTHORITY, 'org.imago.governance.init', {
    table: {
      rules: {
        'change-control-table': { protocol: 'consensus', duration: HOUR },
        'spend-resource': {
          protocol: 'democracy',
          method: 'plurality',
          quorum: 0,
          threshold: { 'org.imago.decimal': '0.5' },
          duration: HOUR,
          ballot: 'public',
          delegation: true,
          group_delegation: 'majority',
        },
        'publish-text': { protocol: 'consensus', duration: HOUR },
      },
    },
  });
  const proposals: { id: string; proposer: string }[] = [];
  const polls: { id: string; answers: string[] }[] = [];
  for (const op of ops) {
    const by = MEMBERS[('by' in op ? op.by : 0) % MEMBERS.length] as string;
    switch (op.op) {
      case 'propose': {
        const id = push(by, 'org.imago.governance.propose', {
          kind: op.democracy ? 'spend-resource' : 'publish-text',
          action: { n },
        });
        proposals.push({ id, proposer: by });
        break;
      }
      case 'vote': {
        const on = proposals[op.on % Math.max(1, proposals.length)];
        if (on === undefined) break;
        const poll = polls.find((p) => p.id.startsWith(`${on.id}:`));
        if (poll && op.choice === 1) {
          push(by, 'org.matrix.msc3381.poll.response', {
            'm.relates_to': { rel_type: 'm.reference', event_id: poll.id.split(':')[1] },
            'org.matrix.msc3381.poll.response': { answers: [poll.answers[0]] },
          });
        } else {
          push(by, 'org.imago.governance.vote', { decision: on.id, ballot: op.choice ? [1, 0] : [0, 1] });
          push(by, 'org.imago.governance.stance', { decision: on.id, stance: op.choice ? 'agree' : 'block' });
        }
        break;
      }
      case 'delegate': {
        const to = MEMBERS[op.to % MEMBERS.length] as string;
        push(
          by,
          'org.imago.governance.delegations',
          { delegations: [{ scope: { type: 'group' }, to: { member: to } }] },
          { state_key: by },
        );
        break;
      }
      case 'undelegate':
        push(by, 'org.imago.governance.delegations', { delegations: [] }, { state_key: by });
        break;
      case 'tick':
        if (op.jump) clock += HOUR;
        push(AUTHORITY, 'org.imago.governance.tick', {});
        break;
      case 'redact': {
        const candidates = sent.filter((s) => s.raw.type !== 'm.room.create');
        const target = candidates[op.target % candidates.length] as Sent;
        push(by, 'm.room.redaction', { redacts: target.raw.event_id }, { redacts: target.raw.event_id });
        break;
      }
      case 'poll': {
        const on = proposals[op.on % Math.max(1, proposals.length)];
        if (on === undefined) break;
        const id = push(on.proposer, 'org.matrix.msc3381.poll.start', {
          'org.matrix.msc3381.poll.start': {
            question: { 'org.matrix.msc1767.text': 'Spend?' },
            answers: [
              { id: 'a', 'org.matrix.msc1767.text': 'yes' },
              { id: 'b', 'org.matrix.msc1767.text': 'no' },
            ],
          },
          'org.imago.decision': on.id,
        });
        polls.push({ id: `${on.id}:${id}`, answers: ['a', 'b'] });
        break;
      }
      case 'leave':
        push(by, 'm.room.member', { membership: 'leave' }, { state_key: by });
        break;
    }
  }
  return sent;
}

/**
 * The homeserver: it serves each event as it keeps it at a given moment (index of the last event
 * sent): stripped once a redaction it applies has come (the redacter's own event, or the
 * authority's power), encrypted on the wire when the room encrypts it.
 */
class Homeserver {
  constructor(readonly sent: readonly Sent[]) {}

  #redaction(index: number, at: number): RawMatrixEvent | undefined {
    const target = this.sent[index] as Sent;
    for (let i = index + 1; i <= at && i < this.sent.length; i++) {
      const r = (this.sent[i] as Sent).raw;
      if (r.type === 'm.room.redaction' && r.redacts === target.raw.event_id) {
        if (r.sender === target.raw.sender || r.sender === AUTHORITY) return r;
      }
    }
    return undefined;
  }

  /** What a client reads of event `index` at moment `at`: the wire form, and its clear form. */
  read(index: number, at: number): { wire: RawMatrixEvent; clear: RawMatrixEvent | undefined } {
    const { raw, encrypted } = this.sent[index] as Sent;
    const redaction = this.#redaction(index, at);
    const type = encrypted ? 'm.room.encrypted' : raw.type;
    if (redaction) {
      const { content: _content, ...rest } = raw;
      return {
        wire: { ...rest, type, content: {}, unsigned: { redacted_because: redaction } },
        clear: undefined,
      };
    }
    if (!encrypted) return { wire: raw, clear: undefined };
    const { state_key: _key, ...envelope } = raw;
    return {
      wire: { ...envelope, type, content: { algorithm: 'm.megolm.v1.aes-sha2', ciphertext: `c${index}` } },
      clear: raw,
    };
  }

  /** A fresh history, read once everything was sent, decrypted. */
  fresh(): RawMatrixEvent[] {
    const end = this.sent.length - 1;
    return this.sent.map((_, i) => {
      const { wire, clear } = this.read(i, end);
      return clear ?? wire;
    });
  }

  byId(eventId: string): number {
    return this.sent.findIndex((s) => s.raw.event_id === eventId);
  }
}

type Action =
  | { kind: 'chunk'; from: number; to: number; at: number }
  | { kind: 'decrypt'; id: string; clear: RawMatrixEvent; fail: boolean }
  | { kind: 'refresh' };

const fingerprint = (fold: DecisionsFold) => new TextDecoder().decode(encodeFoldSnapshot(fold.snapshot()));

describe('a followed log equals a fresh replay of the room', () => {
  it('whatever the partition, order, duplication and delay of what arrives (fast-check)', () => {
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
          expect(followed.log.entries).toEqual(fresh.entries);
          expect(fingerprint(followed.fold as DecisionsFold)).toBe(fingerprint(reference));
          expect(followed.decisions()?.warnings).toEqual(reference.current().warnings);
          expect(refreshes).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('folds a new event at the end without rebuilding, and rebuilds when an earlier one changes', () => {
    const head = roomOf([{ op: 'propose', by: 1, democracy: true }], [false]).map((s) => s.raw);
    const decision = head.find((e) => e.type === 'org.imago.governance.propose')?.event_id as string;
    const last = {
      event_id: '$vote',
      room_id: room,
      sender: '@cy:hs',
      origin_server_ts: 90_000,
      type: 'org.imago.governance.vote',
      content: { decision, ballot: [1, 0] },
    };
    const followed = new FollowedLog(room, { decisions: true });
    expect(followed.receive({ after: null, events: head })?.events).toHaveLength(head.length);
    const change = followed.receive({ after: (head.at(-1) as Sent['raw']).event_id, events: [last] });
    expect(change).toEqual({ events: [last], rebuilt: false });
    const ballots = () => {
      const participation = followed.decisions()?.state.decisions.get(decision)?.participation;
      return participation?.protocol === 'democracy' ? participation.ballots.size : undefined;
    };
    expect(ballots()).toBe(1);
    // The same event again changes nothing.
    expect(followed.receive({ after: null, events: [...head, last] })).toBeUndefined();
    // An authority's redaction of the vote: held until the homeserver's copy of the vote comes.
    const redaction = {
      event_id: '$r',
      room_id: room,
      sender: AUTHORITY,
      origin_server_ts: 99_000,
      type: 'm.room.redaction',
      redacts: last.event_id,
      content: { redacts: last.event_id },
    };
    expect(followed.receive({ after: last.event_id as string, events: [redaction] })).toBeUndefined();
    expect(followed.refreshes).toEqual([last.event_id]);
    const stripped = { ...last, content: {}, unsigned: { redacted_because: redaction } };
    const after = followed.refreshed(last.event_id as string, stripped);
    expect(after?.rebuilt).toBe(true);
    expect(after?.events).toEqual([stripped, redaction]);
    expect(ballots()).toBe(0);
  });
});
