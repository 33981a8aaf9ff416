/**
 * @module
 * The boundary where an untrusted feed definition (a Matrix state event's content, a stored
 * preference) becomes a {@link FeedDefinition}.
 */
import { itemPath, type JsonReader } from '@imago/kit/json-reader';
import { InvalidFeedError } from '../errors/invalid-feed-error';
import { graphJsonReader } from '../model/graph-json-reader';
import type { FeedDefinition, FeedSource } from './feed-definition';

const reader = graphJsonReader((message, path) => new InvalidFeedError(message, path));
const fail: JsonReader['fail'] = reader.fail;
const { readString: text, readStringList: texts } = reader;

function count(value: unknown, path: string): number {
  return reader.readInteger(value, path, 1);
}

function parseSource(value: unknown, path: string): FeedSource {
  const source = reader.readObject(value, path);
  switch (source.type) {
    case 'groups':
      return { type: 'groups', groups: texts(source.groups, `${path}.groups`) };
    case 'relations':
      return {
        type: 'relations',
        relations: texts(source.relations ?? [], `${path}.relations`),
        ...(source.maxHops === undefined ? {} : { maxHops: count(source.maxHops, `${path}.maxHops`) }),
      };
    case 'themes':
      return { type: 'themes', themes: texts(source.themes, `${path}.themes`) };
    case 'places': {
      const places = source.places === undefined ? undefined : texts(source.places, `${path}.places`);
      const radiusKm =
        source.radiusKm === undefined ? undefined : reader.readNumber(source.radiusKm, `${path}.radiusKm`, 0);
      if (places === undefined && radiusKm === undefined) fail(path, 'give places, radiusKm or both');
      return {
        type: 'places',
        ...(places ? { places } : {}),
        ...(radiusKm === undefined ? {} : { radiusKm }),
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
 * readFeedDefinition({ id: 'local', owner: 'g1', sources: [{ type: 'places', radiusKm: 20 }], kinds: ['need'] });
 */
export function readFeedDefinition(input: unknown): FeedDefinition {
  const object = reader.readObject(input, '$');
  const sources = reader.readArray(object.sources, 'sources');
  if (sources.length === 0) fail('sources', 'expected a non-empty array');
  const definition: FeedDefinition = {
    id: text(object.id, 'id'),
    owner: text(object.owner, 'owner'),
    sources: sources.map((source, i) => parseSource(source, itemPath('sources', i))),
  };
  if (object.name !== undefined) definition.name = text(object.name, 'name');
  if (object.kinds !== undefined) definition.kinds = texts(object.kinds, 'kinds');
  if (object.exclude !== undefined) definition.exclude = texts(object.exclude, 'exclude');
  return definition;
}

/**
 * The former name of {@link readFeedDefinition}.
 *
 * @deprecated Use {@link readFeedDefinition}: a `read*` function throws a typed error naming the path, a
 *   `parse*` function returns a result (CONTRIBUTING.md, "Verbs").
 */
export const parseFeedDefinition: typeof readFeedDefinition = readFeedDefinition;
