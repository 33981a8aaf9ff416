/**
 * @module
 * Announcing: the group's authority posts the announcement in the group's own announcements room,
 * @imago/graph's `propagate` chooses the target groups (respecting their filters), and a copy with
 * provenance (origin group, original event, criteria) is delivered to each target's announcements
 * room — on any homeserver, joined on the way through the servers the target's space names for
 * that room. Receivers accept only what the origin group's authority posts through its rooms
 * (see {@link checkAnnouncementOrigin}).
 */
import { type PropagateOptions, type PropagationTarget, propagate } from '@imago/graph';
import type { MatrixClient } from 'matrix-js-sdk';
import { sendEvent } from '../client/send';
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { encodeDecimals } from '../events/decimal-codec';
import { ImagoEventTypes } from '../events/event-types';
import { type GroupView, groupRoom } from '../group/group-view';
import type { GroupRelation } from '../relations/consented-relations';
import type { Announcement } from './announcement-content';
import { groupGraph } from './group-graph';
import { type ReachError, reachError, reachRoom, viaOf } from './reach-room';

/** Options of {@link announce}. */
export interface AnnounceOptions {
  /** The announcing group. */
  from: GroupView;
  /** The known groups (the candidates) and their relations. */
  groups: readonly GroupView[];
  relations: readonly GroupRelation[];
  /** What to announce. */
  announcement: Pick<Announcement, 'kind' | 'title' | 'body' | 'payload'>;
  /** Propagation criteria (`kind` is the announcement's); see @imago/graph `PropagateOptions`. */
  criteria?: Omit<PropagateOptions, 'kind' | 'geoIndex'>;
}

/** One delivery of an announcement. */
export interface Delivery {
  readonly target: PropagationTarget;
  /** The room it was posted in; absent when the target has no announcements (or chat) room. */
  readonly roomId?: string;
  readonly eventId?: string;
  /**
   * Why it was not delivered: `no-room` (the target has no announcements or chat room),
   * `unreachable` (no server of the room could be reached to join it), `not-allowed` (the room's
   * rules refuse the announcer), `refused` (any other refusal).
   */
  readonly skipped?: 'no-room' | ReachError['reason'];
  /** The homeserver's refusal, when there was one. */
  readonly error?: Omit<ReachError, 'reason'>;
}

/** The role of the room that receives announcements, falling back to the chat room. */
function inboxOf(group: GroupView): string | undefined {
  return groupRoom(group, 'announcements') ?? groupRoom(group, 'chat');
}

/**
 * Announces to the groups chosen by propagation. The client must be one of the announcing group's
 * authority, and able to post in each target's announcements room: joined, or a room it may join,
 * which it joins on the way through the servers the target's space names for it (its own server
 * need not be in the room yet).
 *
 * @param client - a member of the announcing group's authority.
 * @param options - origin, candidates (views from `readGroup`, or `readGroupCard` for groups whose
 *   space the client's server is not in), announcement and criteria.
 * @returns the original event id and the deliveries, each with the room and event or why not.
 * @throws {@link InvalidArgumentError} when the origin has no announcements or chat room, or the
 *   client is not in its authority; {@link HomeserverError} when posting the original fails.
 */
export async function announce(
  client: MatrixClient,
  options: AnnounceOptions,
): Promise<{ original: string; targets: readonly PropagationTarget[]; deliveries: readonly Delivery[] }> {
  const originRoom = inboxOf(options.from);
  if (!originRoom) throw new InvalidArgumentError(`group ${options.from.spaceId} has no announcements room`);
  const me = client.getSafeUserId();
  if (!options.from.authority?.authority.includes(me)) {
    throw new InvalidArgumentError(`${me} does not speak for ${options.from.spaceId}: not in its authority`);
  }
  const criteria = { ...(options.criteria ?? {}), kind: options.announcement.kind };
  const base = {
    ...options.announcement,
    origin: { group: options.from.spaceId, room: originRoom },
    criteria,
  };
  const original = await sendEvent(
    client,
    originRoom,
    ImagoEventTypes.announcement,
    encodeDecimals(base) as Record<string, unknown>,
  );
  const graph = groupGraph(
    options.groups.some((g) => g.spaceId === options.from.spaceId)
      ? options.groups
      : [options.from, ...options.groups],
    options.relations,
  );
  const targets = propagate(graph, options.from.spaceId, criteria);
  const byId = new Map(options.groups.map((group) => [group.spaceId, group]));
  const deliveries: Delivery[] = [];
  for (const target of targets) {
    const group = byId.get(target.key);
    const roomId = group ? inboxOf(group) : undefined;
    if (!roomId) {
      deliveries.push({ target, skipped: 'no-room' });
      continue;
    }
    const content = { ...base, origin: { ...base.origin, event: original } };
    const unreachable = group ? await reachRoom(client, roomId, viaOf(group, roomId)) : undefined;
    if (unreachable) {
      const { reason, ...error } = unreachable;
      deliveries.push({ target, roomId, skipped: reason, error });
      continue;
    }
    try {
      const eventId = await sendEvent(
        client,
        roomId,
        ImagoEventTypes.announcement,
        encodeDecimals(content) as Record<string, unknown>,
      );
      deliveries.push({ target, roomId, eventId });
    } catch (cause) {
      const { reason, ...error } = reachError(cause, false);
      deliveries.push({ target, roomId, skipped: reason, error });
    }
  }
  return { original, targets, deliveries };
}
