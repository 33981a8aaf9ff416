/**
 * The credential authority's work (Belenios 2.0 specification §3.1 step 3, §4.8), producing the
 * same files as `belenios-tool setup generate-credentials`: private credentials with voter ids,
 * and public credentials `credential,weight,login` sorted, which `archive init` turns into the
 * election's `public_credentials` (`credential` or `credential,weight`).
 *
 * @module
 */
import { sha256Base64 } from '../encoding/sha256';
import { InvalidPlaintextError } from '../errors/invalid-plaintext-error';
import type { Group } from '../groups/group';
import { jsonString } from '../json/json-string';
import { derivePublicCredential, generateSecretCredential } from './secret-credential';

/** A voter as listed in a voters file (`address[,login[,weight]]`). */
export interface Voter {
  /** The whole line, used as the voter's id in the private credentials file. */
  readonly id: string;
  readonly login: string;
  /** The weight, when written. */
  readonly weight?: bigint;
}

/**
 * Parses a voters file: one `address[,login[,weight]]` per non-empty line.
 * @param text - the file content
 * @returns the voters
 * @throws InvalidPlaintextError on a bad weight
 */
export function parseVoters(text: string): Voter[] {
  return text
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '')
    .map((line, i) => {
      const [address = '', login, weight] = line.split(',');
      if (weight !== undefined && !/^(0|[1-9][0-9]*)$/.test(weight))
        throw new InvalidPlaintextError(`line ${i + 1}`, 'bad weight');
      return {
        id: line,
        login: login === undefined || login === '' ? address : login,
        ...(weight === undefined ? {} : { weight: BigInt(weight) }),
      };
    });
}

/**
 * `count` anonymous voters with ids `1 … count` (`--count`).
 * @param count - how many
 * @returns the voters
 */
export function numberedVoters(count: number): Voter[] {
  return Array.from({ length: count }, (_, i) => ({ id: String(i + 1), login: String(i + 1) }));
}

/** What the credential authority produces. */
export interface GeneratedCredentials {
  /** Lines `id credential` of the private credentials file, in voter order. */
  readonly privateLines: readonly string[];
  /** Entries `credential,weight,login` of the `.pubcreds` file, sorted. */
  readonly publicEntries: readonly string[];
  /** The election's `public_credentials` as `archive init` writes it. */
  readonly publicCredentials: string;
  /** `H_JSON` of {@link GeneratedCredentials.publicCredentials}. */
  readonly fingerprint: string;
}

/**
 * Turns `.pubcreds` entries (`credential,weight,login`) into the election's public credentials
 * (`credential` or `credential,weight`), as `archive init` does.
 * @param entries - the `.pubcreds` entries
 * @returns the JSON text of the public credentials
 */
export function publicCredentialsFromEntries(entries: readonly string[]): string {
  return `[${entries
    .map((e) => {
      const [credential = '', weight = ''] = e.split(',');
      return jsonString(weight === '' ? credential : `${credential},${weight}`);
    })
    .join(',')}]`;
}

/**
 * Generates one credential per voter.
 * @param group - the election group
 * @param uuid - the election uuid
 * @param voters - the voters
 * @returns the private and public files' contents
 */
export function generateCredentials<E>(
  group: Group<E>,
  uuid: string,
  voters: readonly Voter[],
): GeneratedCredentials {
  const weighted = voters.some((v) => v.weight !== undefined);
  const privateLines: string[] = [];
  const publicEntries: string[] = [];
  for (const voter of voters) {
    const secret = generateSecretCredential();
    privateLines.push(`${voter.id} ${secret}`);
    const weight = weighted ? String(voter.weight ?? 1n) : '';
    publicEntries.push(
      `${group.toString(derivePublicCredential(group, uuid, secret))},${weight},${voter.login}`,
    );
  }
  publicEntries.sort();
  const publicCredentials = publicCredentialsFromEntries(publicEntries);
  return { privateLines, publicEntries, publicCredentials, fingerprint: sha256Base64(publicCredentials) };
}
