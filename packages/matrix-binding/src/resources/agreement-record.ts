/**
 * @module
 * Agreements in a group's ledger room: `org.imago.vf.agreement` events carrying a ValueFlows
 * agreement with its commitments (what {@link acceptProposal} of @imago/valueflows returns), and
 * the decision of the group that adopted it. A record is only a claim of its sender: readers
 * check the decision it names against the group's replayed decisions before trusting it.
 */
import { type Agreement, type Commitment, readAgreement, readCommitment } from '@imago/valueflows';
import type { MatrixClient } from 'matrix-js-sdk';
import { sendEvent } from '../client/send';
import { ContentProblem } from '../events/content-reader';
import { encodeDecimals } from '../events/decimal-codec';
import type { ImagoWarning } from '../events/imago-warning';
import { logEvents, type RoomLog } from '../replay/room-log';

/** Timeline event type of an agreement record. */
export const AGREEMENT_EVENT_TYPE = 'org.imago.vf.agreement';

/** Content of an agreement record. */
export interface AgreementRecordContent {
  readonly agreement: Agreement;
  readonly commitments: readonly Commitment[];
  /** The id of the group's decision that adopted the agreement. */
  readonly decision: string;
  /** Where the agreement was proposed from, e.g. the ActivityPub `Offer` it answers. */
  readonly origin?: string;
}

/** An agreement record as read from a room. */
export interface AgreementRecord extends AgreementRecordContent {
  readonly eventId: string;
  readonly sender: string;
}

/**
 * Records an agreement in a group's ledger room.
 *
 * @param client - the recorder's client.
 * @param roomId - the room holding the group's ledger.
 * @param record - the agreement, its commitments and the adopting decision.
 * @returns the event id.
 * @throws {@link HomeserverError} when refused.
 */
export function recordAgreement(
  client: MatrixClient,
  roomId: string,
  record: AgreementRecordContent,
): Promise<string> {
  return sendEvent(client, roomId, AGREEMENT_EVENT_TYPE, encodeDecimals(record) as Record<string, unknown>);
}

/**
 * Reads the agreement records of a room's log; malformed ones become warnings.
 *
 * @param log - the room's log.
 * @returns the records in room order, and the warnings.
 */
export function readAgreementRecords(log: RoomLog): {
  readonly records: readonly AgreementRecord[];
  readonly warnings: readonly ImagoWarning[];
} {
  const records: AgreementRecord[] = [];
  const warnings: ImagoWarning[] = [];
  for (const event of logEvents(log)) {
    if (event.kind !== 'valueflows' || event.type !== AGREEMENT_EVENT_TYPE) continue;
    try {
      const content = event.content as Record<string, unknown>;
      const commitments = Array.isArray(content.commitments) ? content.commitments : undefined;
      if (commitments === undefined || commitments.length > 100)
        throw new ContentProblem('content.commitments', 'expected at most 100 commitments');
      if (typeof content.decision !== 'string' || content.decision.length > 255)
        throw new ContentProblem('content.decision', 'expected a decision id');
      if (
        content.origin !== undefined &&
        (typeof content.origin !== 'string' || content.origin.length > 2048)
      )
        throw new ContentProblem('content.origin', 'expected a URI');
      records.push({
        eventId: event.eventId,
        sender: event.sender,
        agreement: readAgreement(content.agreement, 'content.agreement'),
        commitments: commitments.map((c, i) => readCommitment(c, `content.commitments[${i}]`)),
        decision: content.decision,
        ...(typeof content.origin === 'string' ? { origin: content.origin } : {}),
      });
    } catch (error) {
      const path = (error as { path?: unknown })?.path;
      warnings.push({
        code: 'malformed-content',
        eventId: event.eventId,
        type: event.type,
        sender: event.sender,
        ...(typeof path === 'string' ? { path } : {}),
        detail: 'not a valid agreement record',
      });
    }
  }
  return { records, warnings };
}
