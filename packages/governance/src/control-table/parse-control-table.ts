/**
 * The boundary where an untrusted control table (from an event or a configuration file) becomes
 * a typed {@link ControlTable}, or an error naming the offending path.
 *
 * @module
 */

import { COUNTING_METHOD_NAMES } from '../counting/counting-method';
import { InvalidControlTableError } from '../errors/invalid-control-table-error';
import { InvalidEventError } from '../errors/invalid-event-error';
import {
  fail,
  readEnum,
  readInteger,
  readObject,
  readShare,
  readString,
  readStringList,
  rejectUnknownKeys,
} from '../parse/json-reader';
import { readTrusteesRule } from '../secret-ballot/election-trustees';
import { ACTION_KIND_PATTERN, ActionKinds } from './action-kinds';
import type { ControlTable } from './control-table';
import type { DemocracyRule, EscalationRule, ProtocolRule } from './protocol-rule';

/** Longest period a rule may name: ten years in milliseconds. */
const MAX_DURATION = 10 * 366 * 24 * 3600 * 1000;
const PROTOCOLS = ['oligarchy', 'democracy', 'consensus', 'consent', 'do-ocracy'] as const;

function readDuration(value: unknown, path: string): number {
  return readInteger(value, path, 1, MAX_DURATION);
}

function readDemocracy(object: Readonly<Record<string, unknown>>, path: string): DemocracyRule {
  rejectUnknownKeys(object, path, [
    'protocol',
    'method',
    'quorum',
    'threshold',
    'duration',
    'ballot',
    'delegation',
    'group_delegation',
    'grades',
    'seats',
    'trustees',
  ]);
  const method = readEnum(object.method, `${path}.method`, COUNTING_METHOD_NAMES);
  const delegation = object.delegation ?? false;
  if (typeof delegation !== 'boolean') fail(`${path}.delegation`, 'expected a boolean');
  const rule: DemocracyRule = {
    protocol: 'democracy',
    method,
    quorum: object.quorum === undefined ? 0 : readShare(object.quorum, `${path}.quorum`),
    threshold: object.threshold === undefined ? 0.5 : readShare(object.threshold, `${path}.threshold`),
    duration: readDuration(object.duration, `${path}.duration`),
    ballot:
      object.ballot === undefined
        ? 'public'
        : readEnum(object.ballot, `${path}.ballot`, ['public', 'secret']),
    delegation,
    groupDelegation:
      object.group_delegation === undefined
        ? 'fractional'
        : readEnum(object.group_delegation, `${path}.group_delegation`, ['fractional', 'majority']),
    ...(object.trustees === undefined
      ? {}
      : { trustees: readTrusteesRule(object.trustees, `${path}.trustees`) }),
  };
  if (method === 'majority-judgment') {
    return { ...rule, grades: readInteger(object.grades ?? 5, `${path}.grades`, 2, 100) };
  }
  if (method === 'stv') return { ...rule, seats: readInteger(object.seats ?? 1, `${path}.seats`, 1, 1000) };
  return rule;
}

function readRule(value: unknown, path: string, nested: boolean): ProtocolRule {
  const object = readObject(value, path);
  const protocol = readEnum(object.protocol, `${path}.protocol`, PROTOCOLS);
  switch (protocol) {
    case 'oligarchy': {
      rejectUnknownKeys(object, path, ['protocol', 'deciders', 'required', 'duration']);
      const deciders = readObject(object.deciders, `${path}.deciders`);
      const required = readInteger(object.required, `${path}.required`, 1, 100_000);
      const duration = readDuration(object.duration, `${path}.duration`);
      if (deciders.group !== undefined) {
        rejectUnknownKeys(deciders, `${path}.deciders`, ['group']);
        return {
          protocol,
          deciders: { group: readString(deciders.group, `${path}.deciders.group`) },
          required,
          duration,
        };
      }
      rejectUnknownKeys(deciders, `${path}.deciders`, ['members']);
      const members = [...new Set(readStringList(deciders.members, `${path}.deciders.members`))].sort();
      if (required > members.length) fail(`${path}.required`, 'more approvals required than deciders');
      return { protocol, deciders: { members }, required, duration };
    }
    case 'democracy':
      return readDemocracy(object, path);
    case 'consensus':
    case 'consent':
      rejectUnknownKeys(object, path, ['protocol', 'duration']);
      return { protocol, duration: readDuration(object.duration, `${path}.duration`) };
    case 'do-ocracy': {
      if (nested) fail(`${path}.protocol`, 'a do-ocracy challenge cannot escalate to do-ocracy');
      rejectUnknownKeys(object, path, ['protocol', 'window', 'escalation']);
      return {
        protocol,
        window: readDuration(object.window, `${path}.window`),
        escalation: readRule(object.escalation, `${path}.escalation`, true) as EscalationRule,
      };
    }
  }
}

/**
 * Reads a control table, throwing {@link InvalidEventError} at the offending path (used inside
 * event parsing, where paths start at `content.table`).
 * @internal
 */
export function readControlTable(value: unknown, path: string): ControlTable {
  const object = readObject(value, path);
  rejectUnknownKeys(object, path, ['rules', 'fallback']);
  const rulesObject = readObject(object.rules, `${path}.rules`);
  const rules: Record<string, ProtocolRule> = {};
  for (const kind of Object.keys(rulesObject).sort()) {
    if (!ACTION_KIND_PATTERN.test(kind) || kind.length > 200) fail(`${path}.rules.${kind}`, 'invalid kind');
    rules[kind] = readRule(rulesObject[kind], `${path}.rules.${kind}`, false);
  }
  if (!Object.hasOwn(rules, ActionKinds.changeControlTable)) {
    fail(`${path}.rules`, `the table must name the rule for ${ActionKinds.changeControlTable}`);
  }
  const table: ControlTable = { rules };
  return object.fallback === undefined
    ? table
    : { ...table, fallback: readRule(object.fallback, `${path}.fallback`, false) };
}

/** The outcome of parsing untrusted input: the value, or the typed error naming the path. */
export type ParseResult<T, E> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

/**
 * Parses an untrusted control table (JSON as in the README: `rules` keyed by kind of action, each
 * rule with snake_case modalities, optional `fallback`).
 *
 * @param value - untrusted JSON
 * @returns the typed table, or an {@link InvalidControlTableError} naming the path
 * @example
 * ```ts
 * const parsed = parseControlTable({
 *   rules: { 'change-control-table': { protocol: 'consensus', duration: 604_800_000 } },
 * });
 * if (parsed.ok) parsed.value.rules['change-control-table'];
 * ```
 */
export function parseControlTable(value: unknown): ParseResult<ControlTable, InvalidControlTableError> {
  try {
    return { ok: true, value: readControlTable(value, '$') };
  } catch (error) {
    if (error instanceof InvalidEventError) {
      return { ok: false, error: new InvalidControlTableError(error.message, error.path, { cause: error }) };
    }
    throw error;
  }
}

/**
 * Serialises a typed control table back to its JSON form (snake_case modalities), the form
 * {@link parseControlTable} and the `org.imago.governance.init` event read.
 *
 * @param table - the table
 * @returns plain JSON
 */
export function controlTableToJson(table: ControlTable): Record<string, unknown> {
  const ruleToJson = (rule: ProtocolRule): Record<string, unknown> => {
    switch (rule.protocol) {
      case 'democracy': {
        const { groupDelegation, ...rest } = rule;
        return { ...rest, group_delegation: groupDelegation };
      }
      case 'do-ocracy':
        return { ...rule, escalation: ruleToJson(rule.escalation) };
      default:
        return { ...rule };
    }
  };
  const rules = Object.fromEntries(
    Object.entries(table.rules).map(([kind, rule]) => [kind, ruleToJson(rule)]),
  );
  return table.fallback === undefined ? { rules } : { rules, fallback: ruleToJson(table.fallback) };
}
