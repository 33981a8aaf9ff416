/**
 * @module
 * The example's own messages around a secret election, for what @imago/matrix-binding does not
 * map: the member trustees' keys and the threshold key establishment (Belenios 2.0
 * specification §4.2), the service's requests to a trustee for its step, and the to-device
 * message carrying a voter's private credential. The election itself (Setup, ballots, tally,
 * shuffles, partial decryptions, result) travels as the binding's `org.imago.helios.step` events.
 * Namespace `org.imago.example.helios.*`, outside the binding's `org.imago.helios.*`. Each reader
 * returns the typed content or `undefined`.
 */

/** Event types of the example's own secret-election messages. */
export const HeliosEventTypes = {
  /**
   * A member trustee's key: `{ decision, public_key }` (plain trustee) or
   * `{ decision, certificate, cert_id }` (threshold trustee, step 1 of the key establishment).
   */
  trusteeKey: 'org.imago.example.helios.trustee_key',
  /**
   * The service asks a trustee for a step: `{ decision, step, trustee, trustee_id, input?,
   * election?, threshold?, decryption_key? }`. Key establishment (`polynomial`, `voutput`):
   * `input` is the `mxc://` URI of the step's input (certificates, or certificates and
   * verification input). `shuffle` and `decrypt`: `election` is the uuid; the trustee computes
   * from the room's `org.imago.helios.step` events and posts its own step there.
   */
  request: 'org.imago.example.helios.request',
  /** A trustee's key-establishment answer: `{ decision, step, trustee_id, payload: mxc }`. */
  contribution: 'org.imago.example.helios.contribution',
  /** To-device: a voter's private credential `{ decision, uuid, credential }`. */
  credential: 'org.imago.example.helios.credential',
} as const;

/**
 * A step a member trustee performs: the threshold key establishment (`polynomial`: step 3,
 * `voutput`: step 5), then `shuffle` and `decrypt` (posted as `org.imago.helios.step`).
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

/** A request for a trustee's step. */
export interface StepRequest {
  readonly decision: string;
  readonly step: TrusteeStep;
  readonly trusteeId: number;
  readonly trustee: string;
  /** Key establishment: the `mxc://` URI of the input. */
  readonly input?: string;
  /** Shuffle and decryption: the election uuid. */
  readonly election?: string;
  readonly threshold?: number;
  readonly decryptionKey?: string;
}

/** @returns the content of a request event, or undefined. */
export function readStepRequest(content: unknown): StepRequest | undefined {
  if (!isObject(content) || !isString(content.decision) || !isString(content.trustee)) return undefined;
  if (typeof content.step !== 'string' || !STEPS.includes(content.step)) return undefined;
  if (typeof content.trustee_id !== 'number' || !Number.isInteger(content.trustee_id)) return undefined;
  const step = content.step as TrusteeStep;
  const keyStep = step === 'polynomial' || step === 'voutput';
  if (keyStep ? !isString(content.input) : !isString(content.election)) return undefined;
  const threshold = content.threshold;
  return {
    decision: content.decision,
    step,
    trusteeId: content.trustee_id,
    trustee: content.trustee,
    ...(keyStep ? { input: content.input as string } : { election: content.election as string }),
    ...(typeof threshold === 'number' && Number.isInteger(threshold) ? { threshold } : {}),
    ...(isString(content.decryption_key) ? { decryptionKey: content.decryption_key } : {}),
  };
}

/** @returns the content of a key-establishment contribution, or undefined. */
export function readContribution(
  content: unknown,
): { decision: string; step: 'polynomial' | 'voutput'; trusteeId: number; uri: string } | undefined {
  if (!isObject(content) || !isString(content.decision) || !isString(content.payload)) return undefined;
  if (content.step !== 'polynomial' && content.step !== 'voutput') return undefined;
  if (typeof content.trustee_id !== 'number' || !Number.isInteger(content.trustee_id)) return undefined;
  return {
    decision: content.decision,
    step: content.step,
    trusteeId: content.trustee_id,
    uri: content.payload,
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
