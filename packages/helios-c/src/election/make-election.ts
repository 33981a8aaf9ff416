/**
 * Building the election structure from a template, as `belenios-tool setup make-election` does
 * (Belenios 2.0 specification §4.10), serialized with belenios-tool's field order.
 *
 * @module
 */
import type { Group } from '../groups/group';
import {
  arrayOf,
  field,
  objectAt,
  optionalField,
  type ParseResult,
  parseJsonText,
  runDecoder,
  stringAt,
} from '../json/decoder';
import { jsonString } from '../json/json-string';
import { decodeQuestion, type Question } from './question';

/** The template: everything but version, group, public key and uuid. */
export interface ElectionTemplate {
  readonly description: string;
  readonly name: string;
  readonly questions: readonly Question[];
  readonly administrator?: string;
  readonly credentialAuthority?: string;
}

/**
 * Parses an election template (`{description, name, questions, …}`).
 * @param text - the JSON text
 * @returns the template or a MalformedInputError
 */
export function parseElectionTemplate(text: string): ParseResult<ElectionTemplate> {
  return runDecoder(() => {
    const o = objectAt(parseJsonText(text), '$');
    const administrator = optionalField(o, 'administrator');
    const credentialAuthority = optionalField(o, 'credential_authority');
    return {
      description: stringAt(field(o, 'description', '$'), '$.description'),
      name: stringAt(field(o, 'name', '$'), '$.name'),
      questions: arrayOf(field(o, 'questions', '$'), '$.questions', decodeQuestion),
      ...(administrator === undefined ? {} : { administrator: stringAt(administrator, '$.administrator') }),
      ...(credentialAuthority === undefined
        ? {}
        : { credentialAuthority: stringAt(credentialAuthority, '$.credential_authority') }),
    };
  });
}

/**
 * Serializes a question as belenios-tool does.
 * @param question - the question
 * @returns compact JSON
 */
export function serializeQuestion(question: Question): string {
  const answers = `[${question.answers.map(jsonString).join(',')}]`;
  if (question.kind === 'non-homomorphic') {
    return `{"type":"NonHomomorphic","value":{"answers":${answers},"question":${jsonString(question.question)}}}`;
  }
  const blank = question.blankPresent ? `"blank":${question.blank},` : '';
  return `{"answers":${answers},${blank}"min":${question.min},"max":${question.max},"question":${jsonString(question.question)}}`;
}

/**
 * The election JSON text (`election.json`).
 * @param group - the group
 * @param template - the template
 * @param uuid - the election uuid
 * @param publicKey - the election public key
 * @returns the JSON text, without trailing newline
 */
export function serializeElection<E>(
  group: Group<E>,
  template: ElectionTemplate,
  uuid: string,
  publicKey: E,
): string {
  const admin =
    template.administrator === undefined ? '' : `,"administrator":${jsonString(template.administrator)}`;
  const ca =
    template.credentialAuthority === undefined
      ? ''
      : `,"credential_authority":${jsonString(template.credentialAuthority)}`;
  return `{"version":1,"description":${jsonString(template.description)},"name":${jsonString(template.name)},"group":${jsonString(
    group.name,
  )},"public_key":"${group.toString(publicKey)}","questions":[${template.questions.map(serializeQuestion).join(',')}],"uuid":${jsonString(uuid)}${admin}${ca}}`;
}
