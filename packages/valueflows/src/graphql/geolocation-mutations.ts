/**
 * The geolocation mutations of vf-graphql 0.8.5 (`geolocation.gql`): registered places. A
 * place a record is at is not deleted.
 *
 * @module
 */

import { JsonObjectReader } from '../parse/json-reader';
import { readSpatialThing } from '../parse/parse-measure';
import { firstUse, type Input, merge, refuseIfUsed, requireRecord, withoutNulls } from './store-input';
import type { StoreView } from './store-view';
import type { Place, VfStore } from './vf-store';

function parsePlace(value: Input, path: string): Place {
  const o = JsonObjectReader.of(value, path);
  const id = o.string('id');
  const name = o.string('name');
  return { ...readSpatialThing(value, path), id, name };
}

/** `createSpatialThing`. */
export function createSpatialThing(store: VfStore, input: Input): { spatialThing: Place } {
  const place = parsePlace({ ...withoutNulls(input), id: store.nextId('place') }, 'spatialThing');
  store.spatialThings.set(place.id, place);
  return { spatialThing: place };
}

/** `updateSpatialThing`: the fields given. */
export function updateSpatialThing(store: VfStore, input: Input): { spatialThing: Place } {
  const id = String(input.id);
  const old = requireRecord(store.spatialThings, 'SpatialThing', id, 'spatialThing.id');
  const place = parsePlace(merge(old, { ...input, id }), 'spatialThing');
  store.spatialThings.set(id, place);
  return { spatialThing: place };
}

/** `deleteSpatialThing`: refused while an agent, resource, event, intent, commitment or proposal is there. */
export function deleteSpatialThing(store: VfStore, view: StoreView, id: string): boolean {
  requireRecord(store.spatialThings, 'SpatialThing', id, 'id');
  const at = (p: { id?: string } | undefined) => p?.id === id;
  refuseIfUsed(
    firstUse(
      store.agents.values(),
      (a) => at(a.primaryLocation),
      (a) => `agent ${a.id}`,
    ) ??
      firstUse(
        store.ledger.resources.values(),
        (r) => at(r.currentLocation),
        (r) => `economic resource ${r.id}`,
      ) ??
      firstUse(
        view.events(),
        (e) => at(e.atLocation) || at(e.toLocation) || at(e.newInventoriedResource?.currentLocation),
        (e) => `economic event ${e.id}`,
      ) ??
      firstUse(
        view.intents(),
        (i) => at(i.atLocation),
        (i) => `intent ${i.id}`,
      ) ??
      firstUse(
        store.commitments.values(),
        (c) => at(c.atLocation),
        (c) => `commitment ${c.id}`,
      ) ??
      firstUse(
        store.proposals.values(),
        (p) => at(p.eligibleLocation),
        (p) => `proposal ${p.id}`,
      ),
    `place ${id}`,
  );
  store.spatialThings.delete(id);
  return true;
}
