/**
 * @module
 * A secret Helios-C ballot in the decision's card, run by @imago/matrix-binding's election protocol:
 * the group's authority sets the election up once the decision's trustees have made their keys
 * (a trustee's key is made and kept in its own browser, which takes its steps while the page is
 * open); this browser receives the voter's credentials Olm-encrypted from the authority, encrypts
 * and signs the ballot here — any counting method, a majority-judgment grid or a ranking included —
 * and hands it to the authority encrypted, so that the room does not show who voted; then it
 * checks its tracker on the board.
 */
import {
  type Decision,
  type DemocracyRule,
  type GovernanceState,
  secretElectionParameters,
} from '@imago/governance';
import {
  type BallotReceipt,
  ElectionUnavailableError,
  electionOfDecision,
  type MatrixClient,
  type VoterStatus,
} from '@imago/matrix-binding';
import { useEffect, useState } from 'preact/hooks';
import { FormMessage } from '../app/form-message';
import { clientElections, useElections } from '../elections/use-elections';
import { BallotForm } from './ballot-form';

/** Props of {@link SecretBallot}. */
export interface SecretBallotProps {
  client: MatrixClient;
  decisionsRoomId: string;
  state: GovernanceState;
  decision: Decision;
  rule: DemocracyRule;
  eligible: boolean;
}

const RECEIPT_TEXT: Record<BallotReceipt['status'], string> = {
  counted: 'found in the ballot box',
  missing: 'not in the ballot box yet',
  replaced: 'REPLACED by another ballot of your credential: tell the group',
};

/** The secret ballot of one decision. */
export function SecretBallot({
  client,
  decisionsRoomId,
  state,
  decision,
  rule,
  eligible,
}: SecretBallotProps) {
  const me = client.getSafeUserId();
  const update = useElections(client, decisionsRoomId);
  const participant = clientElections(client).duties.participant;
  const [status, setStatus] = useState<VoterStatus | undefined>();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const election = electionOfDecision(update?.ballots.elections ?? new Map(), decision.id);
  useEffect(() => {
    let cancelled = false;
    participant?.status(decisionsRoomId, decision.id).then((s) => {
      if (!cancelled) setStatus(s);
    });
    return () => {
      cancelled = true;
    };
  }, [update, participant, decisionsRoomId, decision.id, message]);

  let trustees: readonly string[] = [];
  try {
    trustees = secretElectionParameters(state, decision.id).trustees.members;
  } catch {
    trustees = [];
  }
  const trustee = trustees.indexOf(me);
  const title = decision.title ?? decision.kind;
  return (
    <div class="secret-ballot">
      <p class="badge-line">
        <span class="badge ok">Secret ballot</span> Encrypted in your browser (Helios-C); decrypted only by
        the group's authority with {trustees.length > 0 ? 'its trustees' : 'its key'}.
      </p>
      {trustee >= 0 && (
        <p class="muted">
          You are trustee {trustee + 2} of this election: your key is made and kept in this browser, which
          takes your steps while this page is open.
        </p>
      )}
      {!election && <p role="status">Waiting for the trustees' keys and the election's set-up.</p>}
      {election && (
        <p class="muted">
          Election {election.election}: {election.steps.filter((s) => s.type === 'Ballot').length} ballot(s)
          in the box.
        </p>
      )}
      {election && decision.status === 'open' && eligible && status && status.credentials === 0 && (
        <p role="status">
          Waiting for your voting credential, sent encrypted to this device by the group's authority.
        </p>
      )}
      {election &&
        decision.status === 'open' &&
        eligible &&
        status &&
        status.credentials > 0 &&
        participant && (
          <>
            {status.credentials > 1 && (
              <p class="muted">
                You hold {status.credentials} credentials: your ballot counts {status.credentials} times.
              </p>
            )}
            <BallotForm
              decision={decision}
              rule={rule}
              current={undefined}
              submitLabel={
                status.receipts.length > 0 ? 'Encrypt and replace my ballot' : 'Encrypt and cast my ballot'
              }
              formLabel={`Secret ballot: ${title}`}
              onCast={async (values) => {
                try {
                  await participant.cast(decisionsRoomId, decision.id, [values]);
                  setMessage({
                    ok: true,
                    text: 'Your encrypted ballot was handed to the group’s authority.',
                  });
                } catch (error) {
                  setMessage({
                    ok: false,
                    text: ElectionUnavailableError.isInstance(error)
                      ? 'This ballot cannot be cast now.'
                      : 'That did not work. Try again.',
                  });
                }
              }}
            />
          </>
        )}
      {status?.receipts.map((receipt) => (
        <p
          key={receipt.tracker}
          class={receipt.status === 'counted' ? 'ok' : receipt.status === 'replaced' ? 'error' : 'muted'}
          role={receipt.status === 'replaced' ? 'alert' : undefined}
        >
          Your ballot tracker: <code>{receipt.tracker}</code> — {RECEIPT_TEXT[receipt.status]}.
        </p>
      ))}
      <FormMessage message={message} />
    </div>
  );
}
