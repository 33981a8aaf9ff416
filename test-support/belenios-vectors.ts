/**
 * Where the reference Belenios elections live in the repository: the tests of every package
 * that needs one read them from `@imago/helios-c`'s vectors (made with belenios-tool 2.0, see
 * `packages/helios-c/test/vectors/belenios/README.md`), so that a fresh clone has all it needs.
 */
import { fileURLToPath } from 'node:url';

/** The folder holding one sub-folder per reference election. */
export const beleniosVectors = fileURLToPath(
  new URL('../packages/helios-c/test/vectors/belenios', import.meta.url),
);

/** The names of the reference elections. */
export type BeleniosVectorName = 'h-2048' | 'h-rfc-blank' | 'h-threshold' | 'nh-rfc';

/** The folder of one reference election (archive, secrets, votes, expected result). */
export function beleniosVector(name: BeleniosVectorName): string {
  return `${beleniosVectors}/${name}`;
}
