/**
 * @module
 * Admission in a group's Members tab: the requests to join (knocks on the group's space), each with
 * the `admit-member` decision that answers it, a form to propose admitting someone, and the
 * admissions and exclusions under way, decided in place. Invitations follow decisions: when the
 * person is part of the group's authority, this browser invites whoever an adopted admission
 * admits and removes whoever an adopted exclusion excludes (a service acting for the group does
 * the same); an invitation that no decision backs would let someone in, not vote. An admission or
 * exclusion adopted by its deciders' approvals before its deadline is provisional until the
 * authority's close names it: this browser, as the authority, sends that close at once.
 */

import type { MatrixClient } from '@imago/matrix-binding';
import {
  ADMIT_MEMBER_KIND,
  admissionRequests,
  closeDecision,
  EXCLUDE_MEMBER_KIND,
  executeMemberships,
  memberDecisions,
  proposeAdmission,
} from '@imago/matrix-binding';
import { useEffect, useRef, useState } from 'preact/hooks';
import { FormMessage } from '../app/form-message';
import { DecisionCards } from '../governance/decisions-panel';
import { STATUS_LABELS } from '../governance/labels';
import { useGovernance } from '../governance/use-governance';
import type { Group } from './group';

/** Props of {@link AdmissionPanel}. */
export interface AdmissionPanelProps {
  client: MatrixClient;
  group: Group;
}

/** Requests to join, admissions and exclusions of a group. */
export function AdmissionPanel({ client, group }: AdmissionPanelProps) {
  const roomId = group.decisionsRoomId;
  if (!roomId || !client.getRoom(roomId)) {
    return <p>This group has no decisions room you can read: it cannot admit anyone here.</p>;
  }
  return <AdmissionView client={client} group={group} roomId={roomId} />;
}

function AdmissionView({ client, group, roomId }: AdmissionPanelProps & { roomId: string }) {
  const governance = useGovernance(client, roomId, group.view.subGroups, group.view.authority?.authority);
  const [candidate, setCandidate] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const me = client.getSafeUserId();
  const state = governance.state;
  const space = client.getRoom(group.id);
  const names = (userId: string) => space?.getMember(userId)?.name ?? userId;

  // Knocks from before this session are only in the full member list.
  useEffect(() => {
    space?.loadMembersIfNeeded().catch(() => undefined);
  }, [space]);

  // The authority executes what adopted admissions and exclusions ask, once per change.
  const running = useRef(false);
  const executionKey = [
    ...[...memberDecisions(state).values()].map((decision) => decision.id),
    ...[...group.view.memberships].map(([user, membership]) => `${user}=${membership}`),
  ].join(' ');
  const isAuthority = state.authority.includes(me);
  useEffect(() => {
    if (!isAuthority || !governance.complete || running.current) return;
    running.current = true;
    executeMemberships(client, group.view, state)
      .catch(() => undefined)
      .finally(() => {
        running.current = false;
      });
  }, [isAuthority, governance.complete, executionKey]);

  // An adoption before the deadline counts once the authority's close confirms it: send it at once.
  const closing = useRef(new Set<string>());
  const provisional = state.provisional
    .keys()
    .filter((id) => {
      const kind = state.decisions.get(id)?.kind;
      return kind === ADMIT_MEMBER_KIND || kind === EXCLUDE_MEMBER_KIND;
    })
    .sort();
  useEffect(() => {
    if (!isAuthority || !governance.complete) return;
    for (const id of provisional) {
      if (closing.current.has(id)) continue;
      closing.current.add(id);
      closeDecision(client, roomId, id, state).catch(() => closing.current.delete(id));
    }
  }, [isAuthority, governance.complete, provisional.join(' ')]);

  const requests = admissionRequests(group.view, state);
  const underWay = state.decisions
    .values()
    .filter(
      (d) =>
        (d.kind === ADMIT_MEMBER_KIND || d.kind === EXCLUDE_MEMBER_KIND) &&
        (d.status === 'open' || d.status === 'proposed'),
    )
    .sort((a, b) => a.proposedAt - b.proposedAt);

  const admit = async (userId: string) => {
    try {
      await proposeAdmission(client, roomId, userId);
      setMessage({ ok: true, text: `The admission of ${userId} is proposed: the group decides.` });
      return true;
    } catch {
      setMessage({ ok: false, text: `The admission of ${userId} could not be proposed.` });
      return false;
    }
  };

  return (
    <section aria-labelledby="admission-title">
      <h2 id="admission-title">Admission</h2>
      <h3>Requests to join</h3>
      {requests.length === 0 ? (
        <p class="muted">Nobody is asking to join.</p>
      ) : (
        <ul class="plain-list" aria-label="Requests to join">
          {requests.map(({ knock, decision }) => (
            <li key={knock.eventId} class="row">
              <span>
                {names(knock.userId)} <span class="muted">{knock.userId}</span>
                {knock.reason && <> — “{knock.reason}”</>}
              </span>
              {decision ? (
                <span class={`badge status-${decision.status}`}>
                  Admission: {STATUS_LABELS[decision.status].toLowerCase()}
                </span>
              ) : (
                state.table && (
                  <button type="button" onClick={() => admit(knock.userId)}>
                    Propose to admit {knock.userId}
                  </button>
                )
              )}
            </li>
          ))}
        </ul>
      )}
      {state.table && (
        <form
          class="inline-form"
          onSubmit={async (event) => {
            event.preventDefault();
            if (await admit(candidate.trim())) setCandidate('');
          }}
        >
          <label for="candidate">Admit (Matrix user id)</label>
          <input
            id="candidate"
            name="candidate"
            required
            pattern="@[^:]+:.+"
            placeholder="@someone:example.org"
            value={candidate}
            onInput={(e) => setCandidate(e.currentTarget.value)}
          />
          <button type="submit">Propose to admit</button>
        </form>
      )}
      <FormMessage message={message} />
      {underWay.length > 0 && <h3>Admissions and exclusions under way</h3>}
      <DecisionCards decisions={underWay} client={client} group={group} me={me} names={names} state={state} />
    </section>
  );
}
