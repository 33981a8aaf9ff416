/**
 * @module
 * The group profile, state event `org.imago.group` (state key `""`) of a group's space: name,
 * description, Wikidata items of its places and themes, coordinates, and the announcement
 * filters @imago/graph applies when it propagates (`accepts`, `blocks`).
 */
import {
  fail,
  readArray,
  readNumber,
  readObject,
  readOptionalString,
  readQid,
  readRoomId,
  readString,
  readStringList,
} from '../events/content-reader';

/** A point in WGS 84 decimal degrees. */
export interface Coordinates {
  readonly lat: number;
  readonly lon: number;
}

/** Content of `org.imago.group`. */
export interface GroupProfile {
  readonly name: string;
  readonly description?: string;
  /** Wikidata items of the places the group is located in (`Q90` for Paris). */
  readonly places: readonly string[];
  /** Wikidata items of the group's themes. */
  readonly themes: readonly string[];
  /** Where the group is; in event content a `geo:LAT,LON` URI (canonical JSON has no floats). */
  readonly coordinates?: Coordinates;
  /** Kinds of announcements the group accepts (`offer`, `need`, `event`…); absent: every kind. */
  readonly accepts?: readonly string[];
  /** Space ids of groups whose announcements this group refuses. */
  readonly blocks: readonly string[];
}

const MAX_ITEMS = 100;

const GEO_URI = /^geo:(-?\d{1,3}(?:\.\d{1,12})?),(-?\d{1,3}(?:\.\d{1,12})?)(?:;.*)?$/;

/**
 * Reads coordinates written as a `geo:` URI (RFC 5870, as `m.location` does): Matrix event content
 * may not hold floating-point numbers (canonical JSON), so coordinates travel as a string.
 */
function readGeoUri(value: unknown, path: string): Coordinates {
  const match = GEO_URI.exec(readString(value, path, 200));
  if (!match) return fail(path, 'expected a geo: URI (geo:LAT,LON)');
  return {
    lat: readNumber(Number(match[1]), `${path}#lat`, -90, 90),
    lon: readNumber(Number(match[2]), `${path}#lon`, -180, 180),
  };
}

/**
 * Reads the content of an `org.imago.group` event.
 *
 * @param content - untrusted content.
 * @param path - path of `content` for problem reports.
 * @returns the profile.
 * @throws {@link ContentProblem} naming the offending field (caught by {@link parseImagoEvent}).
 */
export function readGroupProfile(content: unknown, path = 'content'): GroupProfile {
  const object = readObject(content, path);
  const places = object.places === undefined ? [] : readArray(object.places, `${path}.places`, MAX_ITEMS);
  const themes = object.themes === undefined ? [] : readArray(object.themes, `${path}.themes`, MAX_ITEMS);
  let coordinates: Coordinates | undefined;
  if (object.coordinates !== undefined) coordinates = readGeoUri(object.coordinates, `${path}.coordinates`);
  const blocks = object.blocks === undefined ? [] : readArray(object.blocks, `${path}.blocks`, 1_000);
  const description = readOptionalString(object.description, `${path}.description`, 10_000);
  const accepts =
    object.accepts === undefined
      ? undefined
      : readStringList(object.accepts, `${path}.accepts`, MAX_ITEMS, 100);
  if (accepts?.some((kind) => !/^[a-z0-9][a-z0-9._-]*$/.test(kind))) fail(`${path}.accepts`, 'invalid kind');
  return {
    name: readString(object.name, `${path}.name`, 255),
    ...(description === undefined ? {} : { description }),
    places: places.map((item, index) => readQid(item, `${path}.places[${index}]`)),
    themes: themes.map((item, index) => readQid(item, `${path}.themes[${index}]`)),
    ...(coordinates ? { coordinates } : {}),
    ...(accepts ? { accepts } : {}),
    blocks: blocks.map((item, index) => readRoomId(item, `${path}.blocks[${index}]`)),
  };
}

/**
 * The event content of a profile (the inverse of {@link readGroupProfile}).
 *
 * @param profile - the profile.
 * @returns JSON content for `org.imago.group`.
 */
export function groupProfileContent(profile: GroupProfile): Record<string, unknown> {
  const { coordinates, ...rest } = profile;
  const content = JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
  if (coordinates) content.coordinates = `geo:${coordinates.lat},${coordinates.lon}`;
  return content;
}
