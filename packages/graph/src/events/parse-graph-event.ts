/**
 * @module
 * The boundary where untrusted JSON (a Matrix event's content, a line of a log) becomes a
 * {@link GraphEvent}.
 */
import { InvalidEventError } from '../errors/invalid-event-error';
import { GRAPH_EVENT_TYPES, type GraphEvent, LINK_EVENT_TYPES, type LinkType } from './graph-event';

type Bag = Record<string, unknown>;

function fail(path: string, message: string): never {
  throw new InvalidEventError(`${path}: ${message}`, path);
}

function isObject(value: unknown): value is Bag {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function key(event: Bag, field: string): string {
  const value = event[field];
  if (typeof value !== 'string' || value === '') return fail(field, 'expected a non-empty string');
  return value;
}

function strings(value: unknown, path: string): void {
  if (value === null) return;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string'))
    fail(path, 'expected an array of strings');
}

function attributes(
  event: Bag,
  allowed: Record<string, 'string' | 'lat' | 'lon' | 'strings'>,
): Bag | undefined {
  const value = event.attributes;
  if (value === undefined) return undefined;
  if (!isObject(value)) return fail('attributes', 'expected an object');
  const out: Bag = {};
  for (const [name, item] of Object.entries(value)) {
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
 * parseGraphEvent({ type: 'relation.proposed', relation: 'partner', from: 'a', to: 'b' });
 */
export function parseGraphEvent(input: unknown): GraphEvent {
  if (!isObject(input)) return fail('$', 'expected an object');
  const type = input.type;
  if (typeof type !== 'string' || !GRAPH_EVENT_TYPES.includes(type as GraphEvent['type'])) {
    return fail('type', `expected one of ${GRAPH_EVENT_TYPES.join(', ')}`);
  }
  switch (type as GraphEvent['type']) {
    case 'group.upserted': {
      const attrs = attributes(input, {
        name: 'string',
        lat: 'lat',
        lon: 'lon',
        accepts: 'strings',
        blocks: 'strings',
      });
      return { type: 'group.upserted', group: key(input, 'group'), ...(attrs ? { attributes: attrs } : {}) };
    }
    case 'group.removed':
      return { type: 'group.removed', group: key(input, 'group') };
    case 'entity.upserted': {
      const attrs = attributes(input, { name: 'string', lat: 'lat', lon: 'lon', wikidata: 'string' });
      return {
        type: 'entity.upserted',
        entity: key(input, 'entity'),
        ...(attrs ? { attributes: attrs } : {}),
      };
    }
    case 'entity.removed':
      return { type: 'entity.removed', entity: key(input, 'entity') };
    case 'relation.proposed': {
      const relation = key(input, 'relation');
      if ((LINK_EVENT_TYPES as readonly string[]).includes(relation))
        fail('relation', 'a link, not a relation');
      return { type: 'relation.proposed', relation, from: key(input, 'from'), to: key(input, 'to') };
    }
    case 'relation.accepted':
    case 'relation.ended':
      return {
        type: type as 'relation.accepted' | 'relation.ended',
        relation: key(input, 'relation'),
        from: key(input, 'from'),
        to: key(input, 'to'),
        by: key(input, 'by'),
      };
    default: {
      const link = input.link;
      if (typeof link !== 'string' || !(LINK_EVENT_TYPES as readonly string[]).includes(link)) {
        return fail('link', `expected one of ${LINK_EVENT_TYPES.join(', ')}`);
      }
      return {
        type: type as 'link.added' | 'link.removed',
        link: link as LinkType,
        from: key(input, 'from'),
        to: key(input, 'to'),
      };
    }
  }
}
