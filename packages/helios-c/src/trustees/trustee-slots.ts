/**
 * Numbering of the trustees of a trustees structure (Belenios 2.0 specification §4.7, §4.18): a
 * `Single` item is one trustee, a `Pedersen` item one trustee per certificate, numbered from 1 in
 * order; partial decryptions name their trustee by this number (`owner`).
 *
 * @module
 */
import type { Trustees } from './trustees';

/** One trustee of the structure. */
export interface TrusteeSlot<E> {
  /** 1-based number used as `owner`. */
  readonly owner: number;
  /** Index of the item in the trustees structure. */
  readonly item: number;
  /** 1-based index inside a `Pedersen` item (1 for `Single`). */
  readonly member: number;
  /** The verification key partial decryptions are checked against. */
  readonly verificationKey: E;
}

/**
 * Lists the trustees in `owner` order.
 * @param trustees - the trustees structure
 * @returns one slot per trustee
 */
export function trusteeSlots<E>(trustees: Trustees<E>): TrusteeSlot<E>[] {
  const slots: TrusteeSlot<E>[] = [];
  for (const [item, t] of trustees.entries()) {
    if (t.kind === 'Single') {
      slots.push({ owner: slots.length + 1, item, member: 1, verificationKey: t.key.publicKey });
    } else {
      for (const [m, key] of t.parameters.verificationKeys.entries()) {
        slots.push({ owner: slots.length + 1, item, member: m + 1, verificationKey: key.publicKey });
      }
    }
  }
  return slots;
}
