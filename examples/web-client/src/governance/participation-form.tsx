/**
 * @module
 * Taking part in a decision decided by another protocol than a vote: approve or refuse
 * (oligarchy deciders), a stance (consensus; a block needs a reason), a paramount objection and
 * its withdrawal (consent), a challenge of an act within its window (do-ocracy).
 */
import { type Decision, GovernanceEventTypes, type Stance } from '@imago/governance';
import { type MatrixClient, sendGovernanceEvent } from '@imago/matrix-binding';
import { useState } from 'preact/hooks';
import { FormMessage } from '../app/form-message';

/** Props of {@link ParticipationForm}. */
export interface ParticipationFormProps {
  client: MatrixClient;
  decisionsRoomId: string;
  decision: Decision;
  me: string;
}

const STANCES: { value: Stance; label: string }[] = [
  { value: 'agree', label: 'Agree' },
  { value: 'abstain', label: 'Abstain' },
  { value: 'disagree', label: 'Disagree' },
  { value: 'block', label: 'Block' },
];

/** The participation controls of an open decision, by protocol. */
export function ParticipationForm({ client, decisionsRoomId, decision, me }: ParticipationFormProps) {
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const id = decision.id.replace(/[^A-Za-z0-9]/g, '');
  const send = async (
    type: (typeof GovernanceEventTypes)[keyof typeof GovernanceEventTypes],
    content: object,
    done: string,
  ) => {
    try {
      await sendGovernanceEvent(client, decisionsRoomId, type, { decision: decision.id, ...content });
      setMessage({ ok: true, text: done });
      setReason('');
    } catch {
      setMessage({ ok: false, text: 'Not sent. Try again.' });
    }
  };
  const participation = decision.participation;
  const reasonField = (label: string) => (
    <>
      <label for={`reason-${id}`}>{label}</label>
      <textarea
        id={`reason-${id}`}
        rows={2}
        maxLength={2000}
        value={reason}
        onInput={(e) => setReason(e.currentTarget.value)}
      />
    </>
  );
  let controls: preact.JSX.Element | null = null;
  if (participation.protocol === 'oligarchy' && decision.deciders.includes(me)) {
    controls = (
      <div class="row-start">
        <button type="button" onClick={() => send(GovernanceEventTypes.approve, {}, 'Approved.')}>
          Approve
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => send(GovernanceEventTypes.refuse, {}, 'Refused.')}
        >
          Refuse
        </button>
      </div>
    );
  } else if (participation.protocol === 'consensus' && decision.eligible.includes(me)) {
    const mine = participation.stances.get(me);
    controls = (
      <fieldset class="stack">
        <legend>Your stance{mine ? ` (now: ${mine.stance})` : ''}</legend>
        {reasonField('Reason (required to block)')}
        <div class="row-start">
          {STANCES.map((stance) => (
            <button
              type="button"
              key={stance.value}
              class={stance.value === 'block' ? 'secondary' : undefined}
              onClick={() => {
                if (stance.value === 'block' && !reason.trim()) {
                  setMessage({ ok: false, text: 'A block needs a reason.' });
                  return;
                }
                void send(
                  GovernanceEventTypes.stance,
                  { stance: stance.value, ...(reason.trim() ? { reason: reason.trim() } : {}) },
                  `Stance recorded: ${stance.label.toLowerCase()}.`,
                );
              }}
            >
              {stance.label}
            </button>
          ))}
        </div>
      </fieldset>
    );
  } else if (participation.protocol === 'consent' && decision.eligible.includes(me)) {
    const standing = participation.objections.values().filter((o) => o.by === me && o.status === 'standing');
    controls = (
      <div class="stack">
        {standing.map((objection) => (
          <button
            type="button"
            class="secondary"
            key={objection.id}
            onClick={() =>
              send(
                GovernanceEventTypes.withdrawObjection,
                { objection: objection.id },
                'Objection withdrawn.',
              )
            }
          >
            Withdraw my objection “{objection.reason.slice(0, 40)}”
          </button>
        ))}
        {reasonField('Paramount objection (why the group cannot live with it)')}
        <button
          type="button"
          onClick={() =>
            reason.trim()
              ? send(GovernanceEventTypes.object, { reason: reason.trim() }, 'Objection recorded.')
              : setMessage({ ok: false, text: 'An objection needs a reason.' })
          }
        >
          Object
        </button>
      </div>
    );
  } else if (
    participation.protocol === 'do-ocracy' &&
    !decision.challenge &&
    decision.eligible.includes(me)
  ) {
    controls = (
      <div class="stack">
        {reasonField('Why this act should be decided by the group')}
        <button
          type="button"
          onClick={() =>
            reason.trim()
              ? send(
                  GovernanceEventTypes.challenge,
                  { reason: reason.trim() },
                  'Challenged: the group will decide.',
                )
              : setMessage({ ok: false, text: 'A challenge needs a reason.' })
          }
        >
          Challenge
        </button>
      </div>
    );
  }
  if (!controls) return null;
  return (
    <div class="participation">
      {controls}
      <FormMessage message={message} />
    </div>
  );
}
