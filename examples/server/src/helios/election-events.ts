/**
 * @module
 * The events of a secret election run for a decision (namespace `org.imago.helios.*`), as this
 * service and the members' clients exchange them in the group's decisions room, and the to-device
 * message carrying a voter's credential. Each reader returns the typed content or `undefined`.
 */

/** Event types of the secret-election exchange. */
export const HeliosEventTypes = {
  /**
   * A member trustee's key: `{ decision, public_key }` (plain trustee) or
   * `{ decision, certificate, cert_id }` (threshold trustee, step 1 of the key establishment).
   */
  trusteeKey: 'org.imago.helios.trustee_key',
  /** The election is set up: `{ decision, uuid, archive: mxc, trustees: string[] }`. */
  election: 'org.imago.helios.election',
  /** A voter's encrypted ballot: `{ decision, ballot }` (the Belenios ballot JSON text). */
  ballot: 'org.imago.helios.ballot',
  /**
   * The service asks a trustee for a step: `{ decision, step, trustee, trustee_id, archive: mxc,
   * threshold?, decryption_key? }` (`archive`: the step's input — certificates, a bundle, or the
   * election archive).
   */
  request: 'org.imago.helios.request',
  /** A trustee's answer: `{ decision, step, trustee_id, payload: mxc }`. */
  contribution: 'org.imago.helios.contribution',
  /** To-device: a voter's private credential `{ decision, uuid, credential }`. */
  credential: 'org.imago.helios.credential',
} as const;

/**
 * A step a member trustee performs: the threshold key establishment (`polynomial`: step 3,
 * `voutput`: step 5), then `shuffle` and `decrypt`.
 */
export type TrusteeStep = 'polynomial' | 'voutput' | 'shuffle' | 'decrypt';

const STEPS: readonly string[] = ['polynomial', 'voutput', 'shuffle', 'decrypt'];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** A member trustee's key event. */
export type TrusteeKey =
  | { readonly decision: string; readonly publicKey: string }
  | { readonly decision: string; readonly certificate: string; readonly certId: string };

/** @returns the content of a trustee key event, or undefined. */
export function readTrusteeKey(content: unknown): TrusteeKey | undefined {
  if (!isObject(content) || !isString(content.decision)) return undefined;
  if (isString(content.public_key)) return { decision: content.decision, publicKey: content.public_key };
  if (isString(content.certificate) && isString(content.cert_id) && /^[A-Za-z0-9]+$/.test(content.cert_id))
    return { decision: content.decision, certificate: content.certificate, certId: content.cert_id };
  return undefined;
}

/** @returns the content of an election event, or undefined. */
export function readElection(
  content: unknown,
): { decision: string; uuid: string; archive: string; trustees: string[] } | undefined {
  if (
    !isObject(content) ||
    !isString(content.decision) ||
    !isString(content.uuid) ||
    !isString(content.archive)
  )
    return undefined;
  const trustees = Array.isArray(content.trustees) ? content.trustees.filter(isString) : [];
  return { decision: content.decision, uuid: content.uuid, archive: content.archive, trustees };
}

/** @returns the content of a ballot event, or undefined. */
export function readBallot(content: unknown): { decision: string; ballot: string } | undefined {
  if (!isObject(content) || !isString(content.decision) || !isString(content.ballot)) return undefined;
  return { decision: content.decision, ballot: content.ballot };
}

/** @returns the content of a request or contribution event, or undefined. */
export function readStepMessage(
  content: unknown,
  key: 'archive' | 'payload',
):
  | {
      decision: string;
      step: TrusteeStep;
      trusteeId: number;
      uri: string;
      trustee?: string;
      threshold?: number;
      decryptionKey?: string;
    }
  | undefined {
  if (!isObject(content) || !isString(content.decision) || !isString(content[key])) return undefined;
  if (typeof content.step !== 'string' || !STEPS.includes(content.step)) return undefined;
  if (typeof content.trustee_id !== 'number' || !Number.isInteger(content.trustee_id)) return undefined;
  const threshold = content.threshold;
  return {
    decision: content.decision,
    step: content.step as TrusteeStep,
    trusteeId: content.trustee_id,
    uri: content[key] as string,
    ...(isString(content.trustee) ? { trustee: content.trustee } : {}),
    ...(typeof threshold === 'number' && Number.isInteger(threshold) ? { threshold } : {}),
    ...(isString(content.decryption_key) ? { decryptionKey: content.decryption_key } : {}),
  };
}

/** @returns the content of a credential message, or undefined. */
export function readCredential(
  content: unknown,
): { decision: string; uuid: string; credential: string } | undefined {
  if (
    !isObject(content) ||
    !isString(content.decision) ||
    !isString(content.uuid) ||
    !isString(content.credential)
  )
    return undefined;
  return { decision: content.decision, uuid: content.uuid, credential: content.credential };
}
