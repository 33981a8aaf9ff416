/**
 * @module
 * Voting in a secret election run by the group's service: the election is read from its Setup
 * step (verified in this browser), the ballot — any counting method, including a
 * majority-judgment grid — is encrypted and signed here with the credential the service sent
 * privately, and only the encrypted ballot is posted, as the election's `Ballot` step.
 */
import type { Decision, DemocracyRule } from '@imago/governance';
import { castBallot } from '@imago/matrix-binding';
import type { MatrixClient } from 'matrix-js-sdk';
import { useEffect, useState } from 'preact/hooks';
import { ballotTracker, createBallot, type Election } from '../secret-ballot/helios';
import { loadTracker, saveTracker } from '../secret-ballot/secret-store';
import { checkSetup, credentialFor, type ServiceElection } from '../secret-ballot/service-election';
import { BallotForm } from './ballot-form';

/** Props of {@link ServiceSecretBallot}. */
export interface ServiceSecretBallotProps {
  client: MatrixClient;
  decisionsRoomId: string;
  decision: Decision;
  rule: DemocracyRule;
  eligible: boolean;
  service: ServiceElection;
}

/** The ballot of a service-run secret election. */
export function ServiceSecretBallot({
  client,
  decisionsRoomId,
  decision,
  rule,
  eligible,
  service,
}: ServiceSecretBallotProps) {
  const [election, setElection] = useState<Election | null | undefined>();
  const [, setCast] = useState(0);
  useEffect(() => {
    let cancelled = false;
    checkSetup(service.replay).then((check) => {
      if (!cancelled) setElection(check.ok && check.election?.uuid === service.uuid ? check.election : null);
    });
    return () => {
      cancelled = true;
    };
  }, [service.replay, service.uuid]);
  const credential = credentialFor(decision.id);
  const tracker = loadTracker(decision.id);
  const inBox = tracker !== undefined && service.ballots.includes(tracker.eventId);

  if (election === undefined) return <p role="status">Checking the election's setup…</p>;
  if (election === null) {
    return (
      <p class="error" role="alert">
        The election's setup does not verify: do not vote, and tell the group.
      </p>
    );
  }
  return (
    <>
      <p class="muted">
        Election {service.uuid}: its setup (trustees' keys and proofs, credentials) verified in this browser;
        {service.ballots.length} ballot(s) in the box.
      </p>
      {decision.status === 'open' && eligible && !credential && (
        <p role="status">Waiting for your voting credential from the group's service.</p>
      )}
      {decision.status === 'open' && eligible && credential && credential.uuid === service.uuid && (
        <BallotForm
          decision={decision}
          rule={rule}
          current={undefined}
          submitLabel="Encrypt and cast my ballot"
          formLabel={`Secret ballot: ${decision.title ?? decision.kind}`}
          onCast={async (values) => {
            const question = election.questions[0];
            const { text } = createBallot(election, credential.credential, [
              question?.kind === 'homomorphic' && question.blank ? [0, ...values] : values,
            ]);
            const eventId = await castBallot(client, decisionsRoomId, service.uuid, text);
            saveTracker(decision.id, { eventId, tracker: ballotTracker(text) });
            setCast((n) => n + 1);
          }}
        />
      )}
      {tracker && (
        <p class={inBox ? 'ok' : 'muted'}>
          Your ballot tracker: <code>{tracker.tracker}</code>
          {inBox ? ' — found in the ballot box.' : ''}
        </p>
      )}
    </>
  );
}
