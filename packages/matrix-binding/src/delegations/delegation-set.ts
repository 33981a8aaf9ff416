/**
 * @module
 * A member's delegations, state event `org.imago.governance.delegations` whose state key is the
 * member's own user id: Matrix rejects a state event whose key starts with `@` and differs from
 * its sender (room authorisation rules), so nobody else can overwrite a member's delegations.
 * Scopes and targets follow @imago/governance (group > kind > decision, member or group).
 */
import {
  fail,
  readArray,
  readEnum,
  readObject,
  readRoomId,
  readString,
  readUserId,
} from '../events/content-reader';

/** What a delegation covers (as in @imago/governance). */
export type DelegationScope =
  | { readonly type: 'group' }
  | { readonly type: 'kind'; readonly kind: string }
  | { readonly type: 'decision'; readonly decision: string };

/** To whom: a member (transitively) or a whole group (its members' votes decide). */
export type DelegationTarget = { readonly member: string } | { readonly group: string };

/** One delegation. */
export interface Delegation {
  readonly scope: DelegationScope;
  readonly to: DelegationTarget;
}

/** Content of `org.imago.governance.delegations`: every delegation of the member, one per scope. */
export interface DelegationSet {
  readonly delegations: readonly Delegation[];
}

/** A stable key of a scope, to diff two delegation sets. */
export function scopeKey(scope: DelegationScope): string {
  switch (scope.type) {
    case 'group':
      return 'group';
    case 'kind':
      return `kind:${scope.kind}`;
    case 'decision':
      return `decision:${scope.decision}`;
  }
}

function readScope(value: unknown, path: string): DelegationScope {
  const object = readObject(value, path);
  const type = readEnum(object.type, `${path}.type`, ['group', 'kind', 'decision'] as const);
  if (type === 'group') return { type };
  if (type === 'kind') return { type, kind: readString(object.kind, `${path}.kind`, 200) };
  return { type, decision: readString(object.decision, `${path}.decision`, 512) };
}

function readTarget(value: unknown, path: string): DelegationTarget {
  const object = readObject(value, path);
  if (object.member !== undefined) return { member: readUserId(object.member, `${path}.member`) };
  if (object.group !== undefined) return { group: readRoomId(object.group, `${path}.group`) };
  return fail(path, 'expected { member } or { group }');
}

/**
 * Reads the content of an `org.imago.governance.delegations` event. Empty content (`{}`, as after
 * a redaction) means no delegation.
 *
 * @param content - untrusted content.
 * @param path - path of `content` for problem reports.
 * @returns the delegation set.
 * @throws {@link ContentProblem} naming the offending field, also when two delegations share a scope.
 */
export function readDelegationSet(content: unknown, path = 'content'): DelegationSet {
  const object = readObject(content, path);
  if (object.delegations === undefined) return { delegations: [] };
  const list = readArray(object.delegations, `${path}.delegations`, 1_000);
  const seen = new Set<string>();
  const delegations = list.map((item, index) => {
    const itemPath = `${path}.delegations[${index}]`;
    const entry = readObject(item, itemPath);
    const delegation = {
      scope: readScope(entry.scope, `${itemPath}.scope`),
      to: readTarget(entry.to, `${itemPath}.to`),
    };
    const key = scopeKey(delegation.scope);
    if (seen.has(key)) fail(`${itemPath}.scope`, 'two delegations for the same scope');
    seen.add(key);
    return delegation;
  });
  return { delegations };
}
