/**
 * Which questions of an election are non-homomorphic (Belenios 2.0 specification §4.9.2, §4.17):
 * the indices `i₁,…,iₙ` that select the parts of the encrypted tally to shuffle.
 *
 * @module
 */
import type { Question } from '../election/question';

/**
 * Indices of the non-homomorphic questions of an election, in order.
 * @param questions - the election's questions
 * @returns the indices of the non-homomorphic ones
 * @example
 * nonHomomorphicIndices(election.questions); // [1] for a yes/no question then a ranking
 */
export function nonHomomorphicIndices(questions: readonly Question[]): number[] {
  const indices: number[] = [];
  questions.forEach((q, i) => {
    if (q.kind === 'non-homomorphic') indices.push(i);
  });
  return indices;
}
