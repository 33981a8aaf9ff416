/**
 * @module
 * The events of a secret election run for a decision (namespace `org.imago.helios.*`), as this
 * service and the members' clients exchange them in the group's decisions room, and the to-device
 * message carrying a voter's credential. Each reader returns the typed content or `undefined`.
 */

/** Event types of the secret-election exchange. */
export const HeliosEventTypes = {
  /** A member trustee's public key: `{ decision, public_key }`. */
  trusteeKey: 'org.imago.helios.trustee_key',
  /** The election is set up: `{ decision, uuid, archive: mxc, trustees: string[] }`. */
  election: 'org.imago.helios.election',
  /** A voter's encrypted ballot: `{ decision, ballot }` (the Belenios ballot JSON text). */
  ballot: 'org.imago.helios.ballot',
  /** The service asks a trustee for a step: `{ decision, step, trustee_id, archive: mxc }`. */
  request: 'org.imago.helios.request',
  /** A trustee's answer: `{ decision, step, trustee_id, payload: mxc }`. */
  contribution: 'org.imago.helios.contribution',
  /** To-device: a voter's private credential `{ decision, uuid, credential }`. */
  credential: 'org.imago.helios.credential',
} as const;

/** A step a member trustee performs. */
export type TrusteeStep = 'shuffle' | 'decrypt';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** @returns the content of a trustee key event, or undefined. */
export function readTrusteeKey(content: unknown): { decision: string; publicKey: string } | undefined {
  if (!isObject(content) || !isString(content.decision) || !isString(content.public_key)) return undefined;
  return { decision: content.decision, publicKey: content.public_key };
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
): { decision: string; step: TrusteeStep; trusteeId: number; uri: string } | undefined {
  if (!isObject(content) || !isString(content.decision) || !isString(content[key])) return undefined;
  if (content.step !== 'shuffle' && content.step !== 'decrypt') return undefined;
  if (typeof content.trustee_id !== 'number' || !Number.isInteger(content.trustee_id)) return undefined;
  return {
    decision: content.decision,
    step: content.step,
    trusteeId: content.trustee_id,
    uri: content[key] as string,
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
