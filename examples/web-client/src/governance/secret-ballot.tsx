/**
 * @module
 * A secret Helios-C ballot in the decision's card. The voter's choices are encrypted in this
 * browser under the election's public key, with zero-knowledge proofs of well-formedness, and
 * signed with a fresh credential; only the encrypted ballot leaves the browser. The proposer is
 * the trustee: they set the election up, and decrypt only the total once the vote has closed.
 */
import {
  type Decision,
  type DemocracyRule,
  GovernanceEventTypes,
  type GovernanceState,
  type SecretElectionParameters,
  secretElectionParameters,
} from '@imago/governance';
import { type RawMatrixEvent, sendEvent, sendGovernanceEvent } from '@imago/matrix-binding';
import type { MatrixClient } from 'matrix-js-sdk';
import { useState } from 'preact/hooks';
import {
  ballotsInTime,
  readSecretBallot,
  SecretBallotEventTypes,
} from '../secret-ballot/secret-ballot-events';
import {
  castBallot,
  countedBallots,
  decryptTally,
  runsInBrowser,
  setUpElection,
  verifiedResult,
} from '../secret-ballot/secret-election';
import {
  forgetTrusteeKey,
  loadTracker,
  loadTrusteeKey,
  saveTracker,
  saveTrusteeKey,
} from '../secret-ballot/secret-store';
import { readServiceElection } from '../secret-ballot/service-election';
import { ServiceSecretBallot } from './service-secret-ballot';

/** Props of {@link SecretBallot}. */
export interface SecretBallotProps {
  client: MatrixClient;
  decisionsRoomId: string;
  state: GovernanceState;
  decision: Decision;
  rule: DemocracyRule;
  eligible: boolean;
  events: readonly RawMatrixEvent[];
}

function parametersOf(state: GovernanceState, decision: string): SecretElectionParameters | undefined {
  try {
    return secretElectionParameters(state, decision);
  } catch {
    return undefined;
  }
}

/** The secret ballot of one decision. */
export function SecretBallot({
  client,
  decisionsRoomId,
  state,
  decision,
  rule,
  eligible,
  events,
}: SecretBallotProps) {
  const me = client.getSafeUserId();
  const [choices, setChoices] = useState<number[]>(() => decision.options.map(() => 0));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const parameters = parametersOf(state, decision.id);
  if (!parameters || decision.outcome) return null;
  const service = readServiceElection(decisionsRoomId, events, decision.id);
  if (service) {
    return (
      <div class="secret-ballot">
        <p class="badge-line">
          <span class="badge ok">Secret ballot</span> Encrypted in your browser (Helios-C); run by the group's
          service with its trustees.
        </p>
        <ServiceSecretBallot
          client={client}
          decisionsRoomId={decisionsRoomId}
          decision={decision}
          rule={rule}
          eligible={eligible}
          service={service}
        />
        {decision.status === 'closed' && <p role="status">Voting is closed: the trustees are counting.</p>}
      </div>
    );
  }
  if (!runsInBrowser(parameters)) {
    return (
      <p class="notice" role="status">
        Secret ballot by {rule.method}: it needs verifiable shuffles by the group's trustee service.
      </p>
    );
  }
  const record = readSecretBallot(events, decision.id, decision.proposer);
  const trustee = decision.proposer === me;
  const tracker = loadTracker(decision.id);
  const inBox = tracker !== undefined && record.ballots.some((b) => b.id === tracker.eventId);

  const run = async (what: () => Promise<string>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      setMessage({ ok: true, text: await what() });
    } catch (cause) {
      console.error('secret ballot step failed', cause);
      setMessage({ ok: false, text: 'That did not work. Try again.' });
    } finally {
      setBusy(false);
    }
  };

  const setUp = () =>
    run(async () => {
      const setup = setUpElection(parameters, decision.title ?? decision.kind);
      saveTrusteeKey(decision.id, setup.secretKey);
      await sendEvent(client, decisionsRoomId, SecretBallotEventTypes.setup, {
        decision: decision.id,
        election: setup.election,
        trustee: setup.trustee,
      });
      return 'The secret ballot is open. Your trustee key stays in this browser.';
    });

  const cast = (event: Event) => {
    event.preventDefault();
    const election = record.election;
    if (!election) return;
    const chosen = choices.reduce((a, b) => a + b, 0);
    if (parameters.method === 'plurality' && chosen !== 1) {
      setMessage({ ok: false, text: 'Choose one option.' });
      return;
    }
    void run(async () => {
      const ballot = castBallot(election, choices);
      const eventId = await sendEvent(client, decisionsRoomId, SecretBallotEventTypes.ballot, {
        decision: decision.id,
        ballot: ballot.text,
      });
      saveTracker(decision.id, { eventId, tracker: ballot.tracker });
      return `Your encrypted ballot was cast. Its tracker: ${ballot.tracker}`;
    });
  };

  const publishResult = () =>
    run(async () => {
      const election = record.election;
      const secretKey = loadTrusteeKey(decision.id);
      if (!election || !secretKey) throw new Error('no election or no trustee key');
      const counted = countedBallots(election, ballotsInTime(record, parameters), parameters.voters);
      const partialDecryption = decryptTally(election, counted, secretKey);
      const totals = verifiedResult(election, counted, partialDecryption);
      if (!totals) throw new Error('the decryption does not verify');
      await sendEvent(client, decisionsRoomId, SecretBallotEventTypes.decryption, {
        decision: decision.id,
        partial_decryption: partialDecryption,
      });
      await sendGovernanceEvent(client, decisionsRoomId, GovernanceEventTypes.secretResult, {
        decision: decision.id,
        result: totals,
        evidence: record.setupId ?? '',
      });
      forgetTrusteeKey(decision.id);
      return 'The result is published with the decryption proofs.';
    });

  const id = decision.id.replace(/[^A-Za-z0-9]/g, '');
  return (
    <div class="secret-ballot">
      <p class="badge-line">
        <span class="badge ok">Secret ballot</span> Encrypted in your browser (Helios-C); only the total is
        ever decrypted.
      </p>
      {!record.election && decision.status === 'open' && trustee && (
        <button type="button" disabled={busy} onClick={setUp}>
          Set up the secret ballot (you are its trustee)
        </button>
      )}
      {!record.election && !trustee && (
        <p role="status">Waiting for the proposer to set up the secret ballot.</p>
      )}
      {record.election && decision.status === 'open' && eligible && (
        <form
          class="ballot stack"
          onSubmit={cast}
          aria-label={`Secret ballot: ${decision.title ?? decision.kind}`}
        >
          <fieldset>
            <legend>{parameters.method === 'plurality' ? 'Your choice' : 'The options you approve'}</legend>
            {decision.options.map((option, i) => (
              <label class="check" key={option}>
                <input
                  type={parameters.method === 'plurality' ? 'radio' : 'checkbox'}
                  name={`secret-${id}`}
                  checked={choices[i] === 1}
                  onChange={(e) =>
                    setChoices(
                      parameters.method === 'plurality'
                        ? decision.options.map((_, j) => (j === i ? 1 : 0))
                        : choices.map((v, j) => (j === i ? (e.currentTarget.checked ? 1 : 0) : v)),
                    )
                  }
                />
                {option}
              </label>
            ))}
          </fieldset>
          <button type="submit" disabled={busy}>
            {busy ? 'Encrypting…' : tracker ? 'Encrypt and replace my ballot' : 'Encrypt and cast my ballot'}
          </button>
        </form>
      )}
      {tracker && (
        <p class={inBox ? 'ok' : 'muted'}>
          Your ballot tracker: <code>{tracker.tracker}</code>
          {inBox ? ' — found in the ballot box.' : ''}
        </p>
      )}
      {record.election && (
        <p class="muted">
          {record.ballots.length} encrypted ballot{record.ballots.length === 1 ? '' : 's'} in the ballot box.
        </p>
      )}
      {decision.status === 'closed' && trustee && loadTrusteeKey(decision.id) && (
        <button type="button" disabled={busy} onClick={publishResult}>
          Decrypt the total and publish the result
        </button>
      )}
      {message && (
        <p class={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
