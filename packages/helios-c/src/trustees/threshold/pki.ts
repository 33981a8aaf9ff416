/**
 * The public key infrastructure of the threshold key establishment (Belenios 2.0 specification
 * §4.6.1–§4.6.3): seeds, derived signing and decryption keys, hybrid ElGamal/AES-CCM encryption of
 * messages, and channels (`send` / `receive`).
 *
 * @module
 */
import { base58Alphabet } from '../../credentials/secret-credential';
import { bytesToHex, fromUtf8, hexToBytes, utf8 } from '../../encoding/bytes';
import { sha256BigInt, sha256Hex } from '../../encoding/sha256';
import { MalformedInputError } from '../../errors/malformed-input-error';
import type { Group } from '../../groups/group';
import { randomBelow } from '../../groups/random-scalar';
import { elementAt, field, objectAt, parseJsonText, stringAt } from '../../json/decoder';
import { jsonString } from '../../json/json-string';
import {
  decodeSignedMessage,
  serializeSignedMessage,
  signMessage,
  verifySignedMessage,
} from '../signed-message';
import { ccmDecrypt, ccmEncrypt } from './aes-ccm';

/**
 * A fresh 22-character Base58 seed.
 * @returns the seed
 */
export function generateSeed(): string {
  let seed = '';
  for (let i = 0; i < 22; i++) seed += base58Alphabet[Number(randomBelow(58n))];
  return seed;
}

/**
 * The signing key `sk = SHA256(sk|seed)`.
 * @param seed - the seed
 * @returns `sk`
 */
export function deriveSigningKey(seed: string): bigint {
  return sha256BigInt(`sk|${seed}`);
}

/**
 * The decryption key `dk = SHA256(dk|seed)`.
 * @param seed - the seed
 * @returns `dk`
 */
export function deriveDecryptionKey(seed: string): bigint {
  return sha256BigInt(`dk|${seed}`);
}

function symmetricKeys<E>(group: Group<E>, keyElement: E, alpha: E): { key: Uint8Array; iv: Uint8Array } {
  return {
    key: hexToBytes(sha256Hex(`key|${group.toString(keyElement)}`)) as Uint8Array,
    iv: hexToBytes(sha256Hex(`iv|${group.toString(alpha)}`)) as Uint8Array,
  };
}

/**
 * Encrypts a message for an encryption key (`encrypted_msg`, serialized).
 * @param group - the group
 * @param recipient - the encryption key `ek`
 * @param plaintext - the message
 * @returns the JSON text of the encrypted message
 */
export function encryptMessage<E>(group: Group<E>, recipient: E, plaintext: string): string {
  const r = group.randomScalar();
  const keyElement = group.powG(group.randomScalar());
  const alpha = group.powG(r);
  const beta = group.mul(group.pow(recipient, r), keyElement);
  const { key, iv } = symmetricKeys(group, keyElement, alpha);
  const data = bytesToHex(ccmEncrypt(key, iv, utf8(plaintext)));
  return `{"alpha":"${group.toString(alpha)}","beta":"${group.toString(beta)}","data":"${data}"}`;
}

/**
 * Decrypts an `encrypted_msg`.
 * @param group - the group
 * @param decryptionKey - `dk`
 * @param text - the JSON text of the encrypted message
 * @returns the plaintext
 * @throws MalformedInputError if the message is malformed or does not authenticate
 */
export function decryptMessage<E>(group: Group<E>, decryptionKey: bigint, text: string): string {
  const o = objectAt(parseJsonText(text), 'encrypted_msg');
  const alpha = elementAt(field(o, 'alpha', 'encrypted_msg'), 'encrypted_msg.alpha', group);
  const beta = elementAt(field(o, 'beta', 'encrypted_msg'), 'encrypted_msg.beta', group);
  const data = hexToBytes(stringAt(field(o, 'data', 'encrypted_msg'), 'encrypted_msg.data'));
  if (!data) throw new MalformedInputError('encrypted_msg.data', 'hexadecimal data');
  const { key, iv } = symmetricKeys(group, group.div(beta, group.pow(alpha, decryptionKey)), alpha);
  const plain = ccmDecrypt(key, iv, data);
  const decoded = plain && fromUtf8(plain);
  if (decoded === undefined)
    throw new MalformedInputError('encrypted_msg.data', 'data that decrypts with this key');
  return decoded;
}

/**
 * `send(sk, recipient, message)`: a signed `channel_msg`, encrypted for the recipient (§4.6.3).
 * @param group - the group
 * @param signingKey - the sender's `sk`
 * @param recipient - the recipient's encryption key
 * @param message - the message
 * @returns the encrypted message text
 */
export function sendOnChannel<E>(group: Group<E>, signingKey: bigint, recipient: E, message: string): string {
  const channel = `{"recipient":"${group.toString(recipient)}","message":${jsonString(message)}}`;
  return encryptMessage(group, recipient, serializeSignedMessage(signMessage(group, signingKey, channel)));
}

/**
 * Receives a channel message: decrypts, checks the sender's signature and the recipient.
 * @param group - the group
 * @param decryptionKey - the recipient's `dk`
 * @param senderVerificationKey - the sender's `vk`
 * @param text - the encrypted message
 * @returns the message
 * @throws MalformedInputError if anything does not check
 */
export function receiveOnChannel<E>(
  group: Group<E>,
  decryptionKey: bigint,
  senderVerificationKey: E,
  text: string,
): string {
  const signed = decodeSignedMessage(
    parseJsonText(decryptMessage(group, decryptionKey, text)),
    'signed_msg',
    group.q,
  );
  if (!verifySignedMessage(group, senderVerificationKey, signed))
    throw new MalformedInputError('signed_msg.signature', 'a valid signature');
  const o = objectAt(parseJsonText(signed.message), 'channel_msg');
  const recipient = elementAt(field(o, 'recipient', 'channel_msg'), 'channel_msg.recipient', group);
  if (!group.equals(recipient, group.powG(decryptionKey)))
    throw new MalformedInputError('channel_msg.recipient', 'this recipient');
  return stringAt(field(o, 'message', 'channel_msg'), 'channel_msg.message');
}
