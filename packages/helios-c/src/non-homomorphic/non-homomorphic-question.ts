/**
 * Non-homomorphic questions (Belenios 2.0 specification §4.9.2): a `question_gen` whose `type` is
 * `NonHomomorphic` and whose `value` lists the answers. Voters answer with one small integer per
 * answer (a rank, a grade…); answers are shuffled by a mixnet and decrypted one ballot at a time.
 *
 * @module
 */

/** The `question_nh` structure. */
export interface NonHomomorphicQuestion {
  /** The possible answers (candidates, options…). */
  readonly answers: readonly string[];
  /** The text of the question. */
  readonly question: string;
  /** Free-form data kept as received (e.g. the counting method a front-end should apply). */
  readonly extra?: unknown;
}

/**
 * The `{"type":"NonHomomorphic","value":…}` form of the question, if `question` is one.
 * @param question - one element of an election's `questions` (parsed JSON)
 * @returns the typed question, or `undefined` if it is not a well-formed non-homomorphic question
 * @example
 * nonHomomorphicQuestion({ type: 'NonHomomorphic', value: { answers: ['A', 'B'], question: 'Rank' } });
 */
export function nonHomomorphicQuestion(question: unknown): NonHomomorphicQuestion | undefined {
  if (typeof question !== 'object' || question === null) return undefined;
  const { type, value } = question as { type?: unknown; value?: unknown };
  if (type !== 'NonHomomorphic' || typeof value !== 'object' || value === null) return undefined;
  const {
    answers,
    question: text,
    extra,
  } = value as { answers?: unknown; question?: unknown; extra?: unknown };
  if (!Array.isArray(answers) || !answers.every((a) => typeof a === 'string') || typeof text !== 'string') {
    return undefined;
  }
  return extra === undefined ? { answers, question: text } : { answers, question: text, extra };
}

/**
 * Whether an election question is non-homomorphic.
 * @param question - one element of an election's `questions` (parsed JSON)
 * @returns `true` for `{"type":"NonHomomorphic",…}`
 */
export function isNonHomomorphicQuestion(question: unknown): boolean {
  return nonHomomorphicQuestion(question) !== undefined;
}

/**
 * Indices of the non-homomorphic questions of an election, in order: the `i₁,…,iₙ` of §4.17 that
 * select which parts of the encrypted tally are shuffled.
 * @param questions - the election's `questions`
 * @returns the indices of the non-homomorphic ones
 */
export function nonHomomorphicIndices(questions: readonly unknown[]): number[] {
  const indices: number[] = [];
  questions.forEach((q, i) => {
    if (isNonHomomorphicQuestion(q)) indices.push(i);
  });
  return indices;
}
