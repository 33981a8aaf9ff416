/**
 * Reading a {@link VfStore} the way the resolvers need it: records by id (with a stand-in for
 * agents, specifications and processes referred to but not registered), the records embedded
 * in others (intents in proposals, places in records), and the fulfilments and satisfactions
 * the records name (`fulfills`, `satisfies`) next to those created through the API.
 *
 * @module
 */
import { getUnit, normalizeUnitId } from '../measures/om2-units';
import type { Agent } from '../model/agent';
import type { EconomicEvent } from '../model/economic-event';
import type { Intent } from '../model/intent';
import type { Measure } from '../model/measure';
import type { Process } from '../model/process';
import type { Proposal } from '../model/proposal';
import type { SpatialThing } from '../model/spatial-thing';
import type { Fulfillment, Satisfaction, UnitRecord } from './store-records';
import type { Place, VfStore } from './vf-store';

/** A measure as the API serves it: the unit is a record. */
export interface MeasureRecord {
  readonly hasNumericalValue: number;
  readonly hasUnit: UnitRecord;
}

/** The identifier of the fulfilment an event's `fulfills` names. */
export const recordedFulfillmentId = (event: string, commitment: string): string =>
  `${event}/fulfills/${commitment}`;

/** The identifier of the satisfaction an event's or commitment's `satisfies` names. */
export const recordedSatisfactionId = (by: string, intent: string): string => `${by}/satisfies/${intent}`;

/** Read access to a store (see the module comment). */
export type StoreView = ReturnType<typeof createStoreView>;

/**
 * Creates the read helpers over a store; they always read the store's current content.
 *
 * @param store - the store
 * @returns the helpers
 */
export function createStoreView(store: VfStore) {
  const unit = (id: string): UnitRecord => {
    const custom = store.units.get(id);
    if (custom) return custom;
    const om2 = getUnit(id);
    return { id: normalizeUnitId(id), label: om2?.label ?? id, symbol: om2?.symbol ?? '' };
  };
  const events = (): EconomicEvent[] =>
    [...store.ledger.events.values()].sort((a, b) => a.sequence - b.sequence).map((r) => r.event);
  const intents = (): Intent[] => [
    ...[...store.proposals.values()].flatMap((p) => [...p.publishes, ...p.reciprocal]),
    ...store.intents.values(),
  ];
  /** Every place: the registered ones, and those embedded in records with an id. */
  const places = (): Place[] => {
    const found = new Map<string, Place>(store.spatialThings);
    const add = (p: SpatialThing | undefined) => {
      if (p?.id !== undefined && !found.has(p.id)) found.set(p.id, { ...p, id: p.id, name: p.name ?? p.id });
    };
    for (const a of store.agents.values()) add(a.primaryLocation);
    for (const r of store.ledger.resources.values()) add(r.currentLocation);
    for (const e of events()) {
      add(e.atLocation);
      add(e.toLocation);
    }
    for (const c of store.commitments.values()) add(c.atLocation);
    for (const i of intents()) add(i.atLocation);
    for (const p of store.proposals.values()) add(p.eligibleLocation);
    return [...found.values()];
  };
  const fulfillments = (): Fulfillment[] => {
    const recorded: Fulfillment[] = events().flatMap((e) =>
      (e.fulfills ?? []).map((c) => ({
        id: recordedFulfillmentId(e.id, c),
        fulfilledBy: e.id,
        fulfills: c,
        ...(e.resourceQuantity ? { resourceQuantity: e.resourceQuantity } : {}),
        ...(e.effortQuantity ? { effortQuantity: e.effortQuantity } : {}),
      })),
    );
    return [...recorded, ...store.fulfillments.values()];
  };
  const satisfactions = (): Satisfaction[] => {
    const by = (x: {
      id: string;
      satisfies?: readonly string[];
      resourceQuantity?: Measure;
      effortQuantity?: Measure;
    }) =>
      (x.satisfies ?? []).map((i) => ({
        id: recordedSatisfactionId(x.id, i),
        satisfies: i,
        satisfiedBy: x.id,
        ...(x.resourceQuantity ? { resourceQuantity: x.resourceQuantity } : {}),
        ...(x.effortQuantity ? { effortQuantity: x.effortQuantity } : {}),
      }));
    return [
      ...events().flatMap(by),
      ...[...store.commitments.values()].flatMap(by),
      ...store.satisfactions.values(),
    ];
  };

  return {
    unit,
    events,
    intents,
    places,
    fulfillments,
    satisfactions,
    measure: (m: Measure | undefined): MeasureRecord | null =>
      m === undefined ? null : { hasNumericalValue: m.hasNumericalValue, hasUnit: unit(m.hasUnit) },
    /** A registered agent, or a stand-in named after its id (records may name agents the store lacks). */
    agent: (id: string | undefined): Agent | null =>
      id === undefined ? null : (store.agents.get(id) ?? { id, type: 'Organization', name: id }),
    resource: (id: string | undefined) =>
      id === undefined ? null : (store.ledger.resources.get(id) ?? null),
    event: (id: string | undefined) =>
      id === undefined ? null : (store.ledger.events.get(id)?.event ?? null),
    process: (id: string | undefined): Process | null =>
      id === undefined ? null : (store.ledger.processes.get(id) ?? { id, name: id }),
    resourceSpecification: (id: string | undefined) =>
      id === undefined ? null : (store.resourceSpecifications.get(id) ?? { id, name: id }),
    processSpecification: (id: string | undefined) =>
      id === undefined ? null : (store.processSpecifications.get(id) ?? { id, name: id }),
    agreement: (id: string | undefined) => (id === undefined ? null : (store.agreements.get(id) ?? null)),
    commitment: (id: string | undefined) => (id === undefined ? null : (store.commitments.get(id) ?? null)),
    intent: (id: string | undefined) =>
      id === undefined ? null : (intents().find((i) => i.id === id) ?? null),
    proposalOf: (i: Intent): Proposal | undefined =>
      [...store.proposals.values()].find((p) => [...p.publishes, ...p.reciprocal].some((x) => x.id === i.id)),
    /** A place as the API serves it: the registered place of that id, completed by what the record says. */
    place: (p: SpatialThing | undefined): Place | null => {
      if (p === undefined) return null;
      const registered = p.id === undefined ? undefined : store.spatialThings.get(p.id);
      if (registered) return { ...p, ...registered };
      return { ...p, id: p.id ?? `${p.lat},${p.long}`, name: p.name ?? p.mappableAddress ?? p.id ?? 'place' };
    },
  };
}
