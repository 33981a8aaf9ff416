/**
 * @module
 * FEP-0837's answer to a proposal: `Offer` of an `Agreement` whose primary commitment
 * (`stipulates`) `satisfies` the proposal's primary intent, with the quantity asked. The group
 * decides it; the bridge answers `Accept` or `Reject` with the offer as object.
 */
import type { Measure } from '@imago/valueflows';
import { InvalidActivityError } from '../errors/invalid-activity-error';
import {
  hasType,
  type JsonObject,
  parseWith,
  readActivity,
  readArray,
  readNumber,
  readObject,
  readReference,
  readString,
} from './json-reader';

/** An agreement offered by a fediverse actor. */
export interface AgreementOffer {
  /** The `Offer` activity's id (the object of the answer). */
  readonly offer: string;
  readonly actor: string;
  /** The intent IRI the primary commitment satisfies. */
  readonly satisfies: string;
  /** The quantity asked, when the commitment names one. */
  readonly quantity?: Measure;
}

/** The result of {@link parseAgreementOffer}. */
export type ParseAgreementOfferResult =
  | { ok: true; value: AgreementOffer }
  | { ok: false; error: InvalidActivityError };

function readMeasure(value: unknown, path: string): Measure {
  const measure = readObject(value, path);
  const unit = readString(measure.hasUnit, `${path}.hasUnit`, 200);
  const raw = measure.hasNumericalValue;
  const number = typeof raw === 'string' && /^\d{1,15}(\.\d{1,12})?$/.test(raw) ? Number(raw) : raw;
  return {
    hasNumericalValue: readNumber(number, `${path}.hasNumericalValue`, Number.MIN_VALUE, 1e15),
    hasUnit: unit,
  };
}

function firstCommitment(value: unknown, path: string): { commitment: JsonObject; path: string } {
  if (Array.isArray(value)) {
    const commitments = readArray(value, path, 20);
    if (commitments.length === 0) throw new InvalidActivityError(path, 'expected 1 to 20 commitments');
    return { commitment: readObject(commitments[0], `${path}[0]`), path: `${path}[0]` };
  }
  return { commitment: readObject(value, path), path };
}

/**
 * Parses an `Offer(Agreement)`.
 *
 * @param activity - the activity as received (signature already verified).
 * @returns the offer, or an error naming the field.
 */
export function parseAgreementOffer(activity: unknown): ParseAgreementOfferResult {
  return parseWith(() => {
    const { id, actor, object: agreement } = readActivity(activity, 'Offer', 'Agreement');
    const { commitment, path } = firstCommitment(agreement.stipulates, 'object.stipulates');
    if (commitment.type !== undefined && !hasType(commitment, 'Commitment')) {
      throw new InvalidActivityError(`${path}.type`, 'expected Commitment');
    }
    const satisfies = readReference(commitment.satisfies, `${path}.satisfies`);
    const quantity =
      commitment.resourceQuantity === undefined
        ? undefined
        : readMeasure(commitment.resourceQuantity, `${path}.resourceQuantity`);
    return { offer: id, actor, satisfies, ...(quantity ? { quantity } : {}) };
  });
}
