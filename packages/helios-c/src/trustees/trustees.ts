/**
 * The trustees structure (Belenios 2.0 specification §4.7): a list of `Single` keys and `Pedersen`
 * threshold parameters (§4.6.7); the election key is the product of their sub-keys (§3.1.1).
 *
 * @module
 */
import type { Group } from '../groups/group';
import {
  arrayAt,
  arrayOf,
  elementAt,
  fail,
  field,
  objectAt,
  type ParseResult,
  parseJsonText,
  runDecoder,
  smallIntAt,
  stringAt,
} from '../json/decoder';
import { decodeSignedMessage, type SignedMessage, serializeSignedMessage } from './signed-message';
import {
  decodeTrusteePublicKey,
  serializeTrusteePublicKey,
  type TrusteePublicKey,
} from './trustee-public-key';

/** Public data of a threshold (Pedersen) key establishment (§4.6.7). */
export interface ThresholdParameters<E> {
  /** `t + 1`: how many trustees must take part in a decryption. */
  readonly threshold: number;
  readonly certs: readonly SignedMessage[];
  readonly coefexps: readonly SignedMessage[];
  readonly verificationKeys: readonly TrusteePublicKey<E>[];
}

/** One item of the trustees structure. */
export type TrusteeKind<E> =
  | { readonly kind: 'Single'; readonly key: TrusteePublicKey<E> }
  | { readonly kind: 'Pedersen'; readonly parameters: ThresholdParameters<E> };

/** The trustees structure of an election. */
export type Trustees<E> = readonly TrusteeKind<E>[];

/**
 * Decodes the `coefexps` list inside a signed coefexps message.
 * @param group - the group
 * @param message - the signed message's text
 * @param path - path for errors
 * @returns the coefficients' exponentials `A_0 … A_t`
 */
export function decodeCoefexpsMessage<E>(group: Group<E>, message: string, path: string): E[] {
  const o = objectAt(parseJsonText(message), path);
  return arrayOf(field(o, 'coefexps', path), `${path}.coefexps`, (v, p) => elementAt(v, p, group));
}

/**
 * Decodes a `cert_keys` message of a certificate.
 * @param group - the group
 * @param message - the certificate's message text
 * @param path - path for errors
 * @returns the verification and encryption keys
 */
export function decodeCertKeys<E>(
  group: Group<E>,
  message: string,
  path: string,
): { verification: E; encryption: E } {
  const o = objectAt(parseJsonText(message), path);
  return {
    verification: elementAt(field(o, 'verification', path), `${path}.verification`, group),
    encryption: elementAt(field(o, 'encryption', path), `${path}.encryption`, group),
  };
}

function decodeThresholdParameters<E>(group: Group<E>, value: unknown, path: string): ThresholdParameters<E> {
  const o = objectAt(value, path);
  const certs = arrayOf(field(o, 'certs', path), `${path}.certs`, (v, p) =>
    decodeSignedMessage(v, p, group.q),
  );
  const coefexps = arrayOf(field(o, 'coefexps', path), `${path}.coefexps`, (v, p) =>
    decodeSignedMessage(v, p, group.q),
  );
  const verificationKeys = arrayOf(field(o, 'verification_keys', path), `${path}.verification_keys`, (v, p) =>
    decodeTrusteePublicKey(v, p, group),
  );
  const threshold = smallIntAt(field(o, 'threshold', path), `${path}.threshold`);
  if (threshold < 1 || threshold > certs.length)
    fail(`${path}.threshold`, 'a threshold between 1 and the number of trustees');
  if (coefexps.length !== certs.length) fail(`${path}.coefexps`, 'one coefexps per certificate');
  if (verificationKeys.length !== certs.length)
    fail(`${path}.verification_keys`, 'one verification key per certificate');
  return { threshold, certs, coefexps, verificationKeys };
}

/**
 * Decodes a trustees structure (already parsed JSON).
 * @param group - the election's group
 * @param value - the JSON value
 * @param path - its path
 * @returns the trustees
 */
export function decodeTrustees<E>(group: Group<E>, value: unknown, path = '$'): Trustees<E> {
  return arrayAt(value, path).map((item, i) => {
    const p = `${path}[${i}]`;
    const pair = arrayAt(item, p);
    if (pair.length !== 2) fail(p, 'a [kind, value] pair');
    const kind = stringAt(pair[0], `${p}[0]`);
    if (kind === 'Single') return { kind: 'Single', key: decodeTrusteePublicKey(pair[1], `${p}[1]`, group) };
    if (kind === 'Pedersen')
      return { kind: 'Pedersen', parameters: decodeThresholdParameters(group, pair[1], `${p}[1]`) };
    return fail(`${p}[0]`, '"Single" or "Pedersen"');
  });
}

/**
 * Parses a trustees structure from JSON text.
 * @param group - the election's group
 * @param text - the JSON text
 * @returns the trustees or a MalformedInputError
 */
export function parseTrustees<E>(group: Group<E>, text: string): ParseResult<Trustees<E>> {
  return runDecoder(() => decodeTrustees(group, parseJsonText(text)));
}

/**
 * Serializes a trustees structure as belenios-tool does.
 * @param group - the group
 * @param trustees - the structure
 * @returns compact JSON
 */
export function serializeTrustees<E>(group: Group<E>, trustees: Trustees<E>): string {
  const items = trustees.map((t) => {
    if (t.kind === 'Single') return `["Single",${serializeTrusteePublicKey(group, t.key)}]`;
    const p = t.parameters;
    return `["Pedersen",{"threshold":${p.threshold},"certs":[${p.certs.map(serializeSignedMessage).join(',')}],"coefexps":[${p.coefexps
      .map(serializeSignedMessage)
      .join(
        ',',
      )}],"verification_keys":[${p.verificationKeys.map((k) => serializeTrusteePublicKey(group, k)).join(',')}]}]`;
  });
  return `[${items.join(',')}]`;
}

/**
 * The public sub-key of one trustees item: `X` for `Single`, `∏_z A_z0` for `Pedersen` (§4.6.4).
 * @param group - the group
 * @param kind - the item
 * @returns the sub-key, or `undefined` if a coefexps message cannot be read
 */
export function trusteeSubKey<E>(group: Group<E>, kind: TrusteeKind<E>): E | undefined {
  if (kind.kind === 'Single') return kind.key.publicKey;
  let y = group.one;
  for (const [i, c] of kind.parameters.coefexps.entries()) {
    try {
      const a = decodeCoefexpsMessage(group, c.message, `coefexps[${i}]`);
      if (a.length === 0) return undefined;
      y = group.mul(y, a[0] as E);
    } catch {
      return undefined;
    }
  }
  return y;
}

/**
 * The election public key `y = ∏_τ y_τ` (§3.1.1).
 * @param group - the group
 * @param trustees - the trustees structure
 * @returns `y`, or `undefined` if a sub-key is unreadable
 */
export function electionPublicKey<E>(group: Group<E>, trustees: Trustees<E>): E | undefined {
  let y = group.one;
  for (const t of trustees) {
    const sub = trusteeSubKey(group, t);
    if (sub === undefined) return undefined;
    y = group.mul(y, sub);
  }
  return y;
}
