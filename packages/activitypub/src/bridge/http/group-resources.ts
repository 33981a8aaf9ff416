/**
 * @module
 * What the bridge serves of a group itself, beside Fedify's actor, followers and outbox: its
 * published proposals and notes, its moderators (FEP-1b12's attributedTo collection), an icon
 * drawn from its name, and, once it is withdrawn, the `Tombstone` of its actor (410).
 */
import { ACTIVITY_JSON } from '../bridge-iris';
import type { BridgeParts } from '../bridge-parts';
import { moderatorsOf, readGroup } from '../matrix/group-rooms';
import { noteDocumentOf, proposalDocumentOf } from '../outbox/group-documents';

/** The answer to a path that names nothing. */
export const notFound = () => new Response('Not found.\n', { status: 404 });

const activityJson = (document: Record<string, unknown>, status = 200) =>
  Response.json(document, { status, headers: { 'content-type': ACTIVITY_JSON } });

/**
 * A withdrawn group's actor: 410 with a `Tombstone`, while no group holds the handle.
 *
 * @param parts - the bridge.
 * @param handle - the handle asked for.
 * @returns the response, or `undefined` when the handle is not a withdrawn group's.
 */
export async function serveTombstone(parts: BridgeParts, handle: string): Promise<Response | undefined> {
  if ((await parts.store.group(handle)) !== undefined) return undefined;
  const tombstone = await parts.store.tombstone(handle);
  if (tombstone === undefined) return undefined;
  return activityJson(
    {
      '@context': 'https://www.w3.org/ns/activitystreams',
      id: parts.iris.actor(handle),
      type: 'Tombstone',
      formerType: 'Group',
      deleted: tombstone.deleted,
    },
    410,
  );
}

/** A published proposal (404 when there is none). */
export async function serveProposal(parts: BridgeParts, handle: string, eventId: string): Promise<Response> {
  const record = await parts.store.proposal(handle, eventId);
  return record === undefined ? notFound() : activityJson(proposalDocumentOf(parts.iris, record));
}

/** A published announcement (404 when there is none). */
export async function serveNote(parts: BridgeParts, handle: string, eventId: string): Promise<Response> {
  const record = await parts.store.note(handle, eventId);
  return record === undefined ? notFound() : activityJson(noteDocumentOf(parts.iris, record));
}

/** The group's moderators, read from its space now, as an `OrderedCollection` of actors. */
export async function serveModerators(parts: BridgeParts, handle: string): Promise<Response> {
  const group = await parts.store.group(handle);
  const view = group && (await readGroup(parts.bot, group.spaceId).catch(() => undefined));
  if (!view) return notFound();
  const ctx = parts.context();
  const items = moderatorsOf(view).map((userId) => ctx.getActorUri(userId).href);
  return activityJson({
    '@context': 'https://www.w3.org/ns/activitystreams',
    id: `${parts.iris.actor(handle)}/moderators`,
    type: 'OrderedCollection',
    totalItems: items.length,
    orderedItems: items,
  });
}

/** The group's icon: the initials of its name (at most two) on a rounded square. */
export async function serveIcon(parts: BridgeParts, handle: string): Promise<Response> {
  const group = await parts.store.group(handle);
  if (group === undefined) return notFound();
  const view = await readGroup(parts.bot, group.spaceId).catch(() => undefined);
  const name = view?.profile?.name ?? handle;
  const initials = [...name.split(/\s+/).filter(Boolean)]
    .slice(0, 2)
    .map((word) => [...word][0]?.toUpperCase() ?? '')
    .join('')
    .replace(/[<>&"']/g, '');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256"><rect width="256" height="256" rx="48" fill="#2f6f4f"/><text x="128" y="160" font-family="sans-serif" font-size="96" text-anchor="middle" fill="#fff">${initials}</text></svg>`;
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml' } });
}
