/**
 * @module
 * The boundary where an untrusted feed definition (a Matrix state event's content, a stored
 * preference) becomes a {@link FeedDefinition}.
 */
import { InvalidFeedError } from '../errors/invalid-feed-error';
import type { FeedDefinition, FeedSource } from './feed-definition';

type Bag = Record<string, unknown>;

function fail(path: string, message: string): never {
  throw new InvalidFeedError(`${path}: ${message}`, path);
}

function isObject(value: unknown): value is Bag {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') return fail(path, 'expected a non-empty string');
  return value;
}

function texts(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) return fail(path, 'expected an array of strings');
  return value.map((item, i) => text(item, `${path}[${i}]`));
}

function count(value: unknown, path: string): number {
  if (!Number.isInteger(value) || (value as number) < 1) return fail(path, 'expected a positive integer');
  return value as number;
}

function parseSource(value: unknown, path: string): FeedSource {
  if (!isObject(value)) return fail(path, 'expected an object');
  switch (value.type) {
    case 'groups':
      return { type: 'groups', groups: texts(value.groups, `${path}.groups`) };
    case 'relations':
      return {
        type: 'relations',
        relations: texts(value.relations ?? [], `${path}.relations`),
        ...(value.maxHops === undefined ? {} : { maxHops: count(value.maxHops, `${path}.maxHops`) }),
      };
    case 'themes':
      return { type: 'themes', themes: texts(value.themes, `${path}.themes`) };
    case 'places': {
      const places = value.places === undefined ? undefined : texts(value.places, `${path}.places`);
      const radiusKm = value.radiusKm;
      if (
        radiusKm !== undefined &&
        !(typeof radiusKm === 'number' && radiusKm >= 0 && Number.isFinite(radiusKm))
      ) {
        fail(`${path}.radiusKm`, 'expected a non-negative number of km');
      }
      if (places === undefined && radiusKm === undefined) fail(path, 'give places, radiusKm or both');
      return {
        type: 'places',
        ...(places ? { places } : {}),
        ...(radiusKm === undefined ? {} : { radiusKm: radiusKm as number }),
      };
    }
    default:
      return fail(`${path}.type`, 'expected groups, relations, themes or places');
  }
}

/**
 * Parse an untrusted feed definition.
 *
 * @param input - Parsed JSON.
 * @returns The definition, with only the known fields.
 * @throws {InvalidFeedError} naming the offending path, e.g. `sources[1].radiusKm`.
 * @example
 * parseFeedDefinition({ id: 'local', owner: 'g1', sources: [{ type: 'places', radiusKm: 20 }], kinds: ['need'] });
 */
export function parseFeedDefinition(input: unknown): FeedDefinition {
  if (!isObject(input)) return fail('$', 'expected an object');
  if (!Array.isArray(input.sources) || input.sources.length === 0)
    fail('sources', 'expected a non-empty array');
  const definition: FeedDefinition = {
    id: text(input.id, 'id'),
    owner: text(input.owner, 'owner'),
    sources: (input.sources as unknown[]).map((source, i) => parseSource(source, `sources[${i}]`)),
  };
  if (input.name !== undefined) definition.name = text(input.name, 'name');
  if (input.kinds !== undefined) definition.kinds = texts(input.kinds, 'kinds');
  if (input.exclude !== undefined) definition.exclude = texts(input.exclude, 'exclude');
  return definition;
}
