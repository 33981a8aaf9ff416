/**
 * @module
 * A group's profile (`org.imago.group` of @imago/matrix-binding) and the fields of an
 * ActivityStreams actor, both ways: name ↔ `name`, description ↔ `summary`, coordinates ↔
 * `location` (a `Place`), themes ↔ `tag` links to their Wikidata items, places ↔ `attachment`
 * links to theirs. What ActivityPub has no field for (announcement filters) stays on Matrix.
 */
import type { Coordinates, GroupProfile } from '@imago/matrix-binding';
import { type JsonObject, readObject } from './json-reader';

/** Wikidata's page of an item. */
export const wikidataUrl = (qid: string): string => `https://www.wikidata.org/wiki/${qid}`;

const WIKIDATA_ITEM = /^https?:\/\/(?:www\.)?wikidata\.org\/(?:wiki|entity)\/(Q[1-9]\d{0,11})$/;

/** A link to a Wikidata item, as ActivityStreams writes it. */
export interface WikidataLink {
  readonly type: 'Link';
  readonly href: string;
  readonly name: string;
  /** `tag` for a theme, `place` for a place. */
  readonly rel: 'tag' | 'place';
}

/** The actor fields of a group's profile. */
export interface ActorProfileFields {
  readonly name: string;
  readonly summary?: string;
  readonly location?: { readonly type: 'Place'; readonly latitude: number; readonly longitude: number };
  /** Themes. */
  readonly tag: readonly WikidataLink[];
  /** Places. */
  readonly attachment: readonly WikidataLink[];
}

/**
 * The actor fields that show a group's profile.
 *
 * @param profile - the group's profile.
 * @returns name, summary, location, theme tags and place attachments.
 */
export function actorProfileFields(profile: GroupProfile): ActorProfileFields {
  const link = (qid: string, rel: 'tag' | 'place'): WikidataLink => ({
    type: 'Link',
    href: wikidataUrl(qid),
    name: qid,
    rel,
  });
  return {
    name: profile.name,
    ...(profile.description ? { summary: profile.description } : {}),
    ...(profile.coordinates
      ? { location: { type: 'Place', latitude: profile.coordinates.lat, longitude: profile.coordinates.lon } }
      : {}),
    tag: profile.themes.map((qid) => link(qid, 'tag')),
    attachment: profile.places.map((qid) => link(qid, 'place')),
  };
}

function wikidataItems(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const qids: string[] = [];
  for (const item of items.slice(0, 100)) {
    const href = typeof item === 'string' ? item : (item as JsonObject | null)?.href;
    const match = typeof href === 'string' ? WIKIDATA_ITEM.exec(href) : null;
    if (match?.[1] && !qids.includes(match[1])) qids.push(match[1]);
  }
  return qids;
}

function coordinates(value: unknown): Coordinates | undefined {
  const place = (Array.isArray(value) ? value[0] : value) as JsonObject | undefined;
  if (typeof place !== 'object' || place === null) return undefined;
  const lat = place.latitude;
  const lon = place.longitude;
  if (typeof lat !== 'number' || typeof lon !== 'number') return undefined;
  if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) return undefined;
  return { lat, lon };
}

/**
 * Reads a group profile from an ActivityStreams actor (a remote `Group`, or our own): what it
 * lacks stays empty; links that are not Wikidata items are left out.
 *
 * @param actor - the actor document (untrusted).
 * @returns the profile, or `undefined` when the actor has no usable name.
 * @example
 * ```ts
 * profileFromActor({ type: 'Group', name: 'Jardin', tag: [{ type: 'Link', href: 'https://www.wikidata.org/wiki/Q48803' }] });
 * // { name: 'Jardin', places: [], themes: ['Q48803'], blocks: [] }
 * ```
 */
export function profileFromActor(actor: unknown): GroupProfile | undefined {
  let object: JsonObject;
  try {
    object = readObject(actor, '');
  } catch {
    return undefined;
  }
  const name = typeof object.name === 'string' ? object.name : object.preferredUsername;
  if (typeof name !== 'string' || name.length === 0 || name.length > 255) return undefined;
  const summary =
    typeof object.summary === 'string' && object.summary.length <= 10_000 ? object.summary : undefined;
  const where = coordinates(object.location);
  return {
    name,
    ...(summary ? { description: summary } : {}),
    places: wikidataItems(object.attachment),
    themes: wikidataItems(object.tag),
    ...(where ? { coordinates: where } : {}),
    blocks: [],
  };
}
