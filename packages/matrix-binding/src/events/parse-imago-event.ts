/**
 * @module
 * The single boundary where an untrusted Matrix event becomes a typed {@link ImagoEvent}, or a
 * typed {@link ImagoWarning} saying what is wrong and where. It checks the envelope, the size, the
 * redaction status, the content schema of every `org.imago.*` type and the rules that need no room
 * state (a state key owned by another user). Rules that need room state (power levels, chairs,
 * the control table) are applied by the folds that consume these events.
 */
import { type Announcement, readAnnouncement } from '../announcements/announcement-content';
import {
  type MinutesContent,
  type MotionContent,
  readMinutesContent,
  readMotionContent,
} from '../debates/assembly-content';
import {
  type DebateSettings,
  type FloorContent,
  type HandContent,
  RAISE_HAND_KEY,
  readDebateSettings,
  readFloorContent,
  readHandContent,
} from '../debates/debate-content';
import { type DelegationSet, readDelegationSet } from '../delegations/delegation-set';
import { type CheckpointContent, readCheckpointContent } from '../governance/checkpoint-content';
import { type GroupAuthority, readGroupAuthority } from '../group/group-authority';
import { type GroupProfile, readGroupProfile } from '../group/group-profile';
import { roomCreators } from '../group/room-creators';
import { type RelationAssertion, readRelationAssertion } from '../relations/relation-assertion';
import {
  ContentProblem,
  isRoomId,
  isUserId,
  type JsonObject,
  readArray,
  readInteger,
  readObject,
  readString,
  readStringList,
} from './content-reader';
import { decodeDecimals } from './decimal-codec';
import { ImagoEventTypes, MatrixEventTypes } from './event-types';
import type { ImagoWarning } from './imago-warning';
import type { EventEnvelope, RawMatrixEvent } from './raw-matrix-event';

/** Prefixes of event types whose content the domain packages parse. */
export const DomainEventPrefixes = {
  governance: 'org.imago.governance.',
  helios: 'org.imago.helios.',
  valueflows: 'org.imago.vf.',
} as const;

/** Key of `m.space.child` content naming the child's role in the group. */
export const ROOM_ROLE_KEY = 'org.imago.room';

/** Default maximum size of an event's content, in UTF-8 bytes of its JSON. */
export const DEFAULT_MAX_CONTENT_BYTES = 16_384;
/** Maximum content size of types that carry more (control tables, ballots, archives). */
export const LARGE_MAX_CONTENT_BYTES = 60_000;

/** A parsed event: its envelope, a `kind` to switch on and its typed content. */
export type ImagoEvent =
  | (EventEnvelope & {
      readonly kind: 'group-profile';
      readonly stateKey: string;
      readonly content: GroupProfile;
    })
  | (EventEnvelope & {
      readonly kind: 'authority';
      readonly stateKey: string;
      readonly content: GroupAuthority;
    })
  | (EventEnvelope & {
      readonly kind: 'relation';
      readonly stateKey: string;
      /** `null`: this side ended (or never asserted) the relation. */
      readonly content: RelationAssertion | null;
    })
  | (EventEnvelope & {
      readonly kind: 'delegations';
      readonly stateKey: string;
      readonly content: DelegationSet;
    })
  | (EventEnvelope & {
      readonly kind: 'control-table';
      readonly stateKey: string;
      /** `table`: the control table as JSON (checked by @imago/governance); `decision`: the adopting decision. */
      readonly content: { readonly table: JsonObject; readonly decision?: string };
    })
  | (EventEnvelope & { readonly kind: 'announcement'; readonly content: Announcement })
  | (EventEnvelope & {
      readonly kind: 'checkpoint';
      readonly stateKey: string;
      readonly content: CheckpointContent;
    })
  | (EventEnvelope & {
      readonly kind: 'debate-settings';
      readonly stateKey: string;
      readonly content: DebateSettings;
    })
  | (EventEnvelope & { readonly kind: 'hand'; readonly content: HandContent })
  | (EventEnvelope & { readonly kind: 'floor'; readonly content: FloorContent })
  | (EventEnvelope & { readonly kind: 'motion'; readonly content: MotionContent })
  | (EventEnvelope & { readonly kind: 'minutes'; readonly content: MinutesContent })
  | (EventEnvelope & {
      /** Element Call's raise-hand reaction on a MatrixRTC membership event. */
      readonly kind: 'raise-hand-reaction';
      readonly content: { readonly membershipEvent: string };
    })
  | (EventEnvelope & { readonly kind: 'redaction'; readonly content: { readonly redacts: string } })
  | (EventEnvelope & {
      /** A MatrixRTC session membership (`org.matrix.msc3401.call.member`); empty content: left. */
      readonly kind: 'rtc-membership';
      readonly stateKey: string;
      readonly content: { readonly joined: boolean };
    })
  | (EventEnvelope & {
      readonly kind: 'space-child' | 'space-parent';
      readonly stateKey: string;
      /** `null`: the link was removed (no `via`). */
      readonly content: SpaceLink | null;
    })
  | (EventEnvelope & {
      readonly kind: 'membership';
      readonly stateKey: string;
      /** `join`, `leave`, `invite`, `ban`, `knock`; `reason` as the sender gave it. */
      readonly content: { readonly membership: string; readonly reason?: string };
    })
  | (EventEnvelope & {
      readonly kind: 'join-rules';
      readonly stateKey: string;
      /** `public`, `knock`, `invite`, `restricted`, `knock_restricted`, `private`… */
      readonly content: { readonly joinRule: string };
    })
  | (EventEnvelope & {
      readonly kind: 'room-create';
      readonly stateKey: string;
      /** Users with unlimited power (room version 12 and later): sender and additional creators. */
      readonly content: { readonly creators: readonly string[]; readonly roomType?: string };
    })
  | (EventEnvelope & { readonly kind: 'poll-start'; readonly content: PollStart })
  | (EventEnvelope & { readonly kind: 'poll-response'; readonly content: PollResponse })
  | (EventEnvelope & { readonly kind: 'poll-end'; readonly content: { readonly poll: string } })
  | (EventEnvelope & {
      /** Content left to the domain package named by the type's prefix ({@link DomainEventPrefixes}). */
      readonly kind: 'governance' | 'helios' | 'valueflows';
      readonly content: JsonObject;
    });

/** An MSC3381 poll start, with Imago's link to the decision it mirrors. */
export interface PollStart {
  readonly question: string;
  readonly answers: readonly { readonly id: string; readonly label: string }[];
  readonly maxSelections: number;
  /** `org.imago.decision`: the id of the decision the poll mirrors. */
  readonly decision?: string;
}

/** An MSC3381 poll response. */
export interface PollResponse {
  /** The poll start event id. */
  readonly poll: string;
  /** Chosen answer ids (an empty list withdraws the vote). */
  readonly answers: readonly string[];
}

/** Key of a poll start's content naming the decision it mirrors. */
export const POLL_DECISION_KEY = 'org.imago.decision';

/** Content of `m.space.child` / `m.space.parent`, with Imago's `org.imago.room` role of a child. */
export interface SpaceLink {
  readonly via: readonly string[];
  readonly canonical?: boolean;
  /** What the child is to the group: `chat`, `decisions`, `announcements`, `debate`, `sub-group`… */
  readonly role?: string;
}

/** What {@link parseImagoEvent} makes of an event. */
export type ParsedEvent =
  | { readonly status: 'event'; readonly event: ImagoEvent }
  | { readonly status: 'warning'; readonly warning: ImagoWarning & { readonly stateKey?: string } }
  /** Not an Imago event nor a Matrix event Imago reads: nothing to say. */
  | { readonly status: 'foreign' };

/** Options of {@link parseImagoEvent}. */
export interface ParseEventOptions {
  /** Room id to assume when the event does not carry one (sync timelines omit it). */
  roomId?: string;
}

const encoder = new TextEncoder();

function contentBytes(content: unknown): number {
  try {
    return encoder.encode(JSON.stringify(content) ?? '').length;
  } catch {
    return Number.POSITIVE_INFINITY; // cyclic or otherwise unserialisable: not JSON from the wire
  }
}

function maxBytesOf(type: string): number {
  return type === ImagoEventTypes.controlTable ||
    type === ImagoEventTypes.debateMinutes ||
    type.startsWith('org.imago.governance.') ||
    type.startsWith('org.imago.helios.')
    ? LARGE_MAX_CONTENT_BYTES
    : DEFAULT_MAX_CONTENT_BYTES;
}

function isRelevant(type: string): boolean {
  return (
    type.startsWith('org.imago.') ||
    type === MatrixEventTypes.spaceChild ||
    type === MatrixEventTypes.spaceParent ||
    type === MatrixEventTypes.reaction ||
    type === MatrixEventTypes.redaction ||
    type === MatrixEventTypes.encrypted ||
    type === MatrixEventTypes.member ||
    type === MatrixEventTypes.joinRules ||
    type === MatrixEventTypes.create ||
    type === MatrixEventTypes.callMember ||
    type.startsWith('org.matrix.msc3381.poll.')
  );
}

function readEnvelope(raw: RawMatrixEvent, options: ParseEventOptions): EventEnvelope | ContentProblem {
  if (typeof raw !== 'object' || raw === null)
    return new ContentProblem('$', 'not an object', 'malformed-envelope');
  if (typeof raw.event_id !== 'string' || !raw.event_id.startsWith('$') || raw.event_id.length > 255) {
    return new ContentProblem('event_id', 'expected an event id', 'malformed-envelope');
  }
  if (typeof raw.type !== 'string' || raw.type.length === 0 || raw.type.length > 255) {
    return new ContentProblem('type', 'expected an event type', 'malformed-envelope');
  }
  if (!isUserId(raw.sender)) return new ContentProblem('sender', 'expected a user id', 'malformed-envelope');
  const roomId = raw.room_id ?? options.roomId;
  if (!isRoomId(roomId)) return new ContentProblem('room_id', 'expected a room id', 'malformed-envelope');
  if (typeof raw.origin_server_ts !== 'number' || !Number.isSafeInteger(raw.origin_server_ts)) {
    return new ContentProblem('origin_server_ts', 'expected a timestamp', 'malformed-envelope');
  }
  if (raw.state_key !== undefined && (typeof raw.state_key !== 'string' || raw.state_key.length > 255)) {
    return new ContentProblem('state_key', 'expected a string', 'malformed-envelope');
  }
  return {
    eventId: raw.event_id,
    roomId,
    type: raw.type,
    sender: raw.sender,
    ...(raw.state_key === undefined ? {} : { stateKey: raw.state_key as string }),
    timestamp: raw.origin_server_ts,
  };
}

function isRedacted(raw: RawMatrixEvent): boolean {
  const unsigned = raw.unsigned;
  return typeof unsigned === 'object' && unsigned !== null && 'redacted_because' in unsigned;
}

function requireStateKey(envelope: EventEnvelope): string {
  if (envelope.stateKey === undefined) throw new ContentProblem('state_key', 'a state event is expected');
  return envelope.stateKey;
}

function readContent(envelope: EventEnvelope, content: JsonObject, raw: RawMatrixEvent): ImagoEvent | null {
  const { type } = envelope;
  switch (type) {
    case ImagoEventTypes.group:
      requireStateKey(envelope);
      return { ...envelope, kind: 'group-profile', stateKey: '', content: readGroupProfile(content) };
    case ImagoEventTypes.authority:
      if (requireStateKey(envelope) !== '') throw new ContentProblem('state_key', 'expected ""');
      return { ...envelope, kind: 'authority', stateKey: '', content: readGroupAuthority(content) };
    case ImagoEventTypes.relation: {
      const stateKey = requireStateKey(envelope);
      if (!isRoomId(stateKey)) throw new ContentProblem('state_key', 'expected the other group’s space id');
      return { ...envelope, kind: 'relation', stateKey, content: readRelationAssertion(content) };
    }
    case ImagoEventTypes.delegations: {
      const stateKey = requireStateKey(envelope);
      if (stateKey !== envelope.sender) {
        throw new ContentProblem('state_key', 'delegations of another user', 'unauthorised');
      }
      return { ...envelope, kind: 'delegations', stateKey, content: readDelegationSet(content) };
    }
    case ImagoEventTypes.controlTable: {
      const stateKey = requireStateKey(envelope);
      const table = readObject(decodeDecimals(content.table), 'content.table');
      const decision =
        content.decision === undefined ? undefined : readString(content.decision, 'content.decision', 255);
      return {
        ...envelope,
        kind: 'control-table',
        stateKey,
        content: decision === undefined ? { table } : { table, decision },
      };
    }
    case ImagoEventTypes.checkpoint: {
      const stateKey = requireStateKey(envelope);
      if (stateKey !== envelope.sender) {
        throw new ContentProblem('state_key', 'a checkpoint of another user', 'unauthorised');
      }
      return { ...envelope, kind: 'checkpoint', stateKey, content: readCheckpointContent(content) };
    }
    case ImagoEventTypes.announcement:
      return { ...envelope, kind: 'announcement', content: readAnnouncement(decodeDecimals(content)) };
    case ImagoEventTypes.debateSettings:
      return {
        ...envelope,
        kind: 'debate-settings',
        stateKey: requireStateKey(envelope),
        content: readDebateSettings(content),
      };
    case ImagoEventTypes.debateHand:
      return { ...envelope, kind: 'hand', content: readHandContent(content) };
    case ImagoEventTypes.debateFloor:
      return { ...envelope, kind: 'floor', content: readFloorContent(content) };
    case ImagoEventTypes.debateMotion:
      return { ...envelope, kind: 'motion', content: readMotionContent(content) };
    case ImagoEventTypes.debateMinutes:
      return { ...envelope, kind: 'minutes', content: readMinutesContent(content) };
    case MatrixEventTypes.spaceChild:
    case MatrixEventTypes.spaceParent: {
      const stateKey = requireStateKey(envelope);
      if (!isRoomId(stateKey)) throw new ContentProblem('state_key', 'expected a room id');
      const kind = type === MatrixEventTypes.spaceChild ? 'space-child' : 'space-parent';
      if (!Array.isArray(content.via) || content.via.length === 0)
        return { ...envelope, kind, stateKey, content: null };
      const via = content.via.filter((server): server is string => typeof server === 'string').slice(0, 50);
      const role = content[ROOM_ROLE_KEY];
      const link: SpaceLink = {
        via,
        ...(content.canonical === true ? { canonical: true } : {}),
        ...(typeof role === 'string' && /^[a-z0-9-]{1,50}$/.test(role) ? { role } : {}),
      };
      return { ...envelope, kind, stateKey, content: link };
    }
    case MatrixEventTypes.reaction: {
      const relation = content['m.relates_to'];
      if (typeof relation !== 'object' || relation === null) return null;
      const { rel_type: relType, event_id: target, key } = relation as Record<string, unknown>;
      if (relType !== 'm.annotation' || key !== RAISE_HAND_KEY || typeof target !== 'string') return null;
      return { ...envelope, kind: 'raise-hand-reaction', content: { membershipEvent: target } };
    }
    case MatrixEventTypes.member: {
      const stateKey = requireStateKey(envelope);
      if (!isUserId(stateKey)) throw new ContentProblem('state_key', 'expected a user id');
      const membership = readString(content.membership, 'content.membership', 20);
      const reason = typeof content.reason === 'string' ? content.reason.slice(0, 1000) : undefined;
      return {
        ...envelope,
        kind: 'membership',
        stateKey,
        content: reason === undefined ? { membership } : { membership, reason },
      };
    }
    case MatrixEventTypes.joinRules: {
      if (requireStateKey(envelope) !== '') return null;
      const joinRule = readString(content.join_rule, 'content.join_rule', 50);
      return { ...envelope, kind: 'join-rules', stateKey: '', content: { joinRule } };
    }
    case MatrixEventTypes.create: {
      const stateKey = requireStateKey(envelope);
      const creators = roomCreators(raw);
      const roomType = typeof content.type === 'string' ? content.type : undefined;
      return {
        ...envelope,
        kind: 'room-create',
        stateKey,
        content: roomType ? { creators, roomType } : { creators },
      };
    }
    case MatrixEventTypes.callMember:
      return {
        ...envelope,
        kind: 'rtc-membership',
        stateKey: requireStateKey(envelope),
        content: { joined: Object.keys(content).length > 0 },
      };
    case MatrixEventTypes.pollStart:
      return { ...envelope, kind: 'poll-start', content: readPollStart(content) };
    case MatrixEventTypes.pollResponse: {
      const poll = readReference(content);
      const response = readObject(
        content[MatrixEventTypes.pollResponse],
        `content["${MatrixEventTypes.pollResponse}"]`,
      );
      const answers = readStringList(
        response.answers,
        `content["${MatrixEventTypes.pollResponse}"].answers`,
        100,
        100,
      );
      return { ...envelope, kind: 'poll-response', content: { poll, answers } };
    }
    case MatrixEventTypes.pollEnd:
      return { ...envelope, kind: 'poll-end', content: { poll: readReference(content) } };
    case MatrixEventTypes.redaction: {
      const redacts = raw.redacts ?? content.redacts;
      if (typeof redacts !== 'string') throw new ContentProblem('redacts', 'expected an event id');
      return { ...envelope, kind: 'redaction', content: { redacts } };
    }
  }
  const decoded = decodeDecimals(content) as JsonObject;
  if (type.startsWith(DomainEventPrefixes.governance))
    return { ...envelope, kind: 'governance', content: decoded };
  if (type.startsWith(DomainEventPrefixes.helios)) return { ...envelope, kind: 'helios', content: decoded };
  if (type.startsWith(DomainEventPrefixes.valueflows))
    return { ...envelope, kind: 'valueflows', content: decoded };
  throw new ContentProblem('type', 'unknown org.imago event type');
}

/** Whether content is an `m.replace` edit (MSC2676): `m.relates_to.rel_type` or `m.new_content`. */
function isEdit(content: JsonObject): boolean {
  const relation = content['m.relates_to'];
  const relType =
    typeof relation === 'object' && relation !== null
      ? (relation as Record<string, unknown>).rel_type
      : undefined;
  return relType === 'm.replace' || content['m.new_content'] !== undefined;
}

function readReference(content: JsonObject): string {
  const relation = readObject(content['m.relates_to'], 'content["m.relates_to"]');
  if (relation.rel_type !== 'm.reference')
    throw new ContentProblem('content["m.relates_to"].rel_type', 'expected m.reference');
  return readString(relation.event_id, 'content["m.relates_to"].event_id', 255);
}

const TEXT = 'org.matrix.msc1767.text';

function readPollStart(content: JsonObject): PollStart {
  const path = `content["${MatrixEventTypes.pollStart}"]`;
  const poll = readObject(content[MatrixEventTypes.pollStart], path);
  const question = readObject(poll.question, `${path}.question`);
  const answers = readArray(poll.answers, `${path}.answers`, 100).map((item, index) => {
    const answer = readObject(item, `${path}.answers[${index}]`);
    return {
      id: readString(answer.id, `${path}.answers[${index}].id`, 100),
      label: readString(answer[TEXT], `${path}.answers[${index}]["${TEXT}"]`, 1_000),
    };
  });
  const maxSelections =
    poll.max_selections === undefined
      ? 1
      : readInteger(poll.max_selections, `${path}.max_selections`, 1, 100);
  const decision = content[POLL_DECISION_KEY];
  return {
    question: readString(question[TEXT], `${path}.question["${TEXT}"]`, 5_000),
    answers,
    maxSelections,
    ...(decision === undefined
      ? {}
      : { decision: readString(decision, `content["${POLL_DECISION_KEY}"]`, 255) }),
  };
}

/**
 * Parses an untrusted Matrix event. Never throws.
 *
 * @param raw - the event as served by the homeserver (see {@link toRawEvent} for a `MatrixEvent`).
 * @param options - the room id to assume when the event carries none.
 * @returns the typed event, a typed warning, or `foreign` for events Imago does not read.
 * @example
 * ```ts
 * const parsed = parseImagoEvent(toRawEvent(matrixEvent));
 * if (parsed.status === 'warning') console.warn(parsed.warning.code, parsed.warning.path);
 * ```
 */
export function parseImagoEvent(raw: RawMatrixEvent, options: ParseEventOptions = {}): ParsedEvent {
  const type = typeof raw === 'object' && raw !== null ? raw.type : undefined;
  if (typeof type === 'string' && !isRelevant(type)) return { status: 'foreign' };
  const envelope = readEnvelope(raw, options);
  if (envelope instanceof ContentProblem) {
    const eventId = typeof raw?.event_id === 'string' ? raw.event_id : undefined;
    return {
      status: 'warning',
      warning: {
        code: envelope.code,
        ...(eventId ? { eventId } : {}),
        path: envelope.path,
        detail: envelope.detail,
      },
    };
  }
  const about = {
    eventId: envelope.eventId,
    type: envelope.type,
    sender: envelope.sender,
    ...(envelope.stateKey === undefined ? {} : { stateKey: envelope.stateKey }),
  };
  if (isRedacted(raw) && envelope.type !== MatrixEventTypes.redaction) {
    return { status: 'warning', warning: { ...about, code: 'redacted', detail: 'the event was redacted' } };
  }
  if (envelope.type === MatrixEventTypes.encrypted) {
    return {
      status: 'warning',
      warning: { ...about, code: 'undecryptable', detail: 'the event could not be decrypted' },
    };
  }
  const size = contentBytes(raw.content);
  if (size > maxBytesOf(envelope.type)) {
    return {
      status: 'warning',
      warning: { ...about, code: 'oversize', path: 'content', detail: `${size} bytes` },
    };
  }
  try {
    const content = readObject(raw.content ?? {}, 'content');
    if (envelope.type.startsWith('org.imago.') && isEdit(content)) {
      return {
        status: 'warning',
        warning: {
          ...about,
          code: 'edit',
          path: 'content["m.relates_to"]',
          detail: 'Imago events are never edited',
        },
      };
    }
    const event = readContent(envelope, content, raw);
    return event === null ? { status: 'foreign' } : { status: 'event', event };
  } catch (problem) {
    if (problem instanceof ContentProblem) {
      return {
        status: 'warning',
        warning: { ...about, code: problem.code, path: problem.path, detail: problem.detail },
      };
    }
    return { status: 'warning', warning: { ...about, code: 'malformed-content', detail: String(problem) } };
  }
}
