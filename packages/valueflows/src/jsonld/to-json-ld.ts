/**
 * JSON-LD documents of ValueFlows objects, with the ValueFlows context.
 *
 * @module
 */
import { getUnit, normalizeUnitId } from '../measures/om2-units';
import type { Agent } from '../model/agent';
import { VF_CONTEXT } from './vf-context';

/** The ValueFlows classes a document can have. */
export type VfClass =
  | 'EconomicEvent'
  | 'EconomicResource'
  | 'ResourceSpecification'
  | 'Process'
  | 'Intent'
  | 'Commitment'
  | 'Claim'
  | 'Proposal'
  | 'Agreement';

/** A JSON-LD document: a JSON object with an `@context`. */
export type JsonLdDocument = { readonly '@context': unknown } & Readonly<Record<string, unknown>>;

const MEASURES = new Set([
  'resourceQuantity',
  'effortQuantity',
  'availableQuantity',
  'minimumQuantity',
  'accountingQuantity',
  'onhandQuantity',
]);
const UNITS = new Set(['defaultUnitOfResource', 'defaultUnitOfEffort', 'unitOfEffort']);
const CLASSIFICATIONS = new Set(['resourceClassifiedAs', 'classifiedAs']);

function unitIri(id: string): string {
  const local = normalizeUnitId(id);
  return getUnit(local) ? `om2:${local}` : id;
}

/** Wikidata QIDs become `wd:` IRIs; tags stay strings and are kept as (relative) references. */
function classificationIri(c: string): string {
  const q = /^(?:wd:)?(Q[1-9]\d*)$/.exec(c);
  return q ? `wd:${q[1]}` : c;
}

function convert(key: string, value: unknown): unknown {
  if (value === undefined) return undefined;
  if (MEASURES.has(key) && typeof value === 'object' && value !== null) {
    const m = value as { hasNumericalValue: number; hasUnit: string };
    return { hasNumericalValue: m.hasNumericalValue, hasUnit: unitIri(m.hasUnit) };
  }
  if (UNITS.has(key) && typeof value === 'string') return unitIri(value);
  if (CLASSIFICATIONS.has(key) && Array.isArray(value)) return value.map((v) => classificationIri(String(v)));
  if ((key === 'publishes' || key === 'reciprocal') && Array.isArray(value)) {
    return value.map((i) => body('Intent', i as Record<string, unknown>));
  }
  return value;
}

function body(type: string, value: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { type };
  for (const [k, v] of Object.entries(value)) {
    if (k === 'type' || k === 'newInventoriedResource') continue;
    const c = convert(k, v);
    if (c !== undefined) out[k] = c;
  }
  return out;
}

/**
 * A JSON-LD document of a ValueFlows object, using {@link VF_CONTEXT}: `id` and `type` are
 * `@id`/`@type`, units become OM2 IRIs (`om2:kilogram`), Wikidata QIDs `wd:` IRIs.
 *
 * @param type - the ValueFlows class
 * @param value - the object (as this package models it)
 * @returns the document
 * @example
 * ```ts
 * toJsonLd('EconomicResource', ledger.resources.get('potatoes')!);
 * // { '@context': VF_CONTEXT, type: 'EconomicResource', id: 'potatoes', onhandQuantity: { hasUnit: 'om2:kilogram', … } }
 * ```
 */
export function toJsonLd(type: VfClass, value: object): JsonLdDocument {
  return { '@context': VF_CONTEXT, ...body(type, value as Record<string, unknown>) };
}

/**
 * A JSON-LD document of an agent (`Person`, `Organization` or `EcologicalAgent`).
 *
 * @param agent - the agent
 * @returns the document
 */
export function agentToJsonLd(agent: Agent): JsonLdDocument {
  return { '@context': VF_CONTEXT, ...body(agent.type, agent as unknown as Record<string, unknown>) };
}
