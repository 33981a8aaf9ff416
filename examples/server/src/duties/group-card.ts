/**
 * @module
 * The group's card: for each group the service is the authority of, the service keeps the card in
 * the space's hierarchy (`publishGroupCard` of @imago/matrix-binding) equal to what the space's
 * state says — profile, pin and relations — so that servers outside the space read the group as it
 * is. It rewrites the card only when it differs, so its own write changes nothing further.
 */
import {
  announcingRooms,
  cardOf,
  GROUP_CARD_KEY,
  type GroupView,
  groupCardContent,
  publishGroupCard,
} from '@imago/matrix-binding';
import type { DutyContext } from './duty-context';

/** JSON with sorted keys: the homeserver may serve content in another key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Publishes the card of a group whose space changed, when the service speaks for the group and
 * the card differs from the space's state.
 *
 * @param context - the duty context.
 * @param view - the group, as just read from its space.
 */
export async function runGroupCardDuty(context: DutyContext, view: GroupView): Promise<void> {
  const card = cardOf(view);
  const room = announcingRooms(view)[0];
  if (!card || !room || !view.authority?.authority.includes(context.client.getSafeUserId())) return;
  const link = context.client.getRoom(view.spaceId)?.currentState.getStateEvents('m.space.child', room);
  const current = (link?.getContent() as Record<string, unknown> | undefined)?.[GROUP_CARD_KEY];
  if (canonical(current) === canonical(groupCardContent(card))) return;
  try {
    await publishGroupCard(context.client, view.spaceId);
    context.log.info('card', `card of "${view.profile?.name ?? view.spaceId}" published`, {
      roomId: view.spaceId,
    });
  } catch (error) {
    context.log.warn('card', `cannot publish the card of ${view.spaceId}: ${String(error)}`, {
      roomId: view.spaceId,
    });
  }
}
