/**
 * FEP-0837 "Federated Marketplace" (ActivityPub with ValueFlows): proposals as ActivityStreams
 * objects of type `Proposal`, so offers and needs can leave Matrix through an ActivityPub
 * bridge and come back.
 *
 * @module
 */
import { VfParseError } from '../errors/parse-error';
import { normalizeUnitId } from '../measures/om2-units';
import type { Intent } from '../model/intent';
import type { Measure } from '../model/measure';
import type { Proposal } from '../model/proposal';
import type { SpatialThing } from '../model/spatial-thing';
import { JsonObjectReader } from '../parse/json-reader';
import { readProposal } from '../parse/parse-proposal';

/** The ActivityStreams context. */
export const ACTIVITY_STREAMS_CONTEXT = 'https://www.w3.org/ns/activitystreams';
/** The ActivityStreams public collection. */
export const AS_PUBLIC = 'https://www.w3.org/ns/activitystreams#Public';

/** The JSON-LD context FEP-0837 documents use. */
export const FEP_0837_CONTEXT = [
  ACTIVITY_STREAMS_CONTEXT,
  {
    om2: 'http://www.ontology-of-units-of-measure.org/resource/om-2/',
    vf: 'https://w3id.org/valueflows/ont/vf#',
    Proposal: 'vf:Proposal',
    Intent: 'vf:Intent',
    action: 'vf:action',
    purpose: 'vf:purpose',
    unitBased: 'vf:unitBased',
    publishes: 'vf:publishes',
    reciprocal: 'vf:reciprocal',
    provider: { '@id': 'vf:provider', '@type': '@id' },
    receiver: { '@id': 'vf:receiver', '@type': '@id' },
    resourceConformsTo: { '@id': 'vf:resourceConformsTo', '@type': '@id' },
    resourceClassifiedAs: { '@id': 'vf:resourceClassifiedAs', '@type': '@id' },
    resourceQuantity: 'vf:resourceQuantity',
    effortQuantity: 'vf:effortQuantity',
    availableQuantity: 'vf:availableQuantity',
    minimumQuantity: 'vf:minimumQuantity',
    hasUnit: 'om2:hasUnit',
    hasNumericalValue: 'om2:hasNumericalValue',
    proposedTo: { '@id': 'vf:proposedTo', '@type': '@id' },
  },
] as const;

/** Options of {@link proposalToFep0837}. */
export interface Fep0837ExportOptions {
  /** The actor publishing the proposal (`attributedTo`). Default: the proposal's proposer. */
  readonly actor?: string;
  /** Turns a local identifier into the global one used on the federated side. Default: unchanged. */
  readonly iri?: (localId: string) => string;
  /** Addressing (`to`). Default: public, plus `proposedTo` when set. */
  readonly to?: readonly string[];
}

function measureOut(m: Measure | undefined) {
  if (m === undefined) return undefined;
  // FEP-0837 writes OM2 units by local name and numbers as strings.
  return { hasUnit: normalizeUnitId(m.hasUnit), hasNumericalValue: String(m.hasNumericalValue) };
}

function placeOut(p: SpatialThing | undefined) {
  if (p === undefined) return undefined;
  const place: Record<string, unknown> = { type: 'Place' };
  if (p.id !== undefined) place.id = p.id;
  if (p.name !== undefined || p.mappableAddress !== undefined) place.name = p.name ?? p.mappableAddress;
  if (p.lat !== undefined) place.latitude = p.lat;
  if (p.long !== undefined) place.longitude = p.long;
  if (p.alt !== undefined) place.altitude = p.alt;
  return place;
}

function clean(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

function intentOut(i: Intent, iri: (s: string) => string, provider?: string, receiver?: string) {
  return clean({
    type: 'Intent',
    id: iri(i.id),
    action: i.action,
    resourceConformsTo: i.resourceConformsTo,
    resourceClassifiedAs: i.resourceClassifiedAs,
    resourceQuantity: measureOut(i.resourceQuantity),
    effortQuantity: measureOut(i.effortQuantity),
    availableQuantity: measureOut(i.availableQuantity),
    minimumQuantity: measureOut(i.minimumQuantity),
    provider: i.provider ?? provider,
    receiver: i.receiver ?? receiver,
    name: i.name,
    content: i.note,
  });
}

/**
 * Exports a proposal as a FEP-0837 `Proposal` object.
 *
 * @param proposal - the proposal
 * @param options - actor, identifier mapping, addressing
 * @returns the ActivityStreams object (JSON-LD, FEP-0837 context)
 * @throws {@link VfParseError} when there is no actor to attribute it to
 * @example
 * ```ts
 * const object = proposalToFep0837(offer, { iri: (id) => `https://bridge.example/vf/${id}` });
 * ```
 */
export function proposalToFep0837(
  proposal: Proposal,
  options: Fep0837ExportOptions = {},
): Record<string, unknown> {
  const iri = options.iri ?? ((s: string) => s);
  const actorLocal = options.actor ?? proposal.proposer;
  if (actorLocal === undefined) throw new VfParseError('proposer', 'a FEP-0837 proposal needs an actor');
  const actor = options.actor ?? iri(actorLocal);
  // FEP-0837: in an offer the actor provides the primary intent and receives the reciprocal one;
  // in a request, the other way round.
  const offer = proposal.purpose === 'offer';
  const publishes = proposal.publishes.map((i) =>
    intentOut(i, iri, offer ? actor : undefined, offer ? undefined : actor),
  );
  const reciprocal = proposal.reciprocal.map((i) =>
    intentOut(i, iri, offer ? undefined : actor, offer ? actor : undefined),
  );
  const proposedTo = proposal.proposedTo?.map(iri);
  return clean({
    '@context': FEP_0837_CONTEXT,
    type: 'Proposal',
    id: iri(proposal.id),
    attributedTo: actor,
    name: proposal.name,
    content: proposal.note,
    published: proposal.created,
    startTime: proposal.hasBeginning,
    endTime: proposal.hasEnd,
    location: placeOut(proposal.eligibleLocation),
    purpose: proposal.purpose,
    unitBased: proposal.unitBased,
    publishes: publishes.length === 1 ? publishes[0] : publishes,
    reciprocal: reciprocal.length === 0 ? undefined : reciprocal.length === 1 ? reciprocal[0] : reciprocal,
    proposedTo,
    to: options.to ?? (proposedTo && proposedTo.length > 0 ? proposedTo : [AS_PUBLIC]),
  });
}

/** An ActivityStreams Place as a ValueFlows spatial thing (latitude/longitude → lat/long). */
function placeIn(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const p = value as Record<string, unknown>;
  return clean({
    id: p.id,
    name: p.name,
    lat: p.latitude ?? p.lat,
    long: p.longitude ?? p.long,
    alt: p.altitude ?? p.alt,
  });
}

/**
 * Imports a FEP-0837 `Proposal` object (from an ActivityPub bridge) as a proposal.
 *
 * Units may be OM2 local names or IRIs; numbers may be strings. The actor (`attributedTo`)
 * becomes the proposer. Untrusted input: every failure is a {@link VfParseError} with the path.
 *
 * @param value - the ActivityStreams object
 * @returns the proposal
 * @throws {@link VfParseError} naming the path of the first bad field
 */
export function proposalFromFep0837(value: unknown): Proposal {
  const o = JsonObjectReader.of(value, '');
  const type = o.value.type;
  const types = Array.isArray(type) ? type : [type];
  if (!types.includes('Proposal') && !types.includes('vf:Proposal')) {
    throw new VfParseError('type', 'expected a Proposal');
  }
  const attributedTo = o.optionalReference('attributedTo');
  if (attributedTo === undefined) throw new VfParseError('attributedTo', 'expected the publishing actor');
  const intent = (v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const i = v as Record<string, unknown>;
    return clean({ ...i, note: i.content, content: undefined, type: undefined });
  };
  const list = (v: unknown) => (Array.isArray(v) ? v.map(intent) : intent(v));
  const json = clean({
    id: o.value.id,
    purpose: o.value.purpose,
    proposer: attributedTo,
    name: o.value.name,
    note: o.value.content,
    created: o.value.published,
    hasBeginning: o.value.startTime,
    hasEnd: o.value.endTime,
    unitBased: o.value.unitBased,
    eligibleLocation: o.has('location') ? placeIn(o.value.location) : undefined,
    publishes: list(o.value.publishes),
    reciprocal: o.has('reciprocal') ? list(o.value.reciprocal) : undefined,
    proposedTo: o.value.proposedTo,
  });
  return readProposal(json);
}
