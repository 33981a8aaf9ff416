/**
 * `helios-c setup generate-trustee-key-threshold --step N` (the threshold key establishment,
 * Belenios 2.0 specification §3.1.1) and threshold partial decryption.
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { sha256Hex } from '../../encoding/sha256';
import { UsageError } from '../../errors/usage-error';
import type { AnyGroup } from '../../groups/group';
import { currentTally } from '../../tally/archive-tally';
import { computePartialDecryption, serializePartialDecryption } from '../../tally/partial-decryption';
import { serializeSignedMessage } from '../../trustees/signed-message';
import {
  checkCertificates,
  generateCertificate,
  generatePolynomial,
  makeThresholdParameters,
  makeVerificationInputs,
  makeVerificationOutput,
  recoverDecryptionKey,
} from '../../trustees/threshold/pedersen';
import {
  parseCertificate,
  parsePolynomial,
  parseVerificationInput,
  parseVerificationOutput,
  serializePolynomial,
  serializeVerificationInput,
  serializeVerificationOutput,
} from '../../trustees/threshold/pedersen-messages';
import { trusteeSlots } from '../../trustees/trustee-slots';
import { serializeTrustees } from '../../trustees/trustees';
import type { Options } from '../arguments';
import type { LoadedElection } from '../election-directory';
import { readText } from '../election-directory';
import { info, readStdin } from '../io';

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '');
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: Error }): T {
  if (!result.ok) throw result.error;
  return result.value;
}

/**
 * Runs one step of the threshold key establishment.
 * @param options - parsed options
 * @param group - the group
 */
export function thresholdStep(options: Options, group: AnyGroup): void {
  const step = options.get('step') ?? '0';
  const loadCerts = () => {
    const path = options.require('certs');
    info(`loading ${path}...`);
    return lines(readText(path)).map((l) => must(parseCertificate(group, l)));
  };
  const loadPolynomials = () => {
    const path = options.require('polynomials');
    info(`loading ${path}...`);
    return lines(readText(path)).map((l) => must(parsePolynomial(group, l)));
  };
  const seed = () => readText(options.require('key')).trim();
  switch (step) {
    case '1': {
      const { seed: s, cert, id } = generateCertificate(group);
      writeFileSync(`${id}.key`, `${s}\n`, { mode: 0o600 });
      writeFileSync(`${id}.cert`, `${serializeSignedMessage(cert)}\n`);
      info(`certificate ${id} has been generated`);
      info(`certificate saved to ${id}.cert`);
      info(`private key saved to ${id}.key`);
      return;
    }
    case '2':
      checkCertificates(group, loadCerts());
      info('certificates are valid');
      return;
    case '3': {
      const threshold = Number(options.require('threshold'));
      const certs = loadCerts();
      if (!Number.isSafeInteger(threshold) || threshold < 1 || threshold > certs.length)
        throw new UsageError('bad --threshold');
      process.stdout.write(`${serializePolynomial(generatePolynomial(group, certs, seed(), threshold))}\n`);
      return;
    }
    case '4': {
      const certs = loadCerts();
      const inputs = makeVerificationInputs(group, certs, loadPolynomials());
      for (const [j, input] of inputs.entries()) {
        const id = sha256Hex(certs[j]?.message ?? '');
        writeFileSync(`${id}.vinput`, `${serializeVerificationInput(input)}\n`);
        info(`wrote ${id}.vinput`);
      }
      return;
    }
    case '5': {
      const certs = loadCerts();
      const input = must(parseVerificationInput(group, readStdin().toString('utf8').trim()));
      process.stdout.write(
        `${serializeVerificationOutput(group, makeVerificationOutput(group, certs, seed(), input))}\n`,
      );
      return;
    }
    case '6': {
      const certs = loadCerts();
      const polynomials = loadPolynomials();
      const outputs = lines(readStdin().toString('utf8')).map((l) => must(parseVerificationOutput(group, l)));
      const parameters = makeThresholdParameters(group, certs, polynomials, outputs);
      for (const [j, out] of outputs.entries()) {
        const id = sha256Hex(certs[j]?.message ?? '');
        writeFileSync(`${id}.dkey`, `${out.privateKey}\n`, { mode: 0o600 });
        info(`wrote ${id}.dkey`);
      }
      const text = serializeTrustees(group, [{ kind: 'Pedersen', parameters }]);
      // The trustees serializer wraps items as [["Pedersen", …]]; threshold.json is the bare object.
      process.stdout.write(`${text.slice('[["Pedersen",'.length, -2)}\n`);
      return;
    }
    default:
      throw new UsageError(`unknown step ${step}`);
  }
}

/**
 * Partial decryption by a threshold trustee (`election decrypt-threshold`).
 * @param loaded - the election
 * @param owner - the trustee number
 * @param key - content of the `.key` file (the seed)
 * @param decryptionKey - content of the `.dkey` file
 * @returns the partial decryption JSON
 */
export function decryptThreshold(
  loaded: LoadedElection,
  owner: number,
  key: string,
  decryptionKey: string,
): string {
  const { election, trustees, archive } = loaded;
  const group = election.group;
  const x = recoverDecryptionKey(group, key.trim(), decryptionKey.trim());
  const slot = trusteeSlots(trustees).find((s) => s.owner === owner);
  if (!slot || !group.equals(slot.verificationKey, group.powG(x)))
    throw new UsageError(`the key does not match trustee ${owner}`);
  const state = currentTally(election, archive);
  if (!state) throw new UsageError('the archive has no encrypted tally');
  return serializePartialDecryption(group, computePartialDecryption(election, state.tally, x));
}
