/**
 * @module
 * The governance events the binding reads itself: the control table mirror, members'
 * checkpoints and the MSC3381 polls mirroring decisions. (`org.imago.governance.*` content is
 * left to `@imago/governance`.)
 */

import { GovernanceEventTypes, MAX_COUNTED_IDS } from '@imago/governance';
import type { JsonObject } from '../events/content-reader';
import {
  ContentProblem,
  readArray,
  readInteger,
  readObject,
  readString,
  readStringList,
} from '../events/content-reader';
import { decodeDecimals } from '../events/decimal-codec';
import {
  type EventSpec,
  LARGE_MAX_CONTENT_BYTES,
  requireOwnStateKey,
  requireStateKey,
} from '../events/event-spec';
import { ImagoEventTypes, MatrixEventTypes } from '../events/event-types';
import type { EventEnvelope } from '../events/raw-matrix-event';
import { type CheckpointContent, readCheckpointContent } from './checkpoint-content';

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

/**
 * A governance event whose content @imago/governance reads (`org.imago.governance.*`): those the
 * binding bounds itself (the authority's close and tick, the parts of a counted list), as every
 * other type of that prefix.
 */
export type SettlingEvent = EventEnvelope & { readonly kind: 'governance'; readonly content: JsonObject };

/** The governance events, as {@link ImagoEvent} holds them. */
export type GovernanceEvent =
  | SettlingEvent
  | (EventEnvelope & {
      readonly kind: 'control-table';
      readonly stateKey: string;
      /** `table`: the control table as JSON (checked by @imago/governance); `decision`: the adopting decision. */
      readonly content: { readonly table: JsonObject; readonly decision?: string };
    })
  | (EventEnvelope & {
      readonly kind: 'checkpoint';
      readonly stateKey: string;
      readonly content: CheckpointContent;
    })
  | (EventEnvelope & { readonly kind: 'poll-start'; readonly content: PollStart })
  | (EventEnvelope & { readonly kind: 'poll-response'; readonly content: PollResponse })
  | (EventEnvelope & { readonly kind: 'poll-end'; readonly content: { readonly poll: string } });

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

function readPollResponse(content: JsonObject): PollResponse {
  const poll = readReference(content);
  const path = `content["${MatrixEventTypes.pollResponse}"]`;
  const response = readObject(content[MatrixEventTypes.pollResponse], path);
  const answers = readStringList(response.answers, `${path}.answers`, 100, 100);
  return { poll, answers };
}

const MAX_ID = 512;

/**
 * The authority's settling events: `counted` names, by decision, the ids counted (or the parts
 * holding them); governance checks the rest. Large events, under Matrix's 64 KiB.
 */
function readSettling(envelope: EventEnvelope, content: JsonObject, decision: boolean): SettlingEvent {
  if (decision) readString(content.decision, 'content.decision', MAX_ID);
  if (content.counted !== undefined) readObject(content.counted, 'content.counted');
  return { ...envelope, kind: 'governance', content: decodeDecimals(content) as JsonObject };
}

/** The event types of governance the binding reads, their readers and sender rules. */
export const governanceEvents: readonly EventSpec<GovernanceEvent>[] = [
  {
    type: GovernanceEventTypes.close,
    maxBytes: LARGE_MAX_CONTENT_BYTES,
    read: (envelope, content) => readSettling(envelope, content, true),
  },
  {
    type: GovernanceEventTypes.tick,
    maxBytes: LARGE_MAX_CONTENT_BYTES,
    read: (envelope, content) => readSettling(envelope, content, false),
  },
  {
    type: GovernanceEventTypes.counted,
    maxBytes: LARGE_MAX_CONTENT_BYTES,
    read(envelope, content) {
      readString(content.decision, 'content.decision', MAX_ID);
      readInteger(content.part, 'content.part', 0, 999);
      readStringList(content.ids, 'content.ids', MAX_COUNTED_IDS, MAX_ID);
      return { ...envelope, kind: 'governance', content };
    },
  },
  {
    type: ImagoEventTypes.controlTable,
    maxBytes: LARGE_MAX_CONTENT_BYTES,
    read(envelope, content) {
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
    },
  },
  {
    type: ImagoEventTypes.checkpoint,
    read(envelope, content) {
      const stateKey = requireOwnStateKey(envelope, 'a checkpoint of another user');
      return { ...envelope, kind: 'checkpoint', stateKey, content: readCheckpointContent(content) };
    },
  },
  {
    type: MatrixEventTypes.pollStart,
    read: (envelope, content) => ({ ...envelope, kind: 'poll-start', content: readPollStart(content) }),
  },
  {
    type: MatrixEventTypes.pollResponse,
    read: (envelope, content) => ({ ...envelope, kind: 'poll-response', content: readPollResponse(content) }),
  },
  {
    type: MatrixEventTypes.pollEnd,
    read: (envelope, content) => ({
      ...envelope,
      kind: 'poll-end',
      content: { poll: readReference(content) },
    }),
  },
];
