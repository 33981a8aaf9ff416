/**
 * @module
 * Every event type Imago reads, collected from the features' `<feature>-events.ts`, with the
 * rules `events/` owns: redactions, content left to the domain packages, size limits and which
 * types are Imago's business at all. A feature adds an event type in its own file and its list
 * here.
 */
import { announcementEvents } from '../announcements/announcement-events';
import { debateEvents } from '../debates/debate-events';
import { delegationEvents } from '../delegations/delegation-events';
import { governanceEvents } from '../governance/governance-events';
import { groupEvents } from '../group/group-events';
import { relationEvents } from '../relations/relation-events';
import { ContentProblem, type JsonObject } from './content-reader';
import { decodeDecimals } from './decimal-codec';
import { DEFAULT_MAX_CONTENT_BYTES, type EventSpec, LARGE_MAX_CONTENT_BYTES } from './event-spec';
import { MatrixEventTypes } from './event-types';
import { DomainEventPrefixes, type ImagoEvent } from './imago-event';
import type { EventEnvelope, RawMatrixEvent } from './raw-matrix-event';

const redactionEvents: readonly EventSpec<ImagoEvent>[] = [
  {
    type: MatrixEventTypes.redaction,
    read(envelope, content, raw) {
      const redacts = raw.redacts ?? content.redacts;
      if (typeof redacts !== 'string') throw new ContentProblem('redacts', 'expected an event id');
      return { ...envelope, kind: 'redaction', content: { redacts } };
    },
  },
];

function collect(
  lists: readonly (readonly EventSpec<ImagoEvent>[])[],
): ReadonlyMap<string, EventSpec<ImagoEvent>> {
  const specs = new Map<string, EventSpec<ImagoEvent>>();
  for (const spec of lists.flat()) {
    if (specs.has(spec.type)) throw new Error(`event type ${spec.type} is described twice`);
    specs.set(spec.type, spec);
  }
  return specs;
}

/** The specs of every event type Imago reads by its exact type. */
export const eventSpecs: ReadonlyMap<string, EventSpec<ImagoEvent>> = collect([
  groupEvents,
  relationEvents,
  delegationEvents,
  governanceEvents,
  announcementEvents,
  debateEvents,
  redactionEvents,
]);

/** Prefixes of types Imago reads even when no spec names them (an unknown one is a warning). */
const READ_PREFIXES = ['org.imago.', 'org.matrix.msc3381.poll.'] as const;

/** Prefixes of domain types whose content may be large (decision logs, ballots, archives). */
const LARGE_PREFIXES = [DomainEventPrefixes.governance, DomainEventPrefixes.helios] as const;

/** Whether Imago reads events of this type (otherwise they are foreign). */
export function isRelevant(type: string): boolean {
  return (
    eventSpecs.has(type) ||
    type === MatrixEventTypes.encrypted ||
    READ_PREFIXES.some((prefix) => type.startsWith(prefix))
  );
}

/** Largest content accepted for this type, in UTF-8 bytes of its JSON. */
export function maxBytesOf(type: string): number {
  if (LARGE_PREFIXES.some((prefix) => type.startsWith(prefix))) return LARGE_MAX_CONTENT_BYTES;
  return eventSpecs.get(type)?.maxBytes ?? DEFAULT_MAX_CONTENT_BYTES;
}

/**
 * Reads the content of an event by its type's spec, or leaves it to the domain package its
 * prefix names. Throws a {@link ContentProblem}; `null`: an event Imago does not read.
 */
export function readContent(
  envelope: EventEnvelope,
  content: JsonObject,
  raw: RawMatrixEvent,
): ImagoEvent | null {
  const spec = eventSpecs.get(envelope.type);
  if (spec !== undefined) return spec.read(envelope, content, raw);
  const decoded = decodeDecimals(content) as JsonObject;
  const { type } = envelope;
  if (type.startsWith(DomainEventPrefixes.governance))
    return { ...envelope, kind: 'governance', content: decoded };
  if (type.startsWith(DomainEventPrefixes.helios)) return { ...envelope, kind: 'helios', content: decoded };
  if (type.startsWith(DomainEventPrefixes.valueflows))
    return { ...envelope, kind: 'valueflows', content: decoded };
  throw new ContentProblem('type', 'unknown org.imago event type');
}
