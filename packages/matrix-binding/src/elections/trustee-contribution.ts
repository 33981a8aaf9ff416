/**
 * @module
 * A member trustee's part of key establishment, as room events of the decisions room
 * (`org.imago.helios.trustee`): a plain trustee's public key with its proof of knowledge, or a
 * threshold trustee's steps of Belenios' Pedersen protocol (specification §4.2) — its certificate
 * (step 1), its polynomial (step 3: commitments signed with its certificate's key, and the shares
 * of the other trustees encrypted to their certificates) and its verification output (step 5: its
 * public verification key, and its own decryption key encrypted to itself). None of them lets
 * anyone but their author decrypt; posting them in the room makes key establishment auditable
 * (the Setup must use exactly these) and lets every trustee take its steps from its own client.
 */
import { readEnum, readObject, readString } from '../events/content-reader';

/** The event type of a trustee's contribution. */
export const TRUSTEE_CONTRIBUTION_TYPE = 'org.imago.helios.trustee';

/** The steps of key establishment a member trustee posts. */
export const TRUSTEE_STEPS = ['key', 'certificate', 'polynomial', 'verification'] as const;

/** A step of key establishment: `key` (plain trustee) or the threshold trustee's steps 1, 3 and 5. */
export type TrusteeStep = (typeof TRUSTEE_STEPS)[number];

/** Content of `org.imago.helios.trustee`. */
export interface TrusteeContributionContent {
  /** The governance decision whose election the key is for. */
  readonly decision: string;
  readonly step: TrusteeStep;
  /**
   * The exact text @imago/helios-c writes: `key`: the trustee public key JSON
   * (`GeneratedTrusteeKey.publicText`); `certificate`: `serializeSignedMessage` of the
   * certificate; `polynomial`: `serializePolynomial`; `verification`: `serializeVerificationOutput`.
   */
  readonly text: string;
}

/**
 * Reads `org.imago.helios.trustee` content.
 *
 * @param content - untrusted content.
 * @param path - path for problem reports.
 * @returns the contribution (its text is parsed by whoever uses it, in the election's group).
 * @throws {@link ContentProblem} naming the offending field.
 */
export function readTrusteeContribution(content: unknown, path = 'content'): TrusteeContributionContent {
  const object = readObject(content, path);
  return {
    decision: readString(object.decision, `${path}.decision`, 255),
    step: readEnum(object.step, `${path}.step`, TRUSTEE_STEPS),
    text: readString(object.text, `${path}.text`, 55_000),
  };
}
