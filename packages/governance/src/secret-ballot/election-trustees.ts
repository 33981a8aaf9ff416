/**
 * Who holds the decryption key of a secret ballot. The group's authority administers every
 * election and holds one key (trustee 1, Belenios' `Single` trustee); member trustees hold the
 * others, each key made on the member's own device: plain trustees (every one of them must
 * decrypt) or a Pedersen threshold (any `threshold` of them, with the authority). A ballot is
 * decrypted only by the authority together with enough member trustees, so with a threshold of 2
 * or more no single party reads one. The authority alone holds the key only where the control
 * table says so (`"trustees": "authority"`).
 *
 * The control table's rule names the trustees, or else the proposal does; a secret decision
 * whose rule and proposal both name none is refused (`no-trustees`).
 *
 * @module
 */
import type { MemberId } from '../membership/member-id';
import {
  fail,
  readArray,
  readInteger,
  readObject,
  readString,
  rejectUnknownKeys,
} from '../parse/json-reader';

/** Member trustees of an election, in trustee order (they are trustees 2, 3, … after the authority). */
export interface ElectionTrustees {
  /** The members holding a key, in order; empty: the authority alone. */
  readonly members: readonly MemberId[];
  /** Pedersen threshold: any `threshold` of the members decrypt (with the authority); absent: all. */
  readonly threshold?: number;
}

/** The trustees a control-table rule names: member trustees, or the authority alone. */
export type TrusteesRule = ElectionTrustees | 'authority';

/** Most member trustees an election may name (each one takes part in key establishment). */
export const MAX_MEMBER_TRUSTEES = 20;

/**
 * Reads member trustees (`{ "members": [...], "threshold"?: t }`): distinct members, 1 to
 * {@link MAX_MEMBER_TRUSTEES}; a threshold needs at least two members and is at most their number.
 * @internal
 */
export function readElectionTrustees(value: unknown, path: string): ElectionTrustees {
  const object = readObject(value, path);
  rejectUnknownKeys(object, path, ['members', 'threshold']);
  const list = readArray(object.members, `${path}.members`);
  if (list.length === 0 || list.length > MAX_MEMBER_TRUSTEES) {
    fail(`${path}.members`, `expected 1 to ${MAX_MEMBER_TRUSTEES} members`);
  }
  const members = list.map((item, i) => readString(item, `${path}.members[${i}]`, 255));
  if (new Set(members).size !== members.length) fail(`${path}.members`, 'a member is named twice');
  if (object.threshold === undefined) return { members };
  if (members.length < 2) fail(`${path}.threshold`, 'a threshold needs at least two members');
  return { members, threshold: readInteger(object.threshold, `${path}.threshold`, 1, members.length) };
}

/**
 * Reads the trustees of a control-table rule: `"authority"` or member trustees.
 * @internal
 */
export function readTrusteesRule(value: unknown, path: string): TrusteesRule {
  return value === 'authority' ? 'authority' : readElectionTrustees(value, path);
}
