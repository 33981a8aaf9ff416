/**
 * @module
 * The typed event {@link parseImagoEvent} makes of an untrusted Matrix event: the union of the
 * events each feature describes in its `<feature>-events.ts`, and those `events/` reads itself
 * (redactions, content left to a domain package).
 */
import type { AnnouncementEvent } from '../announcements/announcement-events';
import type { DebateEvent } from '../debates/debate-events';
import type { DelegationEvent } from '../delegations/delegation-events';
import type { GovernanceEvent } from '../governance/governance-events';
import type { GroupEvent } from '../group/group-events';
import type { RelationEvent } from '../relations/relation-events';
import type { JsonObject } from './content-reader';
import type { EventEnvelope } from './raw-matrix-event';

/** Prefixes of event types whose content the domain packages parse. */
export const DomainEventPrefixes = {
  governance: 'org.imago.governance.',
  helios: 'org.imago.helios.',
  valueflows: 'org.imago.vf.',
} as const;

/**
 * A redaction: `redacts` names the redacted event.
 *
 * @inline
 */
export type RedactionEvent = EventEnvelope & {
  readonly kind: 'redaction';
  readonly content: { readonly redacts: string };
};

/**
 * An event whose content is left to the domain package named by its type's prefix ({@link DomainEventPrefixes}).
 *
 * @inline
 */
export type DomainEvent = EventEnvelope & {
  readonly kind: 'governance' | 'helios' | 'valueflows';
  readonly content: JsonObject;
};

/** A parsed event: its envelope, a `kind` to switch on and its typed content. */
export type ImagoEvent =
  | GroupEvent
  | RelationEvent
  | DelegationEvent
  | GovernanceEvent
  | AnnouncementEvent
  | DebateEvent
  | RedactionEvent
  | DomainEvent;
