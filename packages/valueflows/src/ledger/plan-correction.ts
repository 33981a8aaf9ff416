/**
 * The planning of a correction (`vf:corrects`): the corrected event's quantities backed out, the
 * corrected event marked; a new event then records what happened.
 *
 * @module
 */
import { AlreadyCorrectedError } from '../errors/already-corrected-error';
import { InvalidEventError } from '../errors/invalid-event-error';
import { UnauthorisedRecorderError } from '../errors/unauthorised-recorder-error';
import { UnknownEventError } from '../errors/unknown-event-error';
import type { EconomicEvent } from '../model/economic-event';
import { answeringAgent, answeringSide } from './answering-side';
import type { EventPlan, PlanOptions } from './event-plan';
import type { LedgerState } from './ledger-state';
import type { Draft } from './resource-draft';

/**
 * Plans a correction: only the side that answered for an event corrects it, with the same action,
 * provider and receiver.
 *
 * @throws a {@link LedgerRejectionError} subclass when the correction breaks one of these rules
 */
export function planCorrection(
  state: LedgerState,
  event: EconomicEvent,
  draft: Draft,
  sequence: number,
  options: PlanOptions,
): EventPlan {
  const id = event.id;
  const target = state.events.get(event.corrects!);
  if (target === undefined) throw new UnknownEventError(id, event.corrects!);
  // Only the side that answered for an event corrects it.
  const side = answeringSide(target.event.action);
  const agent = answeringAgent(target.event);
  if (options.speaksFor !== undefined && !options.speaksFor(agent, event)) {
    throw new UnauthorisedRecorderError(id, side, agent);
  }
  if (target.correctedBy !== undefined) throw new AlreadyCorrectedError(id, event.corrects!);
  if (target.event.action !== event.action) {
    throw new InvalidEventError(
      id,
      'correction-action-mismatch',
      'a correction has the action of the event it corrects',
    );
  }
  if (target.event.provider !== event.provider) {
    throw new InvalidEventError(
      id,
      'correction-provider-mismatch',
      'a correction has the provider of the event it corrects',
    );
  }
  if (target.event.receiver !== event.receiver) {
    throw new InvalidEventError(
      id,
      'correction-receiver-mismatch',
      'a correction has the receiver of the event it corrects',
    );
  }
  // A correction backs the corrected event's quantities out; a new event then records what happened.
  for (let i = target.deltas.length - 1; i >= 0; i--) {
    const d = target.deltas[i]!;
    draft.addRaw(draft.get(d.resourceId)!, d.quantity, -d.delta);
  }
  draft.checkNonNegative(id);
  return {
    resources: [...draft.touched.values()],
    recorded: { event, sequence, deltas: draft.deltas },
    corrected: { ...target, correctedBy: id },
  };
}
