/**
 * The ValueFlows 1.0 action table, read from the generated data file `data/vf-actions.json`
 * (CC-BY-SA-4.0, derived from all_vf.TTL by `scripts/generate-data.ts`).
 *
 * @module
 */
import data from '#data/vf-actions.json' with { type: 'json' };
import { UnknownActionError } from '../errors/unknown-action-error';
import type { ActionDefinition, ActionId } from './action-definition';

const table = (data as unknown as { actions: Record<string, ActionDefinition> }).actions;

/** Every ValueFlows 1.0 action, by identifier. */
export const ACTIONS: Readonly<Record<ActionId, ActionDefinition>> = Object.freeze(
  table as Record<ActionId, ActionDefinition>,
);

/** The ValueFlows 1.0 action identifiers, sorted. */
export const ACTION_IDS: readonly ActionId[] = Object.freeze(Object.keys(table).sort() as ActionId[]);

/**
 * Spellings used by vf-graphql 0.8 and older ValueFlows releases, mapped to the 1.0 identifiers.
 */
const ALIASES: Readonly<Record<string, ActionId>> = {
  'deliver-service': 'deliverService',
  'transfer-all-rights': 'transferAllRights',
  'transfer-custody': 'transferCustody',
  'transfer-complete': 'transfer',
  unpack: 'separate',
  pack: 'combine',
};

/**
 * Whether `value` is a ValueFlows 1.0 action identifier.
 *
 * @param value - anything
 * @returns true for `'transfer'`, `'work'`, …
 */
export function isActionId(value: unknown): value is ActionId {
  return typeof value === 'string' && Object.hasOwn(table, value);
}

/**
 * Reads an action identifier, accepting the 1.0 identifiers, their full IRIs
 * (`https://w3id.org/valueflows/ont/vf#transfer`, `vf:transfer`) and vf-graphql 0.8 spellings
 * (`transfer-custody`).
 *
 * @param value - the identifier
 * @returns the ValueFlows 1.0 identifier
 * @throws {@link UnknownActionError} when it names no action
 * @example
 * ```ts
 * normalizeActionId('deliver-service'); // 'deliverService'
 * ```
 */
export function normalizeActionId(value: string): ActionId {
  const local = value.replace(/^https?:\/\/w3id\.org\/valueflows\/ont\/vf#/, '').replace(/^vf:/, '');
  if (isActionId(local)) return local;
  const alias = ALIASES[local];
  if (alias) return alias;
  throw new UnknownActionError(value);
}

/**
 * Looks up an action.
 *
 * @param id - an action identifier (see {@link normalizeActionId} for accepted spellings)
 * @returns its definition
 * @throws {@link UnknownActionError} when it names no action
 * @example
 * ```ts
 * getAction('transferCustody').onhandEffect; // 'decrementIncrement'
 * ```
 */
export function getAction(id: string): ActionDefinition {
  return table[normalizeActionId(id)]!;
}
