/**
 * The single boundary where an untrusted event (from a Matrix room, a file, the network) becomes
 * a typed {@link GovernanceEvent}, or an {@link InvalidEventError} naming the offending path.
 *
 * Unknown fields in content are tolerated (Matrix adds its own, e.g. `m.relates_to`); unknown
 * fields inside a control table are not (a typo there would silently change the rules).
 *
 * @module
 */
import { ACTION_KIND_PATTERN } from '../control-table/action-kinds';
import type { ParseResult } from '../control-table/parse-control-table';
import { readControlTable } from '../control-table/parse-control-table';
import type { Ballot } from '../counting/counting-method';
import type { DelegationScope, DelegationTarget } from '../delegation/delegation-scope';
import { InvalidEventError } from '../errors/invalid-event-error';
import {
  fail,
  readArray,
  readEnum,
  readInteger,
  readObject,
  readOptionalString,
  readString,
  readStringList,
} from '../parse/json-reader';
import { readElectionTrustees } from '../secret-ballot/election-trustees';
import {
  type GovernanceEvent,
  type GovernanceEventType,
  GovernanceEventTypes,
  type SecretResultContent,
} from './event-types';
import { readCountedByDecision, readCountedPart } from './parse-counted';

const EVENT_TYPES = Object.values(GovernanceEventTypes) as GovernanceEventType[];
const MAX_ID = 512;
const MAX_REASON = 10_000;
const MAX_OPTIONS = 1_000;

function readKind(value: unknown, path: string): string {
  const kind = readString(value, path, 200);
  if (!ACTION_KIND_PATTERN.test(kind)) fail(path, 'invalid kind of action');
  return kind;
}

function readId(value: unknown, path: string): string {
  return readString(value, path, MAX_ID);
}

function readScope(value: unknown, path: string): DelegationScope {
  const scope = readObject(value, path);
  const type = readEnum(scope.type, `${path}.type`, ['group', 'kind', 'decision']);
  switch (type) {
    case 'group':
      return { type };
    case 'kind':
      return { type, kind: readKind(scope.kind, `${path}.kind`) };
    case 'decision':
      return { type, decision: readId(scope.decision, `${path}.decision`) };
  }
}

function readTarget(value: unknown, path: string): DelegationTarget {
  const target = readObject(value, path);
  if (target.member !== undefined && target.group !== undefined)
    fail(path, 'name a member or a group, not both');
  if (target.member !== undefined) return { member: readId(target.member, `${path}.member`) };
  if (target.group !== undefined) return { group: readId(target.group, `${path}.group`) };
  return fail(path, 'expected { member } or { group }');
}

function readBallot(value: unknown, path: string): Ballot {
  const list = readArray(value, path);
  if (list.length === 0 || list.length > MAX_OPTIONS) fail(path, `expected 1 to ${MAX_OPTIONS} integers`);
  return list.map((item, index) => readInteger(item, `${path}[${index}]`, 0, MAX_OPTIONS));
}

function readSecretResult(value: unknown, path: string): SecretResultContent['result'] {
  const list = readArray(value, path);
  if (list.every((item) => typeof item === 'number')) {
    return list.map((item, index) => readInteger(item, `${path}[${index}]`, 0));
  }
  return list.map((item, index) => readBallot(item, `${path}[${index}]`));
}

function readContent(type: GovernanceEventType, content: Readonly<Record<string, unknown>>): unknown {
  const path = 'content';
  const decision = () => readId(content.decision, `${path}.decision`);
  switch (type) {
    case 'org.imago.governance.init': {
      const table = readControlTable(content.table, `${path}.table`);
      return content.authority === undefined
        ? { table }
        : { table, authority: readAuthority(content.authority, `${path}.authority`) };
    }
    case 'org.imago.governance.propose': {
      const kind = readKind(content.kind, `${path}.kind`);
      const action =
        kind === 'change-control-table'
          ? readChangeTableAction(content.action)
          : kind === 'change-authority'
            ? readChangeAuthorityAction(content.action)
            : content.action;
      const title = readOptionalString(content.title, `${path}.title`);
      const options =
        content.options === undefined
          ? undefined
          : readStringList(content.options, `${path}.options`, MAX_OPTIONS);
      if (options !== undefined && options.length < 2) fail(`${path}.options`, 'at least two options');
      const opensAt =
        content.opens_at === undefined ? undefined : readInteger(content.opens_at, `${path}.opens_at`, 0);
      const trustees =
        content.trustees === undefined
          ? undefined
          : readElectionTrustees(content.trustees, `${path}.trustees`);
      return {
        kind,
        action: action ?? null,
        ...(title === undefined ? {} : { title }),
        ...(options === undefined ? {} : { options }),
        ...(opensAt === undefined ? {} : { opensAt }),
        ...(trustees === undefined ? {} : { trustees }),
      };
    }
    case 'org.imago.governance.withdraw':
    case 'org.imago.governance.approve':
    case 'org.imago.governance.refuse':
      return { decision: decision() };
    case 'org.imago.governance.close': {
      const counted = readCountedByDecision(content.counted, `${path}.counted`);
      return { decision: decision(), ...(counted === undefined ? {} : { counted }) };
    }
    case 'org.imago.governance.counted':
      return readCountedPart(content);
    case 'org.imago.governance.vote':
      return { decision: decision(), ballot: readBallot(content.ballot, `${path}.ballot`) };
    case 'org.imago.governance.stance': {
      const stance = readEnum(content.stance, `${path}.stance`, ['agree', 'abstain', 'disagree', 'block']);
      const reason =
        stance === 'block'
          ? readString(content.reason, `${path}.reason`, MAX_REASON)
          : readOptionalString(content.reason, `${path}.reason`);
      return { decision: decision(), stance, ...(reason === undefined ? {} : { reason }) };
    }
    case 'org.imago.governance.object':
    case 'org.imago.governance.challenge':
      return {
        decision: decision(),
        reason: readString(content.reason, `${path}.reason`, MAX_REASON),
      };
    case 'org.imago.governance.objection.withdraw':
      return { decision: decision(), objection: readId(content.objection, `${path}.objection`) };
    case 'org.imago.governance.amend':
      return {
        decision: decision(),
        action: content.action ?? null,
        resolves:
          content.resolves === undefined ? [] : readStringList(content.resolves, `${path}.resolves`, 1_000),
      };
    case 'org.imago.governance.delegate':
      return { scope: readScope(content.scope, `${path}.scope`), to: readTarget(content.to, `${path}.to`) };
    case 'org.imago.governance.revoke':
      return { scope: readScope(content.scope, `${path}.scope`) };
    case 'org.imago.governance.tick': {
      const counted = readCountedByDecision(content.counted, `${path}.counted`);
      return counted === undefined ? {} : { counted };
    }
    case 'org.imago.governance.secret.result': {
      const evidence = readOptionalString(content.evidence, `${path}.evidence`);
      const castWeight =
        content.cast_weight === undefined
          ? undefined
          : readInteger(content.cast_weight, `${path}.cast_weight`, 0);
      return {
        decision: decision(),
        result: readSecretResult(content.result, `${path}.result`),
        ...(castWeight === undefined ? {} : { castWeight }),
        ...(evidence === undefined ? {} : { evidence }),
      };
    }
  }
}

const MAX_AUTHORITY = 20;

function readAuthority(value: unknown, path: string): readonly string[] {
  const members = readStringList(value, path, MAX_AUTHORITY);
  if (members.length === 0) fail(path, 'at least one member');
  if (new Set(members).size !== members.length) fail(path, 'a member is named twice');
  members.forEach((member, index) => {
    if (member.length === 0 || member.length > MAX_ID) fail(`${path}[${index}]`, 'expected a member id');
  });
  return [...members].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Reads the action of a `change-authority` proposal or amendment: `{ authority: [member, …] }`.
 * @internal
 */
export function readChangeAuthorityAction(value: unknown): unknown {
  const action = readObject(value, 'content.action');
  return { authority: readAuthority(action.authority, 'content.action.authority') };
}

/**
 * Reads the action of a `change-control-table` proposal or amendment: `{ table }`.
 * @internal
 */
export function readChangeTableAction(value: unknown): unknown {
  const action = readObject(value, 'content.action');
  return { table: readControlTable(action.table, 'content.action.table') };
}

/**
 * Parses an untrusted event envelope and its content.
 *
 * @param raw - the event as received: `{ id, sender, timestamp, type, content }`
 * @returns the typed event, or an {@link InvalidEventError} whose `path` names the bad field
 * @example
 * ```ts
 * const parsed = parseGovernanceEvent({
 *   id: '$1', sender: '@ana:example.org', timestamp: 1_700_000_000_000,
 *   type: 'org.imago.governance.vote', content: { decision: '$0', ballot: [1, 0] },
 * });
 * if (!parsed.ok) console.log(parsed.error.path);
 * ```
 */
export function parseGovernanceEvent(raw: unknown): ParseResult<GovernanceEvent, InvalidEventError> {
  try {
    const envelope = readObject(raw, '$');
    const id = readId(envelope.id, 'id');
    const sender = readId(envelope.sender, 'sender');
    const timestamp = readInteger(envelope.timestamp, 'timestamp', 0);
    const type = readEnum(envelope.type, 'type', EVENT_TYPES);
    const content = readContent(type, readObject(envelope.content ?? {}, 'content'));
    return { ok: true, value: { id, sender, timestamp, type, content } as GovernanceEvent };
  } catch (error) {
    if (error instanceof InvalidEventError) return { ok: false, error };
    throw error;
  }
}
