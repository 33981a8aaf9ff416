/**
 * @module
 * The boundary where Wikidata entity JSON — a `wbgetentities` response or
 * `Special:EntityData/Qxx.json` (https://www.wikidata.org/wiki/Wikidata:Data_access) — becomes
 * {@link WikidataEntity} values. Statements are simplified by wikibase-sdk, which keeps the
 * best-ranked ("truthy") ones: preferred if any, else normal; never deprecated.
 */

import { isJsonObject, type JsonReader } from '@imago/kit/json-reader';
import { type Item, isItemId, simplifyClaims } from 'wikibase-sdk';
import { MalformedEntityError } from '../errors/malformed-entity-error';
import { graphJsonReader } from '../model/graph-json-reader';
import type { WikidataEntity } from './wikidata-entity';

const isObject = isJsonObject;
const fail: JsonReader['fail'] = graphJsonReader(
  (message, path) => new MalformedEntityError(message, path),
).fail;

function itemIds(values: unknown[] | undefined): string[] {
  return (values ?? []).filter((value): value is string => typeof value === 'string' && isItemId(value));
}

function parseItem(value: unknown, path: string): WikidataEntity | undefined {
  if (!isObject(value)) return fail(path, 'expected an entity object');
  if ('missing' in value) return undefined;
  if (value.type !== 'item') return fail(`${path}.type`, 'expected an item');
  if (!isItemId(value.id)) return fail(`${path}.id`, 'expected a QID');
  const labels: Record<string, string> = {};
  if (value.labels !== undefined) {
    if (!isObject(value.labels)) fail(`${path}.labels`, 'expected an object');
    for (const [language, label] of Object.entries(value.labels)) {
      if (!isObject(label) || typeof label.value !== 'string')
        fail(`${path}.labels.${language}`, 'expected {language, value}');
      labels[language] = label.value;
    }
  }
  const claims = value.claims ?? {};
  if (!isObject(claims)) return fail(`${path}.claims`, 'expected an object');
  for (const [property, statements] of Object.entries(claims)) {
    if (
      !Array.isArray(statements) ||
      statements.some((statement) => !isObject(statement) || !isObject(statement.mainsnak))
    ) {
      fail(`${path}.claims.${property}`, 'expected an array of statements');
    }
  }
  let simplified: Record<string, unknown[]>;
  try {
    simplified = simplifyClaims((claims as Item['claims']) ?? {}) as Record<string, unknown[]>;
  } catch (cause) {
    throw new MalformedEntityError(`${path}.claims: ${(cause as Error).message}`, `${path}.claims`, {
      cause,
    });
  }
  const entity: WikidataEntity = {
    id: value.id,
    labels,
    locatedIn: itemIds(simplified.P131),
    instanceOf: itemIds(simplified.P31),
    subclassOf: itemIds(simplified.P279),
  };
  const location = simplified.P625?.[0];
  if (location !== undefined && location !== null) {
    const [lat, lon] = Array.isArray(location) ? location : [];
    if (typeof lat !== 'number' || typeof lon !== 'number' || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      fail(`${path}.claims.P625[0]`, 'expected a globe coordinate');
    }
    entity.coordinates = { lat, lon };
  }
  return entity;
}

/**
 * Parse Wikidata entity JSON into entities. Accepts a `wbgetentities` response or
 * `Special:EntityData` document (`{"entities": {...}}`), a single entity object, or an array of
 * either. Missing entities (`{"id": …, "missing": ""}`) are skipped.
 *
 * @param input - Parsed JSON.
 * @returns The items, in document order.
 * @throws {MalformedEntityError} naming the offending path, e.g. `entities.Q90.claims.P625[0]`.
 * @example
 * const [paris] = readWikidataEntities(await (await fetch('https://www.wikidata.org/wiki/Special:EntityData/Q90.json')).json());
 */
export function readWikidataEntities(input: unknown): WikidataEntity[] {
  const documents = Array.isArray(input) ? input : [input];
  const entities: WikidataEntity[] = [];
  documents.forEach((document, i) => {
    const prefix = Array.isArray(input) ? `[${i}]` : '';
    if (isObject(document) && 'entities' in document) {
      if (!isObject(document.entities)) fail(`${prefix}${prefix ? '.' : ''}entities`, 'expected an object');
      for (const [id, value] of Object.entries(document.entities)) {
        const entity = parseItem(value, `${prefix}${prefix ? '.' : ''}entities.${id}`);
        if (entity) entities.push(entity);
      }
    } else {
      const entity = parseItem(document, prefix || '$');
      if (entity) entities.push(entity);
    }
  });
  return entities;
}

/**
 * The former name of {@link readWikidataEntities}.
 *
 * @deprecated Use {@link readWikidataEntities}: a `read*` function throws a typed error naming the path, a
 *   `parse*` function returns a result (CONTRIBUTING.md, "Verbs").
 */
export const parseWikidataEntities: typeof readWikidataEntities = readWikidataEntities;
