/**
 * @module
 * The ActivityPub side's routes: inbox deliveries through the inbox guard, reads limited per
 * connecting address (each may read Matrix state), the group resources the bridge serves itself,
 * and the rest (WebFinger, actors, followers, outboxes) to Fedify.
 */
import type { Federation } from '@fedify/fedify';
import type { InboxGuard } from '../../guard/inbox-guard';
import type { RateLimit } from '../../guard/rate-limit';
import { BridgePaths, eventIdOfSegment } from '../bridge-iris';
import type { BridgeParts } from '../bridge-parts';
import type { RequestData } from '../federation';
import {
  notFound,
  serveIcon,
  serveModerators,
  serveNote,
  serveProposal,
  serveTombstone,
} from './group-resources';
import { receiveInboxRequest } from './inbox-request';

/** The limits of the ActivityPub side. */
export interface RequestLimits {
  /** The checks of inbox deliveries before Fedify. */
  readonly guard: InboxGuard;
  /** Reads per connecting address. */
  readonly reads: RateLimit;
}

/**
 * Answers a request to the ActivityPub side.
 *
 * @param parts - the bridge.
 * @param federation - its federation.
 * @param limits - the inbox guard and the read limit.
 * @param request - the request.
 * @param remoteAddress - the connecting address.
 * @returns the response.
 */
export async function serveRequest(
  parts: BridgeParts,
  federation: Federation<RequestData>,
  limits: RequestLimits,
  request: Request,
  remoteAddress: string | undefined,
): Promise<Response> {
  const url = new URL(request.url);
  if (request.method === 'POST' && BridgePaths.inbox.test(url.pathname))
    return receiveInboxRequest(federation, limits.guard, parts.log, request, remoteAddress);
  if (request.method === 'GET' || request.method === 'HEAD') {
    const wait = limits.reads.take(remoteAddress ?? 'unknown', Date.now());
    if (wait > 0) {
      parts.log('warn', 'get-rate-limited', { address: remoteAddress, path: url.pathname });
      return new Response('Too many requests.\n', {
        status: 429,
        headers: { 'retry-after': String(wait) },
      });
    }
  }
  if (request.method === 'GET') {
    const served = await serveGroupResource(parts, url.pathname);
    if (served) return served;
  }
  return federation.fetch(request, {
    contextData: {},
    onNotFound: notFound,
    onNotAcceptable: () => new Response('Not acceptable.\n', { status: 406 }),
  });
}

/** A `GET` of what the bridge serves itself, or `undefined` for Fedify's routes. */
async function serveGroupResource(parts: BridgeParts, path: string): Promise<Response | undefined> {
  const actor = BridgePaths.actor.exec(path);
  if (actor) {
    const gone = await serveTombstone(parts, actor[1] as string);
    if (gone) return gone;
  }
  const proposal = BridgePaths.proposal.exec(path);
  if (proposal) {
    const eventId = eventIdOfSegment(proposal[2] as string);
    return eventId === undefined ? notFound() : serveProposal(parts, proposal[1] as string, eventId);
  }
  const note = BridgePaths.note.exec(path);
  if (note) {
    const eventId = eventIdOfSegment(note[2] as string);
    return eventId === undefined ? notFound() : serveNote(parts, note[1] as string, eventId);
  }
  const moderators = BridgePaths.moderators.exec(path);
  if (moderators) return serveModerators(parts, moderators[1] as string);
  const icon = BridgePaths.icon.exec(path);
  if (icon) return serveIcon(parts, icon[1] as string);
  return undefined;
}
