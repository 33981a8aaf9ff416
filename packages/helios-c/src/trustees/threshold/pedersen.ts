/**
 * The Pedersen-style threshold key establishment of Belenios 2.0 (specification §3.1.1 and
 * §4.6.2–§4.6.7): certificates, polynomials, vinputs, voutputs, threshold parameters, and the
 * recovery of a trustee's decryption key share. The messages they exchange are in
 * `pedersen-messages.ts`.
 *
 * @module
 */
import { sha256Hex } from '../../encoding/sha256';
import { MalformedInputError } from '../../errors/malformed-input-error';
import type { Group } from '../../groups/group';
import { arrayOf, field, naturalAt, objectAt, parseJsonText } from '../../json/decoder';
import { type SignedMessage, signMessage, verifySignedMessage } from '../signed-message';
import { makeTrusteePublicKey } from '../trustee-public-key';
import { decodeCertKeys, decodeCoefexpsMessage, type ThresholdParameters } from '../trustees';
import type { PolynomialMessage, VerificationInput, VerificationOutput } from './pedersen-messages';
import { deriveDecryptionKey, deriveSigningKey, generateSeed, receiveOnChannel, sendOnChannel } from './pki';

/** The keys of a certificate. */
export interface CertKeys<E> {
  readonly verification: E;
  readonly encryption: E;
}

/**
 * Step 1: a seed and its certificate.
 * @param group - the group
 * @returns the seed (secret), the certificate and its id (SHA-256 of the certificate message)
 */
export function generateCertificate<E>(group: Group<E>): { seed: string; cert: SignedMessage; id: string } {
  const seed = generateSeed();
  const sk = deriveSigningKey(seed);
  const message = `{"verification":"${group.toString(group.powG(sk))}","encryption":"${group.toString(group.powG(deriveDecryptionKey(seed)))}"}`;
  return { seed, cert: signMessage(group, sk, message), id: sha256Hex(message) };
}

/**
 * Step 2 (and every later step): checks the certificates' signatures.
 * @param group - the group
 * @param certs - the certificates
 * @returns the keys of each certificate
 * @throws MalformedInputError naming the first certificate that does not validate
 */
export function checkCertificates<E>(group: Group<E>, certs: readonly SignedMessage[]): CertKeys<E>[] {
  return certs.map((cert, i) => {
    const keys = decodeCertKeys(group, cert.message, `certs[${i}].message`);
    if (!verifySignedMessage(group, keys.verification, cert))
      throw new MalformedInputError(`certs[${i}]`, 'a certificate that validates');
    return keys;
  });
}

function myIndex<E>(group: Group<E>, keys: readonly CertKeys<E>[], seed: string): number {
  const vk = group.powG(deriveSigningKey(seed));
  const ek = group.powG(deriveDecryptionKey(seed));
  const i = keys.findIndex((k) => group.equals(k.verification, vk) && group.equals(k.encryption, ek));
  if (i < 0) throw new MalformedInputError('certs', 'the certificate of this key');
  return i;
}

/**
 * Step 3: a random polynomial of degree `threshold − 1`, its shares sent to every trustee.
 * @param group - the group
 * @param certs - all certificates
 * @param seed - this trustee's seed
 * @param threshold - `t + 1`
 * @returns the polynomial message
 */
export function generatePolynomial<E>(
  group: Group<E>,
  certs: readonly SignedMessage[],
  seed: string,
  threshold: number,
): PolynomialMessage {
  const keys = checkCertificates(group, certs);
  myIndex(group, keys, seed);
  const sk = deriveSigningKey(seed);
  const ek = group.powG(deriveDecryptionKey(seed));
  const coefficients = Array.from({ length: threshold }, () => group.randomScalar());
  const polynomial = sendOnChannel(
    group,
    sk,
    ek,
    `{"polynomial":[${coefficients.map((a) => `"${a}"`).join(',')}]}`,
  );
  const coefexps = signMessage(
    group,
    sk,
    `{"coefexps":[${coefficients.map((a) => `"${group.toString(group.powG(a))}"`).join(',')}]}`,
  );
  const secrets = keys.map((k, j) => {
    const x = BigInt(j + 1);
    let value = 0n;
    let power = 1n;
    for (const a of coefficients) {
      value = (value + a * power) % group.q;
      power = (power * x) % group.q;
    }
    return sendOnChannel(group, sk, k.encryption, `{"secret":"${value}"}`);
  });
  return { polynomial, secrets, coefexps };
}

function checkedCoefexps<E>(
  group: Group<E>,
  keys: readonly CertKeys<E>[],
  coefexps: readonly SignedMessage[],
): E[][] {
  return coefexps.map((c, i) => {
    if (!verifySignedMessage(group, (keys[i] as CertKeys<E>).verification, c))
      throw new MalformedInputError(`coefexps[${i}]`, 'coefexps that validate');
    return decodeCoefexpsMessage(group, c.message, `coefexps[${i}].message`);
  });
}

/**
 * Step 4 (server): routes the polynomials into one verification input per trustee.
 * @param group - the group
 * @param certs - the certificates
 * @param polynomials - the trustees' polynomial messages, in certificate order
 * @returns one vinput per trustee
 */
export function makeVerificationInputs<E>(
  group: Group<E>,
  certs: readonly SignedMessage[],
  polynomials: readonly PolynomialMessage[],
): VerificationInput[] {
  const keys = checkCertificates(group, certs);
  if (polynomials.length !== certs.length)
    throw new MalformedInputError('polynomials', 'one polynomial per certificate');
  checkedCoefexps(
    group,
    keys,
    polynomials.map((p) => p.coefexps),
  );
  return polynomials.map((p, j) => ({
    polynomial: p.polynomial,
    secrets: polynomials.map((q) => q.secrets[j] as string),
    coefexps: polynomials.map((q) => q.coefexps),
  }));
}

function commitmentAt<E>(group: Group<E>, coefexps: readonly E[], x: bigint): E {
  const exponents: bigint[] = [];
  let power = 1n;
  for (let k = 0; k < coefexps.length; k++) {
    exponents.push(power);
    power = (power * x) % group.q;
  }
  return group.multiPow(coefexps, exponents);
}

/**
 * Step 5 (trustee): checks the received shares against the commitments and builds the voutput.
 * @param group - the group
 * @param certs - the certificates
 * @param seed - this trustee's seed
 * @param input - this trustee's vinput
 * @returns the voutput
 */
export function makeVerificationOutput<E>(
  group: Group<E>,
  certs: readonly SignedMessage[],
  seed: string,
  input: VerificationInput,
): VerificationOutput<E> {
  const keys = checkCertificates(group, certs);
  const j = myIndex(group, keys, seed);
  const sk = deriveSigningKey(seed);
  const dk = deriveDecryptionKey(seed);
  const me = keys[j] as CertKeys<E>;
  const own = objectAt(
    parseJsonText(receiveOnChannel(group, dk, me.verification, input.polynomial)),
    'raw_polynomial',
  );
  const threshold = arrayOf(
    field(own, 'polynomial', 'raw_polynomial'),
    'raw_polynomial.polynomial',
    naturalAt,
  ).length;
  if (input.secrets.length !== keys.length || input.coefexps.length !== keys.length)
    throw new MalformedInputError('vinput', 'one secret and coefexps per trustee');
  const coefexps = checkedCoefexps(group, keys, input.coefexps);
  let sum = 0n;
  for (const [i, text] of input.secrets.entries()) {
    const o = objectAt(
      parseJsonText(receiveOnChannel(group, dk, (keys[i] as CertKeys<E>).verification, text)),
      `secrets[${i}]`,
    );
    const secret = naturalAt(field(o, 'secret', `secrets[${i}]`), `secrets[${i}].secret`);
    const a = coefexps[i] as E[];
    if (a.length !== threshold) throw new MalformedInputError(`coefexps[${i}]`, `${threshold} coefficients`);
    if (!group.equals(group.powG(secret), commitmentAt(group, a, BigInt(j + 1))))
      throw new MalformedInputError(`secrets[${i}]`, 'a secret that matches its commitments');
    sum += secret;
  }
  const x = sum % group.q;
  return {
    privateKey: sendOnChannel(group, sk, me.encryption, `{"decryption_key":"${x}"}`),
    publicKey: makeTrusteePublicKey(group, x),
  };
}

/**
 * Step 6 (server): checks the voutputs and assembles the threshold parameters.
 * @param group - the group
 * @param certs - the certificates
 * @param polynomials - the polynomial messages
 * @param outputs - the voutputs, in certificate order
 * @returns the threshold parameters
 */
export function makeThresholdParameters<E>(
  group: Group<E>,
  certs: readonly SignedMessage[],
  polynomials: readonly PolynomialMessage[],
  outputs: readonly VerificationOutput<E>[],
): ThresholdParameters<E> {
  const keys = checkCertificates(group, certs);
  if (polynomials.length !== certs.length || outputs.length !== certs.length)
    throw new MalformedInputError('voutputs', 'one per certificate');
  const coefexps = checkedCoefexps(
    group,
    keys,
    polynomials.map((p) => p.coefexps),
  );
  for (const [j, out] of outputs.entries()) {
    let expected = group.one;
    for (const a of coefexps) expected = group.mul(expected, commitmentAt(group, a, BigInt(j + 1)));
    if (!group.equals(expected, out.publicKey.publicKey))
      throw new MalformedInputError(`voutputs[${j}].public_key`, 'the verification key the commitments give');
  }
  return {
    threshold: (coefexps[0] as E[]).length,
    certs: [...certs],
    coefexps: polynomials.map((p) => p.coefexps),
    verificationKeys: outputs.map((o) => o.publicKey),
  };
}

/**
 * Recovers a trustee's decryption key share from its `.dkey` (the voutput's private key).
 * @param group - the group
 * @param seed - the trustee's seed
 * @param encryptedKey - the `.dkey` content
 * @returns the share `x`
 */
export function recoverDecryptionKey<E>(group: Group<E>, seed: string, encryptedKey: string): bigint {
  const sk = deriveSigningKey(seed);
  const o = objectAt(
    parseJsonText(receiveOnChannel(group, deriveDecryptionKey(seed), group.powG(sk), encryptedKey)),
    'partial_decryption_key',
  );
  return (
    naturalAt(field(o, 'decryption_key', 'partial_decryption_key'), 'partial_decryption_key.decryption_key') %
    group.q
  );
}
