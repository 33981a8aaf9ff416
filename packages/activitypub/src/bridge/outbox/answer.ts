/**
 * @module
 * The group's answer to a `Follow` or an `Offer`: `Accept` or `Reject`, sent through Fedify to the
 * remote actor's own inbox.
 */
import { Accept, type Follow, type Offer, Reject } from '@fedify/fedify/vocab';
import type { BridgeParts } from '../bridge-parts';
import type { FollowerRecord, GroupRecord } from '../bridge-store';

/**
 * Sends Accept or Reject of `activity` to `to`, from the group.
 *
 * @param parts - the bridge.
 * @param group - the group that answers.
 * @param to - the remote actor (checked when its activity was received).
 * @param activity - the activity answered.
 * @param accept - `Accept` or `Reject`.
 * @returns when the answer is sent.
 */
export async function answer(
  parts: BridgeParts,
  group: GroupRecord,
  to: FollowerRecord,
  activity: Follow | Offer,
  accept: boolean,
): Promise<void> {
  const ctx = parts.context();
  const actor = parts.iris.actor(group.handle);
  const values = {
    id: new URL(`${actor}/answers/${crypto.randomUUID()}`),
    actor: new URL(actor),
    object: activity,
    to: new URL(to.id),
  };
  const reply = accept ? new Accept(values) : new Reject(values);
  await ctx.sendActivity(
    { identifier: group.handle },
    { id: new URL(to.id), inboxId: new URL(to.inbox) },
    reply,
  );
}
