/**
 * @module
 * Announcements: when a group adopts a `publish-offer` or `publish-need` decision whose action
 * carries an `announcement` (`{ kind, title, body?, payload? }`), the service computes its
 * propagation over the groups it knows (@imago/graph `propagate`: nearest groups, related
 * groups, shared themes; each target's filters respected) and delivers a copy with provenance
 * to each target's announcements room (`announce` of @imago/matrix-binding). Groups the announcing group
 * relates to on servers the service is in none of are read from the relation alone (`via`).
 */
import type { GovernanceState } from '@imago/governance';
import {
  announce,
  consentedRelations,
  type Delivery,
  type GroupView,
  groupRoom,
  ImagoEventTypes,
  readRelatedGroup,
} from '@imago/matrix-binding';
import { type DutyContext, groupName, groupOfRoom } from './duty-context';

/** One announcement the service delivered. */
export interface AnnouncementRecord {
  readonly decision: string;
  readonly from: string;
  readonly title: string;
  readonly deliveries: readonly Delivery[];
}

interface AnnouncementAction {
  kind: string;
  title: string;
  body?: string;
  payload?: Record<string, unknown>;
}

function announcementOf(action: unknown): AnnouncementAction | undefined {
  const a = (action as { announcement?: unknown } | undefined)?.announcement as
    | Record<string, unknown>
    | undefined;
  if (!a || typeof a.kind !== 'string' || typeof a.title !== 'string') return undefined;
  return {
    kind: a.kind,
    title: a.title,
    ...(typeof a.body === 'string' ? { body: a.body } : {}),
    ...(typeof a.payload === 'object' && a.payload !== null
      ? { payload: a.payload as Record<string, unknown> }
      : {}),
  };
}

/**
 * The groups the announcing group relates to that the service is in none of (on another
 * homeserver, say), read from the relation alone: through the servers its `via` names, from the
 * group's card in the space hierarchy. A group nobody answers for is left out (and logged).
 */
async function relatedElsewhere(
  context: DutyContext,
  from: GroupView,
  known: readonly GroupView[],
): Promise<GroupView[]> {
  const seen = new Set([from.spaceId, ...known.map((g) => g.spaceId)]);
  const found: GroupView[] = [];
  for (const spaceId of from.relations.keys()) {
    if (seen.has(spaceId)) continue;
    try {
      const { view } = await readRelatedGroup(context.client, from, spaceId);
      if (view.profile) found.push(view);
    } catch (error) {
      context.log.warn('announcements', `cannot read the related group ${spaceId}: ${String(error)}`, {
        roomId: from.spaceId,
      });
    }
  }
  return found;
}

/**
 * Delivers the announcements of newly adopted decisions.
 *
 * @param context - the duty context.
 * @param roomId - the decisions room.
 * @param state - the room's governance state (from the log).
 * @param done - announcements already delivered (by decision id); updated.
 */
export async function runAnnouncementDuty(
  context: DutyContext,
  roomId: string,
  state: GovernanceState,
  done: Map<string, AnnouncementRecord>,
): Promise<void> {
  for (const id of state.decisions.keys()) {
    const decision = state.decisions.get(id);
    if (!decision || done.has(id) || decision.outcome?.status !== 'adopted') continue;
    if (state.provisional.has(id)) continue; // announced once no close can undo the adoption
    if (decision.kind !== 'publish-offer' && decision.kind !== 'publish-need') continue;
    const announcement = announcementOf(decision.action);
    const from = groupOfRoom(context, roomId, 'decisions');
    if (!announcement || !from) continue;
    // Delivered before a restart: the original is in the group's own announcements room.
    const inbox = groupRoom(from, 'announcements') ?? groupRoom(from, 'chat');
    const me = context.client.getSafeUserId();
    const earlier = inbox
      ? (await context.watcher.refresh(inbox)).raw.some(
          (e) =>
            e.type === ImagoEventTypes.announcement &&
            e.sender === me &&
            (e.content as { payload?: { decision?: unknown } } | undefined)?.payload?.decision === id,
        )
      : false;
    if (earlier) {
      done.set(id, { decision: id, from: from.spaceId, title: announcement.title, deliveries: [] });
      continue;
    }
    // The group's own sub-groups and parents hear it in their own rooms: propagation is for others.
    const family = new Set([...from.subGroups, ...from.parents]);
    const known = [...context.groups.values()].filter((g) => g.profile && !family.has(g.spaceId));
    const groups = [...known, ...(await relatedElsewhere(context, from, known))];
    const relations = consentedRelations(new Map(groups.map((g) => [g.spaceId, g.relations])));
    const { by, k } = context.config.propagation;
    const result = await announce(context.client, {
      from,
      groups,
      relations,
      announcement: { ...announcement, payload: { ...(announcement.payload ?? {}), decision: id } },
      criteria: { by, k },
    });
    done.set(id, {
      decision: id,
      from: from.spaceId,
      title: announcement.title,
      deliveries: result.deliveries,
    });
    const targets = result.deliveries
      .map(
        (d) =>
          `${groups.find((g) => g.spaceId === d.target.key)?.profile?.name ?? groupName(context, d.target.key)}${d.target.distanceKm !== undefined ? ` (${d.target.distanceKm.toFixed(1)} km)` : ''}${
            d.skipped ? ` [${d.skipped}${d.error?.errcode ? ` ${d.error.errcode}` : ''}]` : ''
          }`,
      )
      .join(', ');
    context.log.info(
      'announcements',
      `${announcement.kind} "${announcement.title}" of ${groupName(context, from.spaceId)} propagated by ${by} to ${targets || 'nobody'}`,
      { roomId, decision: id },
    );
  }
}
