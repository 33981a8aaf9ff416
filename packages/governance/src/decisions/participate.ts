/**
 * A member taking part in one decision: the events that change a decision's participation
 * (votes, approvals and refusals, stances, objections and their withdrawal, amendments), each
 * dispatched to its protocol step. The same steps apply when an event comes in the log and when
 * a counted close replays the events it names (`recount.ts`).
 *
 * @module
 */
import { ActionKinds } from '../control-table/action-kinds';
import { InvalidEventError } from '../errors/invalid-event-error';
import { readChangeAuthorityAction, readChangeTableAction } from '../events/parse-event';
import { takeStance } from '../protocols/consensus';
import { amend, object, withdrawObjection } from '../protocols/consent';
import { castVote } from '../protocols/democracy/democracy';
import { decide } from '../protocols/oligarchy';
import type { Step } from '../protocols/protocol-step';
import type { Decision } from './decision';
import type { ParticipationEvent } from './evidence-record';

/**
 * Applies a participation event to its decision at `at`, and records the event among the
 * decision's evidence (what a counted close of the authority names).
 *
 * @param decision - the decision the event names.
 * @param event - the event.
 * @param at - the time the event is taken at.
 * @returns the updated decision, the rejection reason, or a parse error of an amended action.
 * @internal
 */
export function participate(
  decision: Decision,
  event: ParticipationEvent,
  at: number,
): Step | InvalidEventError {
  const next = step(decision, event, at);
  if (typeof next === 'string' || next instanceof InvalidEventError) return next;
  return { ...next, evidence: [...(decision.evidence ?? []), event.id] };
}

function step(decision: Decision, event: ParticipationEvent, at: number): Step | InvalidEventError {
  const { sender } = event;
  switch (event.type) {
    case 'org.imago.governance.vote':
      return castVote(decision, sender, at, event.content);
    case 'org.imago.governance.approve':
    case 'org.imago.governance.refuse':
      return decide(decision, sender, at, event.content, event.type === 'org.imago.governance.approve');
    case 'org.imago.governance.stance':
      return takeStance(decision, sender, at, event.content);
    case 'org.imago.governance.object':
      return object(decision, event.id, sender, at, event.content);
    case 'org.imago.governance.objection.withdraw':
      return withdrawObjection(decision, sender, at, event.content);
    case 'org.imago.governance.amend': {
      let content = event.content;
      const readAction =
        decision.kind === ActionKinds.changeControlTable
          ? readChangeTableAction
          : decision.kind === ActionKinds.changeAuthority
            ? readChangeAuthorityAction
            : undefined;
      if (readAction !== undefined) {
        try {
          content = { ...content, action: readAction(content.action) };
        } catch (error) {
          if (error instanceof InvalidEventError) return error;
          throw error;
        }
      }
      const amended = amend(decision, event.id, sender, at, content);
      if (typeof amended === 'string') return amended;
      // A recount starts again from the action as proposed.
      return { ...amended, proposedAction: decision.proposedAction ?? { action: decision.action } };
    }
  }
}
