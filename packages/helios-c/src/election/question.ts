/**
 * Questions (Belenios 2.0 specification §4.9): homomorphic questions `question_h` and generic
 * questions `question_gen` (of which `NonHomomorphic` is the one defined type).
 *
 * @module
 */
import {
  arrayOf,
  booleanAt,
  fail,
  field,
  objectAt,
  optionalField,
  smallIntAt,
  stringAt,
} from '../json/decoder';

/** A homomorphic question: choose between `min` and `max` of `answers` (or blank if allowed). */
export interface HomomorphicQuestion {
  readonly kind: 'homomorphic';
  readonly answers: readonly string[];
  /** Whether a blank vote is allowed (`blank: true`). */
  readonly blank: boolean;
  /** Whether the `blank` field was present in the JSON (kept so serialization round-trips). */
  readonly blankPresent: boolean;
  readonly min: number;
  readonly max: number;
  readonly question: string;
}

/** A non-homomorphic question (`{"type": "NonHomomorphic", "value": {...}}`, §4.9.2). */
export interface NonHomomorphicQuestion {
  readonly kind: 'non-homomorphic';
  readonly answers: readonly string[];
  readonly question: string;
  /** The raw `value` object, for fields this version does not interpret. */
  readonly value: Readonly<Record<string, unknown>>;
}

/** Any question of an election. */
export type Question = HomomorphicQuestion | NonHomomorphicQuestion;

/**
 * Number of ciphertexts in an answer to the question: one per answer, plus one leading
 * ciphertext for the blank flag when blank votes are allowed.
 * @param question - a homomorphic question
 * @returns the length of `choices`
 */
export function homomorphicAnswerLength(question: HomomorphicQuestion): number {
  return question.answers.length + (question.blank ? 1 : 0);
}

/**
 * Decodes one question.
 * @param value - the JSON value
 * @param path - its path, for errors
 * @returns the question
 * @throws MalformedInputError when malformed
 */
export function decodeQuestion(value: unknown, path: string): Question {
  const o = objectAt(value, path);
  if (Object.hasOwn(o, 'type')) {
    const type = stringAt(o.type, `${path}.type`);
    if (type !== 'NonHomomorphic') fail(`${path}.type`, 'NonHomomorphic');
    const v = objectAt(field(o, 'value', path), `${path}.value`);
    return {
      kind: 'non-homomorphic',
      answers: arrayOf(field(v, 'answers', `${path}.value`), `${path}.value.answers`, stringAt),
      question: stringAt(field(v, 'question', `${path}.value`), `${path}.value.question`),
      value: v,
    };
  }
  const answers = arrayOf(field(o, 'answers', path), `${path}.answers`, stringAt);
  const blankValue = optionalField(o, 'blank');
  const blank = blankValue === undefined ? false : booleanAt(blankValue, `${path}.blank`);
  const min = smallIntAt(field(o, 'min', path), `${path}.min`);
  const max = smallIntAt(field(o, 'max', path), `${path}.max`);
  if (min > max) fail(`${path}.max`, 'max ≥ min');
  if (max > answers.length) fail(`${path}.max`, 'max ≤ number of answers');
  return {
    kind: 'homomorphic',
    answers,
    blank,
    blankPresent: blankValue !== undefined,
    min,
    max,
    question: stringAt(field(o, 'question', path), `${path}.question`),
  };
}
