/**
 * The messages of the threshold key establishment (Belenios 2.0 specification §4.6.3–§4.6.5):
 * certificates, polynomials (step 3), verification inputs (step 4) and outputs (step 5), as
 * typed values, read from and written to their exact JSON forms.
 *
 * @module
 */
import type { Group } from '../../groups/group';
import {
  arrayOf,
  field,
  objectAt,
  type ParseResult,
  parseJsonText,
  runDecoder,
  stringAt,
} from '../../json/decoder';
import { decodeSignedMessage, type SignedMessage, serializeSignedMessage } from '../signed-message';
import {
  decodeTrusteePublicKey,
  serializeTrusteePublicKey,
  type TrusteePublicKey,
} from '../trustee-public-key';

/** A trustee's polynomial message (step 3). */
export interface PolynomialMessage {
  readonly polynomial: string;
  readonly secrets: readonly string[];
  readonly coefexps: SignedMessage;
}

/** A trustee's verification input (step 4). */
export interface VerificationInput {
  readonly polynomial: string;
  readonly secrets: readonly string[];
  readonly coefexps: readonly SignedMessage[];
}

/** A trustee's verification output (step 5). */
export interface VerificationOutput<E> {
  readonly privateKey: string;
  readonly publicKey: TrusteePublicKey<E>;
}

/**
 * Parses one certificate (a `.cert` line).
 * @param group - the group
 * @param text - the JSON text
 * @returns the certificate
 */
export function parseCertificate<E>(group: Group<E>, text: string): ParseResult<SignedMessage> {
  return runDecoder(() => decodeSignedMessage(parseJsonText(text), 'cert', group.q));
}

/**
 * Parses a polynomial message (a line of `polynomials.jsons`).
 * @param group - the group
 * @param text - the JSON text
 * @returns the message
 */
export function parsePolynomial<E>(group: Group<E>, text: string): ParseResult<PolynomialMessage> {
  return runDecoder(() => {
    const o = objectAt(parseJsonText(text), 'polynomial');
    return {
      polynomial: stringAt(field(o, 'polynomial', 'polynomial'), 'polynomial.polynomial'),
      secrets: arrayOf(field(o, 'secrets', 'polynomial'), 'polynomial.secrets', stringAt),
      coefexps: decodeSignedMessage(field(o, 'coefexps', 'polynomial'), 'polynomial.coefexps', group.q),
    };
  });
}

/**
 * Parses a vinput.
 * @param group - the group
 * @param text - the JSON text
 * @returns the vinput
 */
export function parseVerificationInput<E>(group: Group<E>, text: string): ParseResult<VerificationInput> {
  return runDecoder(() => {
    const o = objectAt(parseJsonText(text), 'vinput');
    return {
      polynomial: stringAt(field(o, 'polynomial', 'vinput'), 'vinput.polynomial'),
      secrets: arrayOf(field(o, 'secrets', 'vinput'), 'vinput.secrets', stringAt),
      coefexps: arrayOf(field(o, 'coefexps', 'vinput'), 'vinput.coefexps', (v, p) =>
        decodeSignedMessage(v, p, group.q),
      ),
    };
  });
}

/**
 * Parses a voutput.
 * @param group - the group
 * @param text - the JSON text
 * @returns the voutput
 */
export function parseVerificationOutput<E>(
  group: Group<E>,
  text: string,
): ParseResult<VerificationOutput<E>> {
  return runDecoder(() => {
    const o = objectAt(parseJsonText(text), 'voutput');
    return {
      privateKey: stringAt(field(o, 'private_key', 'voutput'), 'voutput.private_key'),
      publicKey: decodeTrusteePublicKey(field(o, 'public_key', 'voutput'), 'voutput.public_key', group),
    };
  });
}

/** Serializes a polynomial message. */
export function serializePolynomial(p: PolynomialMessage): string {
  return `{"polynomial":${JSON.stringify(p.polynomial)},"secrets":[${p.secrets.map((s) => JSON.stringify(s)).join(',')}],"coefexps":${serializeSignedMessage(p.coefexps)}}`;
}

/** Serializes a vinput. */
export function serializeVerificationInput(v: VerificationInput): string {
  return `{"polynomial":${JSON.stringify(v.polynomial)},"secrets":[${v.secrets.map((s) => JSON.stringify(s)).join(',')}],"coefexps":[${v.coefexps.map(serializeSignedMessage).join(',')}]}`;
}

/** Serializes a voutput. */
export function serializeVerificationOutput<E>(group: Group<E>, v: VerificationOutput<E>): string {
  return `{"private_key":${JSON.stringify(v.privateKey)},"public_key":${serializeTrusteePublicKey(group, v.publicKey)}}`;
}
