/**
 * @module
 * The events of debates and assemblies: settings, hands, the floor, motions, minutes, Element
 * Call's raise-hand reaction and MatrixRTC memberships.
 */
import { type EventSpec, LARGE_MAX_CONTENT_BYTES, requireStateKey } from '../events/event-spec';
import { ImagoEventTypes, MatrixEventTypes } from '../events/event-types';
import type { EventEnvelope } from '../events/raw-matrix-event';
import {
  type MinutesContent,
  type MotionContent,
  readMinutesContent,
  readMotionContent,
} from './assembly-content';
import {
  type DebateSettings,
  type FloorContent,
  type HandContent,
  RAISE_HAND_KEY,
  readDebateSettings,
  readFloorContent,
  readHandContent,
} from './debate-content';

/** The events of debates, as {@link ImagoEvent} holds them. */
export type DebateEvent =
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
  | (EventEnvelope & {
      /** A MatrixRTC session membership (`org.matrix.msc3401.call.member`); empty content: left. */
      readonly kind: 'rtc-membership';
      readonly stateKey: string;
      readonly content: { readonly joined: boolean };
    });

/** The event types of debates, their readers and sender rules. */
export const debateEvents: readonly EventSpec<DebateEvent>[] = [
  {
    type: ImagoEventTypes.debateSettings,
    read: (envelope, content) => ({
      ...envelope,
      kind: 'debate-settings',
      stateKey: requireStateKey(envelope),
      content: readDebateSettings(content),
    }),
  },
  {
    type: ImagoEventTypes.debateHand,
    read: (envelope, content) => ({ ...envelope, kind: 'hand', content: readHandContent(content) }),
  },
  {
    type: ImagoEventTypes.debateFloor,
    read: (envelope, content) => ({ ...envelope, kind: 'floor', content: readFloorContent(content) }),
  },
  {
    type: ImagoEventTypes.debateMotion,
    read: (envelope, content) => ({ ...envelope, kind: 'motion', content: readMotionContent(content) }),
  },
  {
    type: ImagoEventTypes.debateMinutes,
    maxBytes: LARGE_MAX_CONTENT_BYTES,
    read: (envelope, content) => ({ ...envelope, kind: 'minutes', content: readMinutesContent(content) }),
  },
  {
    type: MatrixEventTypes.reaction,
    read(envelope, content) {
      const relation = content['m.relates_to'];
      if (typeof relation !== 'object' || relation === null) return null;
      const { rel_type: relType, event_id: target, key } = relation as Record<string, unknown>;
      if (relType !== 'm.annotation' || key !== RAISE_HAND_KEY || typeof target !== 'string') return null;
      return { ...envelope, kind: 'raise-hand-reaction', content: { membershipEvent: target } };
    },
  },
  {
    type: MatrixEventTypes.callMember,
    read: (envelope, content) => ({
      ...envelope,
      kind: 'rtc-membership',
      stateKey: requireStateKey(envelope),
      content: { joined: Object.keys(content).length > 0 },
    }),
  },
];
