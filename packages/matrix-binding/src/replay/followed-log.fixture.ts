/**
 * A decisions room generated from a list of operations (proposals, votes, poll answers, delegations,
 * ticks, redactions, departures), and a homeserver that serves its events as it keeps them at a
 * given moment (redacted, encrypted on the wire): what the followed log's tests feed it.
 */
import fc from 'fast-check';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import type { DecisionsFold } from '../governance/decisions-fold';
import { encodeFoldSnapshot } from '../governance/fold-snapshot-codec';

export const room = '!decisions:hs';
export const HOUR = 3_600_000;
export const AUTHORITY = '@ana:hs';
export const MEMBERS = ['@ana:hs', '@bo:hs', '@cy:hs', '@di:hs', '@mallory:hs'];

/** One event of the room as its sender sent it, and whether the room encrypts it. */
export interface Sent {
  readonly raw: RawMatrixEvent & { event_id: string; sender: string };
  readonly encrypted: boolean;
}

export type Op =
  | { op: 'propose'; by: number; democracy: boolean }
  | { op: 'vote'; by: number; on: number; choice: number }
  | { op: 'delegate'; by: number; to: number }
  | { op: 'undelegate'; by: number }
  | { op: 'tick'; jump: boolean }
  | { op: 'countedTick'; jump: boolean; picks: number[]; ahead: number }
  | { op: 'redact'; by: number; target: number }
  | { op: 'poll'; on: number }
  | { op: 'leave'; by: number };

export const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('propose' as const), by: fc.nat(4), democracy: fc.boolean() }),
  fc.record({ op: fc.constant('vote' as const), by: fc.nat(4), on: fc.nat(), choice: fc.nat(1) }),
  fc.record({ op: fc.constant('vote' as const), by: fc.nat(4), on: fc.nat(), choice: fc.nat(1) }),
  fc.record({ op: fc.constant('delegate' as const), by: fc.nat(4), to: fc.nat(4) }),
  fc.record({ op: fc.constant('undelegate' as const), by: fc.nat(4) }),
  fc.record({ op: fc.constant('tick' as const), jump: fc.boolean() }),
  fc.record({
    op: fc.constant('countedTick' as const),
    jump: fc.boolean(),
    picks: fc.array(fc.nat(), { maxLength: 6 }),
    ahead: fc.nat(6),
  }),
  fc.record({ op: fc.constant('redact' as const), by: fc.nat(4), target: fc.nat() }),
  fc.record({ op: fc.constant('poll' as const), on: fc.nat() }),
  fc.record({ op: fc.constant('leave' as const), by: fc.integer({ min: 1, max: 4 }) }),
);

/** A decisions room: the founding events, then what the operations make of it. */
export function roomOf(ops: readonly Op[], encryptedMask: readonly boolean[]): Sent[] {
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
      case 'countedTick': {
        // The authority names events it counted: some sent, any kind, maybe one not sent yet.
        if (op.jump) clock += HOUR;
        const countable = /(vote|stance|delegations|poll\.response)$/;
        const named = sent
          .filter((s) => countable.test(String(s.raw.type)))
          .map((s) =>
            String(s.raw.type).endsWith('.delegations') ? `${s.raw.event_id}/group` : s.raw.event_id,
          );
        const ids = [...new Set(op.picks.map((i) => named[i % named.length] as string))];
        if (op.ahead < 2) ids.push(`$e${n + 2 + op.ahead}`);
        const counted = Object.fromEntries(proposals.map((p) => [p.id, ids]));
        push(AUTHORITY, 'org.imago.governance.tick', { counted });
        break;
      }
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
export class Homeserver {
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

/** The fold written down, as text (to compare folds). */
export const fingerprint = (fold: DecisionsFold) =>
  new TextDecoder().decode(encodeFoldSnapshot(fold.snapshot()));
