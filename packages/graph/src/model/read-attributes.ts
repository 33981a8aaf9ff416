/**
 * @module
 * Defensive readers of node and edge attributes: the algorithms accept any graphology graph and
 * treat attributes that break the contract as absent.
 */
import { LINK_TYPES } from './attributes';

/** A point on Earth in decimal degrees. */
export interface Coordinates {
  /** Latitude, −90 to 90. */
  lat: number;
  /** Longitude, −180 to 180. */
  lon: number;
}

/** Node or edge attributes as read from any graph: possibly missing, possibly off-contract. */
export type AttributeBag = Record<string, unknown> | undefined;

/** Whether node attributes describe a group. */
export function isGroupAttributes(attributes: AttributeBag): boolean {
  return attributes?.kind === 'group';
}

/** The node's own coordinates, if both `lat` and `lon` are finite numbers in range. */
export function ownCoordinates(attributes: AttributeBag): Coordinates | undefined {
  const lat = attributes?.lat;
  const lon = attributes?.lon;
  if (typeof lat !== 'number' || typeof lon !== 'number') return undefined;
  if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) return undefined;
  return { lat, lon };
}

/**
 * Whether an edge is an accepted group–group relation: both ends are groups, its type is not a
 * link to an entity, and its `status` is exactly `"accepted"` (a missing status is not consent).
 */
export function isAcceptedRelation(
  attributes: AttributeBag,
  sourceAttributes: AttributeBag,
  targetAttributes: AttributeBag,
  source: string,
  target: string,
): boolean {
  if (source === target || attributes?.status !== 'accepted') return false;
  const type = attributes.type;
  if (typeof type !== 'string' || LINK_TYPES.has(type)) return false;
  return isGroupAttributes(sourceAttributes) && isGroupAttributes(targetAttributes);
}

/**
 * Whether a target group receives announcements of `kind` from `source`: it must not block the
 * source, and if it lists the kinds it accepts, `kind` (when given) must be among them.
 */
export function receives(targetAttributes: AttributeBag, source: string, kind: string | undefined): boolean {
  const blocks = targetAttributes?.blocks;
  if (Array.isArray(blocks) && blocks.includes(source)) return false;
  const accepts = targetAttributes?.accepts;
  if (kind !== undefined && Array.isArray(accepts) && !accepts.includes(kind)) return false;
  return true;
}
