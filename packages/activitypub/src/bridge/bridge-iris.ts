/**
 * @module
 * The addresses the bridge mints on its origin and the paths it serves: a group's actor
 * (`/actors/<handle>`, with its followers, moderators and icon), its proposals and notes
 * (`/groups/<handle>/proposals/<event id>`, `/groups/<handle>/notes/<event id>`) and the inboxes.
 * The Matrix event id in a path is percent-encoded.
 */

/** The paths of the ActivityPub side the bridge answers itself (the rest is Fedify's). */
export const BridgePaths = {
  proposal: /^\/groups\/([a-z0-9_]{1,64})\/proposals\/([^/]{1,512})$/,
  note: /^\/groups\/([a-z0-9_]{1,64})\/notes\/([^/]{1,512})$/,
  actor: /^\/actors\/([a-z0-9_]{1,64})$/,
  moderators: /^\/actors\/([a-z0-9_]{1,64})\/moderators$/,
  icon: /^\/actors\/([a-z0-9_]{1,64})\/icon\.svg$/,
  /** A group's inbox or the shared one: every inbox passes the inbox guard. */
  inbox: /^\/(?:actors\/[^/]{1,600}\/)?inbox$/,
} as const;

/**
 * The Matrix event id a path segment names. Anyone writes these paths (a `GET`, a remote
 * document's `inReplyTo`): a malformed percent-encoding names nothing, and throws nothing.
 *
 * @param segment - the percent-encoded segment.
 * @returns the event id, or `undefined`.
 */
export function eventIdOfSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The media type of the ActivityPub documents the bridge serves. */
export const ACTIVITY_JSON = 'application/activity+json';

/** The IRIs of the bridge's groups and of what they publish. */
export class BridgeIris {
  /** @param origin - the bridge's public base URL. */
  constructor(readonly origin: string) {}

  /** The group's actor. */
  actor(handle: string): string {
    return `${this.origin}/actors/${handle}`;
  }

  /** The group's followers collection. */
  followers(handle: string): string {
    return `${this.actor(handle)}/followers`;
  }

  /** A proposal the group published, by the Matrix event that carried it. */
  proposal(handle: string, eventId: string): string {
    return `${this.origin}/groups/${handle}/proposals/${encodeURIComponent(eventId)}`;
  }

  /** An announcement the group published as a `Note`, by the Matrix event that carried it. */
  note(handle: string, eventId: string): string {
    return `${this.origin}/groups/${handle}/notes/${encodeURIComponent(eventId)}`;
  }

  /**
   * The group and event of a proposal IRI of this bridge.
   *
   * @param iri - an IRI a remote document names.
   * @returns the handle and event id, or `undefined` when it is not one of this bridge's proposals.
   */
  proposalOf(iri: string): { handle: string; eventId: string } | undefined {
    const prefix = `${this.origin}/groups/`;
    if (!iri.startsWith(prefix)) return undefined;
    const match = BridgePaths.proposal.exec(iri.slice(this.origin.length));
    const eventId = match ? eventIdOfSegment(match[2] as string) : undefined;
    return match && eventId !== undefined ? { handle: match[1] as string, eventId } : undefined;
  }

  /**
   * The handle an actor IRI of this bridge names (unchecked: look it up in the store).
   *
   * @param iri - an IRI a remote document names.
   * @returns what follows `<origin>/actors/`, or `undefined`.
   */
  handleOf(iri: string | undefined): string | undefined {
    const prefix = `${this.origin}/actors/`;
    return iri?.startsWith(prefix) ? iri.slice(prefix.length) : undefined;
  }
}
