/**
 * @module
 * The events a group is made of: its profile, its authority pin, the links of its space, the
 * membership, join rules and creation of its rooms.
 */
import { ContentProblem, isRoomId, isUserId, readString } from '../events/content-reader';
import { type EventSpec, requireStateKey } from '../events/event-spec';
import { ImagoEventTypes, MatrixEventTypes } from '../events/event-types';
import type { EventEnvelope } from '../events/raw-matrix-event';
import { type GroupAuthority, readGroupAuthority } from './group-authority';
import { type GroupProfile, readGroupProfile } from './group-profile';
import { roomCreators } from './room-creators';

/** Key of `m.space.child` content naming the child's role in the group. */
export const ROOM_ROLE_KEY = 'org.imago.room';

/** Content of `m.space.child` / `m.space.parent`, with Imago's `org.imago.room` role of a child. */
export interface SpaceLink {
  readonly via: readonly string[];
  readonly canonical?: boolean;
  /** What the child is to the group: `chat`, `decisions`, `announcements`, `debate`, `sub-group`… */
  readonly role?: string;
}

/** The group's events, as {@link ImagoEvent} holds them. */
export type GroupEvent =
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
    });

function spaceLinkSpec(type: string, kind: 'space-child' | 'space-parent'): EventSpec<GroupEvent> {
  return {
    type,
    read(envelope, content) {
      const stateKey = requireStateKey(envelope);
      if (!isRoomId(stateKey)) throw new ContentProblem('state_key', 'expected a room id');
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
    },
  };
}

/** The event types of a group, their readers and sender rules. */
export const groupEvents: readonly EventSpec<GroupEvent>[] = [
  {
    type: ImagoEventTypes.group,
    read(envelope, content) {
      requireStateKey(envelope);
      return { ...envelope, kind: 'group-profile', stateKey: '', content: readGroupProfile(content) };
    },
  },
  {
    type: ImagoEventTypes.authority,
    read(envelope, content) {
      if (requireStateKey(envelope) !== '') throw new ContentProblem('state_key', 'expected ""');
      return { ...envelope, kind: 'authority', stateKey: '', content: readGroupAuthority(content) };
    },
  },
  spaceLinkSpec(MatrixEventTypes.spaceChild, 'space-child'),
  spaceLinkSpec(MatrixEventTypes.spaceParent, 'space-parent'),
  {
    type: MatrixEventTypes.member,
    read(envelope, content) {
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
    },
  },
  {
    type: MatrixEventTypes.joinRules,
    read(envelope, content) {
      if (requireStateKey(envelope) !== '') return null;
      const joinRule = readString(content.join_rule, 'content.join_rule', 50);
      return { ...envelope, kind: 'join-rules', stateKey: '', content: { joinRule } };
    },
  },
  {
    type: MatrixEventTypes.create,
    read(envelope, content, raw) {
      const stateKey = requireStateKey(envelope);
      const creators = roomCreators(raw);
      const roomType = typeof content.type === 'string' ? content.type : undefined;
      return {
        ...envelope,
        kind: 'room-create',
        stateKey,
        content: roomType ? { creators, roomType } : { creators },
      };
    },
  },
];
