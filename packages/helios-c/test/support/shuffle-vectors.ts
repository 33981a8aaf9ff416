/** Test support: the belenios-tool shuffle vectors of `test/vectors/belenios-shuffle/`. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface CiphertextJson {
  readonly alpha: string;
  readonly beta: string;
}

export interface ShuffleVectors {
  readonly source: string;
  readonly group: string;
  readonly election: string;
  readonly nonHomomorphicQuestion: number;
  readonly encryptedTally: CiphertextJson[];
  readonly shuffles: { owner: number; shuffle: string }[];
  readonly ballots: {
    credential: string;
    election_hash: string;
    answer: { choices: CiphertextJson; proof: { challenge: string; response: string } };
  }[];
  readonly partialDecryptions: { owner: number; decryption_factors: string[] }[];
  readonly trusteeSecretKeys: string[];
  readonly result: number[][];
}

export function shuffleVectors(name = 'nh-rfc'): ShuffleVectors {
  const path = fileURLToPath(new URL(`../vectors/belenios-shuffle/${name}.json`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as ShuffleVectors;
}
