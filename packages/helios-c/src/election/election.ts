/**
 * The election structure (Belenios 2.0 specification §4.10) and its fingerprint `φ` (§4.15).
 *
 * @module
 */
import { sha256Base64 } from '../encoding/sha256';
import { finiteFieldGroups } from '../groups/finite-field-groups';
import type { AnyGroup, Group } from '../groups/group';
import { type GroupRegistry, groupNamesText } from '../groups/group-registry';
import {
  arrayOf,
  elementAt,
  fail,
  field,
  objectAt,
  optionalField,
  type ParseResult,
  parseJsonText,
  runDecoder,
  smallIntAt,
  stringAt,
} from '../json/decoder';
import { decodeQuestion, type Question } from './question';

/** A parsed election. `E` is the group's element type. */
export interface Election<E = unknown> {
  readonly version: number;
  readonly description: string;
  readonly name: string;
  /** The group named by the `group` field. */
  readonly group: Group<E>;
  /** The election public key `y`. */
  readonly publicKey: E;
  readonly questions: readonly Question[];
  readonly uuid: string;
  readonly administrator?: string;
  readonly credentialAuthority?: string;
  /** `φ = H_JSON(J)`: Base64 of the SHA-256 of the exact serialization `J`. */
  readonly fingerprint: string;
  /** The exact serialization `J` the fingerprint was computed on. */
  readonly text: string;
}

const base58 = /^[1-9A-HJ-NP-Za-km-z]+$/;

/**
 * Whether a string is a valid election uuid (Base58, at least 14 characters, §4.2).
 * @param uuid - the candidate
 * @returns whether it is valid
 */
export function isValidUuid(uuid: string): boolean {
  return uuid.length >= 14 && base58.test(uuid);
}

/**
 * Parses an election from its exact serialization (the fingerprint is over these characters).
 * @param text - the JSON text of the election, as stored
 * @param groups - the groups accepted in its `group` field; default: the finite-field groups
 *   (`@imago/helios-c` binds every group, Ed25519 included)
 * @returns the election or a MalformedInputError naming the path
 * @example
 * const parsed = parseElection(text);
 * if (parsed.ok) console.log(parsed.value.fingerprint);
 */
export function parseElection(
  text: string,
  groups: GroupRegistry = finiteFieldGroups,
): ParseResult<Election<unknown>> {
  return runDecoder(() => {
    const o = objectAt(parseJsonText(text), '$');
    const version = smallIntAt(field(o, 'version', '$'), '$.version');
    if (version !== 1) fail('$.version', 'version 1');
    const groupName = stringAt(field(o, 'group', '$'), '$.group');
    const group: AnyGroup | undefined = groups.byName(groupName);
    if (!group) fail('$.group', groupNamesText(groups));
    const uuid = stringAt(field(o, 'uuid', '$'), '$.uuid');
    if (!isValidUuid(uuid)) fail('$.uuid', 'a Base58 uuid of at least 14 characters');
    const administrator = optionalField(o, 'administrator');
    const credentialAuthority = optionalField(o, 'credential_authority');
    return {
      version,
      description: stringAt(field(o, 'description', '$'), '$.description'),
      name: stringAt(field(o, 'name', '$'), '$.name'),
      group,
      publicKey: elementAt(field(o, 'public_key', '$'), '$.public_key', group),
      questions: arrayOf(field(o, 'questions', '$'), '$.questions', decodeQuestion),
      uuid,
      ...(administrator === undefined ? {} : { administrator: stringAt(administrator, '$.administrator') }),
      ...(credentialAuthority === undefined
        ? {}
        : { credentialAuthority: stringAt(credentialAuthority, '$.credential_authority') }),
      fingerprint: sha256Base64(text),
      text,
    };
  });
}
