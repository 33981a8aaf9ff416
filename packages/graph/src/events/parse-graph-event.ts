/**
 * @module
 * The boundary where untrusted JSON (a Matrix event's content, a line of a log) becomes a
 * {@link GraphEvent}.
 */
import { itemPath, type JsonReader } from '@imago/kit/json-reader';
import { InvalidEventError } from '../errors/invalid-event-error';
import { graphJsonReader } from '../model/graph-json-reader';
import { GRAPH_EVENT_TYPES, type GraphEvent, LINK_EVENT_TYPES, type LinkType } from './graph-event';

type Bag = Record<string, unknown>;

const reader = graphJsonReader((message, path) => new InvalidEventError(message, path));
const fail: JsonReader['fail'] = reader.fail;

function key(event: Bag, field: string): string {
  return reader.readString(event[field], field);
}

/** A list of strings, or `null` (the attribute cleared). */
function strings(value: unknown, path: string): void {
  if (value === null) return;
  const list = reader.readArray(value, path);
  list.forEach((item, index) => {
    if (typeof item !== 'string') fail(itemPath(path, index), 'expected a string');
  });
}

function attributes(
  event: Bag,
  allowed: Record<string, 'string' | 'lat' | 'lon' | 'strings'>,
): Bag | undefined {
  const value = event.attributes;
  if (value === undefined) return undefined;
  const out: Bag = {};
  for (const [name, item] of Object.entries(reader.readObject(value, 'attributes'))) {
    const path = `attributes.${name}`;
    const kind = allowed[name];
    if (kind === undefined) fail(path, 'unknown attribute');
    if (item === undefined) continue;
    if (item !== null) {
      if (kind === 'string' && typeof item !== 'string') fail(path, 'expected a string');
      if (kind === 'lat' && !(typeof item === 'number' && Math.abs(item) <= 90))
        fail(path, 'expected degrees in [-90, 90]');
      if (kind === 'lon' && !(typeof item === 'number' && Math.abs(item) <= 180))
        fail(path, 'expected degrees in [-180, 180]');
    }
    if (kind === 'strings') strings(item, path);
    out[name] = item;
  }
  if ('lat' in out !== 'lon' in out || (out.lat === null) !== (out.lon === null)) {
    fail('attributes', 'lat and lon go together');
  }
  return out;
}

/**
 * Parse an untrusted value into a graph event.
 *
 * @param input - A parsed JSON value.
 * @returns The event, with only the known fields.
 * @throws {InvalidEventError} naming the offending field.
 * @example
 * readGraphEvent({ type: 'relation.proposed', relation: 'partner', from: 'a', to: 'b' });
 */
export function readGraphEvent(input: unknown): GraphEvent {
  const event = reader.readObject(input, '$') as Bag;
  const type = event.type;
  if (typeof type !== 'string' || !GRAPH_EVENT_TYPES.includes(type as GraphEvent['type'])) {
    return fail('type', `expected one of ${GRAPH_EVENT_TYPES.join(', ')}`);
  }
  switch (type as GraphEvent['type']) {
    case 'group.upserted': {
      const attrs = attributes(event, {
        name: 'string',
        lat: 'lat',
        lon: 'lon',
        accepts: 'strings',
        blocks: 'strings',
      });
      return { type: 'group.upserted', group: key(event, 'group'), ...(attrs ? { attributes: attrs } : {}) };
    }
    case 'group.removed':
      return { type: 'group.removed', group: key(event, 'group') };
    case 'entity.upserted': {
      const attrs = attributes(event, { name: 'string', lat: 'lat', lon: 'lon', wikidata: 'string' });
      return {
        type: 'entity.upserted',
        entity: key(event, 'entity'),
        ...(attrs ? { attributes: attrs } : {}),
      };
    }
    case 'entity.removed':
      return { type: 'entity.removed', entity: key(event, 'entity') };
    case 'relation.proposed': {
      const relation = key(event, 'relation');
      if ((LINK_EVENT_TYPES as readonly string[]).includes(relation))
        fail('relation', 'a link, not a relation');
      return { type: 'relation.proposed', relation, from: key(event, 'from'), to: key(event, 'to') };
    }
    case 'relation.accepted':
    case 'relation.ended':
      return {
        type: type as 'relation.accepted' | 'relation.ended',
        relation: key(event, 'relation'),
        from: key(event, 'from'),
        to: key(event, 'to'),
        by: key(event, 'by'),
      };
    default: {
      const link = event.link;
      if (typeof link !== 'string' || !(LINK_EVENT_TYPES as readonly string[]).includes(link)) {
        return fail('link', `expected one of ${LINK_EVENT_TYPES.join(', ')}`);
      }
      return {
        type: type as 'link.added' | 'link.removed',
        link: link as LinkType,
        from: key(event, 'from'),
        to: key(event, 'to'),
      };
    }
  }
}

/**
 * The former name of {@link readGraphEvent}.
 *
 * @deprecated Use {@link readGraphEvent}: a `read*` function throws a typed error naming the path, a
 *   `parse*` function returns a result (CONTRIBUTING.md, "Verbs").
 */
export const parseGraphEvent: typeof readGraphEvent = readGraphEvent;
