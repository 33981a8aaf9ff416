/**
 * @module
 * A group's **card**: what another homeserver may read of a group without joining its space. Matrix
 * federates a space's own state only to servers in the space; what it serves to any server is the
 * space **hierarchy** (`GET /hierarchy`, MSC2946): the space's summary (name, topic, join rule…)
 * and its `m.space.child` events, content included. So the group's authority writes the card in the
 * content of the `m.space.child` of the group's announcing room (announcements, else chat), under
 * `org.imago.card`: its profile, its pin (decisions room and authority) and the relations it
 * asserts. The card mirrors the space's state (`org.imago.group`, `org.imago.authority`,
 * `org.imago.relation`), which stays authoritative for any server in the space; `m.space.child` is
 * at power 100, so only the group's authority writes it. Pure.
 */
import { fail, isRoomId, readObject } from '../events/content-reader';
import { MatrixEventTypes } from '../events/event-types';
import type { ImagoWarning } from '../events/imago-warning';
import { type GroupAuthority, readGroupAuthority } from '../group/group-authority';
import { ROOM_ROLE_KEY } from '../group/group-events';
import { type GroupProfile, groupProfileContent, readGroupProfile } from '../group/group-profile';
import { type GroupChild, type GroupView, readPowerLevels } from '../group/group-view';
import {
  RELATION_TYPE_PATTERN,
  type RelationAssertion,
  readServerNames,
} from '../relations/relation-assertion';

/** Key of the card in the content of an `m.space.child`. */
export const GROUP_CARD_KEY = 'org.imago.card';

/** At most this many relations and blocked groups travel in a card (a child event stays small). */
export const MAX_CARD_ENTRIES = 100;

/** A group's card. */
export interface GroupCard {
  readonly profile: GroupProfile;
  readonly pin: GroupAuthority;
  /** The relations the group asserts, by the other group's space id. */
  readonly relations: ReadonlyMap<string, RelationAssertion>;
}

/**
 * The content of a card.
 *
 * @param card - profile, pin and relations (lists beyond {@link MAX_CARD_ENTRIES} are cut).
 * @returns the JSON to put under {@link GROUP_CARD_KEY}.
 */
export function groupCardContent(card: GroupCard): Record<string, unknown> {
  const relations = [...card.relations.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_CARD_ENTRIES);
  return {
    profile: groupProfileContent({ ...card.profile, blocks: card.profile.blocks.slice(0, MAX_CARD_ENTRIES) }),
    pin: { decisions: card.pin.decisions, authority: [...card.pin.authority] },
    // A relation with servers to reach the other group through travels as `{ type, via }`.
    relations: Object.fromEntries(
      relations.map(([space, relation]) => [
        space,
        relation.via?.length ? { type: relation.type, via: [...relation.via] } : relation.type,
      ]),
    ),
  };
}

/**
 * Reads a card.
 *
 * @param content - untrusted JSON (the value under {@link GROUP_CARD_KEY}).
 * @param path - path for problem reports.
 * @returns the card.
 * @throws {@link ContentProblem} naming the offending field.
 */
export function readGroupCardContent(content: unknown, path = 'card'): GroupCard {
  const object = readObject(content, path);
  const relationsObject =
    object.relations === undefined ? {} : readObject(object.relations, `${path}.relations`);
  const entries = Object.entries(relationsObject);
  if (entries.length > MAX_CARD_ENTRIES) fail(`${path}.relations`, 'too many relations');
  const relations = new Map<string, RelationAssertion>();
  for (const [space, value] of entries) {
    if (!isRoomId(space)) fail(`${path}.relations`, 'expected space ids as keys');
    const at = `${path}.relations["${space}"]`;
    const object = typeof value === 'string' ? { type: value } : readObject(value, at);
    const type = object.type;
    if (typeof type !== 'string' || !RELATION_TYPE_PATTERN.test(type)) fail(at, 'invalid relation type');
    const via = object.via === undefined ? [] : readServerNames(object.via, `${at}.via`);
    relations.set(space, via.length > 0 ? { type, via } : { type });
  }
  return {
    profile: readGroupProfile(object.profile, `${path}.profile`),
    pin: readGroupAuthority(object.pin, `${path}.pin`),
    relations,
  };
}

/** A stripped `m.space.child` as the hierarchy serves it. */
interface StrippedChild {
  readonly type?: unknown;
  readonly state_key?: unknown;
  readonly content?: unknown;
  readonly sender?: unknown;
}

/**
 * The view of a group from its entry in a space hierarchy (`GET /hierarchy`): its rooms with their
 * roles and servers, and its profile, pin and relations from its card. Members, parents and power
 * levels are not in a hierarchy: they stay empty (read the space's state for them). The pin's
 * `eventId` is empty: a hierarchy serves no event ids.
 *
 * @param spaceId - the space.
 * @param room - the hierarchy's entry for the space (`rooms[i]` with `room_id === spaceId`).
 * @returns the view; a malformed card is left out and reported in `warnings`.
 */
export function groupFromHierarchy(spaceId: string, room: Readonly<Record<string, unknown>>): GroupView {
  const warnings: ImagoWarning[] = [];
  const children: GroupChild[] = [];
  let card: GroupCard | undefined;
  const stripped = Array.isArray(room.children_state) ? (room.children_state as StrippedChild[]) : [];
  for (const child of stripped) {
    if (child?.type !== MatrixEventTypes.spaceChild || !isRoomId(child.state_key)) continue;
    const content = (
      typeof child.content === 'object' && child.content !== null ? child.content : {}
    ) as Record<string, unknown>;
    if (!Array.isArray(content.via) || content.via.length === 0) continue;
    const via = content.via.filter((server): server is string => typeof server === 'string').slice(0, 50);
    const role = content[ROOM_ROLE_KEY];
    children.push({
      roomId: child.state_key,
      via,
      ...(typeof role === 'string' && /^[a-z0-9-]{1,50}$/.test(role) ? { role } : {}),
    });
    if (content[GROUP_CARD_KEY] !== undefined && card === undefined) {
      try {
        card = readGroupCardContent(
          content[GROUP_CARD_KEY],
          `children_state["${child.state_key}"].content["${GROUP_CARD_KEY}"]`,
        );
      } catch (problem) {
        const { path, detail } = problem as { path?: string; detail?: string };
        warnings.push({
          code: 'malformed-content',
          type: MatrixEventTypes.spaceChild,
          ...(typeof child.sender === 'string' ? { sender: child.sender } : {}),
          ...(path ? { path } : {}),
          detail: detail ?? 'not a valid group card',
        });
      }
    }
  }
  children.sort((a, b) => (a.roomId < b.roomId ? -1 : a.roomId > b.roomId ? 1 : 0));
  return {
    spaceId,
    ...(card ? { profile: card.profile, authority: { ...card.pin, eventId: '' } } : {}),
    children,
    subGroups: children.filter((child) => child.role === 'sub-group').map((child) => child.roomId),
    parents: [],
    members: [],
    // A server outside the space sees neither its requests nor its memberships.
    knocks: [],
    memberships: new Map(),
    relations: card?.relations ?? new Map(),
    powerLevels: readPowerLevels(undefined),
    warnings,
  };
}

/**
 * The card of a group read from its space's state.
 *
 * @param view - the group's view (from `readGroup`).
 * @returns the card, or `undefined` when the group has no profile or no pin.
 */
export function cardOf(view: GroupView): GroupCard | undefined {
  if (!view.profile || !view.authority) return undefined;
  return {
    profile: view.profile,
    pin: { decisions: view.authority.decisions, authority: view.authority.authority },
    relations: view.relations,
  };
}
