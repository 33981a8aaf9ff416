/**
 * Public credentials (Belenios 2.0 specification §4.8): a list of strings, each a public
 * credential `g^s`, optionally followed by a comma and the voter's weight.
 *
 * @module
 */
import type { Group } from '../groups/group';
import { arrayOf, fail, type ParseResult, parseJsonText, runDecoder, stringAt } from '../json/decoder';

/** One entry of the public credentials list. */
export interface PublicCredential<E> {
  /** The public credential `g^s`. */
  readonly credential: E;
  /** Its canonical serialization (the key ballots refer to). */
  readonly text: string;
  /** The voter's weight (1 when absent). */
  readonly weight: bigint;
  /** Whether the weight was written explicitly. */
  readonly weighted: boolean;
}

const weightPattern = /^(0|[1-9][0-9]*)$/;

/**
 * Decodes one `credential[,weight]` string.
 * @param group - the group
 * @param value - the JSON value
 * @param path - its path
 * @param options - `membership: false` skips the group membership test (the caller then owes it:
 *   archive verification proves it with the ballots, in parallel)
 * @returns the entry
 */
export function decodePublicCredential<E>(
  group: Group<E>,
  value: unknown,
  path: string,
  options: { readonly membership?: boolean } = {},
): PublicCredential<E> {
  const text = stringAt(value, path);
  const comma = text.indexOf(',');
  const credentialText = comma < 0 ? text : text.slice(0, comma);
  const weightText = comma < 0 ? undefined : text.slice(comma + 1);
  const credential = group.parse(credentialText);
  if (credential === undefined) fail(path, 'a public credential');
  if (options.membership !== false && !group.isMember(credential))
    fail(path, `a public credential in the group ${group.name}`);
  if (weightText !== undefined && !weightPattern.test(weightText))
    fail(path, 'a non-negative integer weight');
  return {
    credential,
    text: group.toString(credential),
    weight: weightText === undefined ? 1n : BigInt(weightText),
    weighted: weightText !== undefined,
  };
}

/**
 * Parses the public credentials list and checks that credentials are distinct.
 * @param group - the group
 * @param text - the JSON text
 * @returns the list or a MalformedInputError
 */
export function parsePublicCredentials<E>(group: Group<E>, text: string): ParseResult<PublicCredential<E>[]> {
  return runDecoder(() => {
    const list = arrayOf(parseJsonText(text), '$', (v, p) => decodePublicCredential(group, v, p));
    const seen = new Set<string>();
    for (const [i, c] of list.entries()) {
      if (seen.has(c.text)) fail(`$[${i}]`, 'distinct public credentials');
      seen.add(c.text);
    }
    return list;
  });
}
