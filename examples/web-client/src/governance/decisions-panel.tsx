/**
 * @module
 * A group's decisions: the rule in force, the proposal form, each decision with its ballot (public
 * votes, majority-judgment grid, secret Helios-C ballot) or its result, and delegation.
 */
import {
  type Decision,
  effectiveDelegation,
  GovernanceEventTypes,
  type GovernanceState,
} from '@imago/governance';
import { type MatrixClient, sendGovernanceEvent, vote } from '@imago/matrix-binding';
import { AuditList } from '../app/audit-list';
import type { Group } from '../groups/group';
import { readGroups } from '../groups/group';
import { BallotForm } from './ballot-form';
import { ControlTableCard } from './control-table-card';
import { DecisionResult } from './decision-result';
import { DelegationForm } from './delegation-form';
import { STATUS_LABELS } from './labels';
import { ParticipationForm } from './participation-form';
import { ProposeForm } from './propose-form';
import { ruleSummary } from './rule-summary';
import { SecretBallot } from './secret-ballot';
import { useGovernance } from './use-governance';

/** Props of {@link DecisionsPanel}. */
export interface DecisionsPanelProps {
  client: MatrixClient;
  group: Group;
}

const time = (ms: number) => new Date(ms).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });

/** What a decision card needs besides the decision: the reader, their group and its state. */
export interface DecisionCardProps {
  client: MatrixClient;
  group: Group;
  me: string;
  names: (userId: string) => string;
  state: GovernanceState;
}

/** Decision cards, one a decision, in the order given. */
export function DecisionCards({
  decisions,
  ...card
}: DecisionCardProps & { decisions: readonly Decision[] }) {
  return (
    <>
      {decisions.map((decision) => (
        <DecisionCard key={decision.id} decision={decision} {...card} />
      ))}
    </>
  );
}

/** One decision: its rule, its ballot or participation form, its result (also shown in assemblies). */
export function DecisionCard({
  client,
  group,
  decision,
  me,
  names,
  state,
}: DecisionCardProps & { decision: Decision }) {
  const roomId = group.decisionsRoomId as string;
  const rule = decision.rule;
  const title = decision.title ?? decision.kind;
  const headingId = `decision-${decision.id.replace(/[^A-Za-z0-9]/g, '')}`;
  const participation = decision.participation;
  const myBallot = participation.protocol === 'democracy' ? participation.ballots.get(me) : undefined;
  const delegated = effectiveDelegation(state.delegations.get(me), decision.id, decision.kind);
  const eligible = decision.eligible.includes(me);
  return (
    <article class="card decision" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <p class="decision-meta">
        <span class={`badge status-${decision.status}`}>{STATUS_LABELS[decision.status]}</span>{' '}
        {ruleSummary(rule)}. Proposed by {names(decision.proposer)}.{' '}
        {decision.status === 'open' && <>Closes {time(decision.closesAt)}.</>}
        {decision.status === 'proposed' && <>Opens {time(decision.opensAt)}.</>}
      </p>
      {decision.status === 'open' &&
        rule.protocol === 'democracy' &&
        rule.ballot === 'public' &&
        eligible && (
          <>
            {myBallot && <p class="ok">Your vote is recorded. You may change it until the vote closes.</p>}
            {!myBallot && delegated && (
              <p class="muted">
                Your vote is delegated to {'member' in delegated ? names(delegated.member) : 'a group'}.
                Voting yourself overrides the delegation for this decision.
              </p>
            )}
            <BallotForm
              decision={decision}
              rule={rule}
              current={myBallot}
              onCast={async (ballot) => {
                await vote(client, roomId, decision.id, ballot);
              }}
            />
          </>
        )}
      {rule.protocol === 'democracy' &&
        rule.ballot === 'secret' &&
        (decision.status === 'open' || decision.status === 'closed') && (
          <SecretBallot
            client={client}
            decisionsRoomId={roomId}
            state={state}
            decision={decision}
            rule={rule}
            eligible={eligible}
          />
        )}
      {decision.status === 'open' && rule.protocol !== 'democracy' && (
        <ParticipationForm client={client} decisionsRoomId={roomId} decision={decision} me={me} />
      )}
      {decision.status === 'open' && !eligible && (
        <p class="muted">You were not a member when this was proposed.</p>
      )}
      <DecisionResult decision={decision} names={names} />
      {(decision.status === 'open' || decision.status === 'proposed') && decision.proposer === me && (
        <button
          type="button"
          class="secondary"
          onClick={() =>
            sendGovernanceEvent(client, roomId, GovernanceEventTypes.withdraw, { decision: decision.id })
          }
        >
          Withdraw “{title}”
        </button>
      )}
    </article>
  );
}

/** The decisions tab of a group. */
export function DecisionsPanel({ client, group }: DecisionsPanelProps) {
  const roomId = group.decisionsRoomId;
  if (!roomId || !client.getRoom(roomId)) {
    return (
      <section aria-labelledby="decisions-title">
        <h2 id="decisions-title">Decisions</h2>
        <p>This group has no decisions room you can read.</p>
      </section>
    );
  }
  return <DecisionsView client={client} group={group} roomId={roomId} />;
}

function DecisionsView({ client, group, roomId }: { client: MatrixClient; group: Group; roomId: string }) {
  const subGroups = readGroups(client)
    .filter((g) => g.membership === 'join' && group.view.subGroups.includes(g.id))
    .map((g) => ({ id: g.id, name: g.name }));
  const governance = useGovernance(
    client,
    roomId,
    subGroups.map((g) => g.id),
    group.view.authority?.authority,
  );
  const me = client.getSafeUserId();
  const space = client.getRoom(group.id);
  const names = (userId: string) => space?.getMember(userId)?.name ?? userId;
  const state = governance.state;
  const decisions = state.decisions
    .values()
    .slice()
    .sort((a, b) => b.proposedAt - a.proposedAt || a.id.localeCompare(b.id));
  const members = [...governance.members]
    .filter((id) => id !== me)
    .sort()
    .map((userId) => ({ userId, name: names(userId) }));
  const delegationAllowed = Object.values(state.table?.rules ?? {})
    .concat(state.table?.fallback ? [state.table.fallback] : [])
    .some((rule) => rule.protocol === 'democracy' && rule.delegation);

  return (
    <section aria-labelledby="decisions-title" aria-busy={!governance.complete}>
      <h2 id="decisions-title">Decisions</h2>
      {!governance.complete && <p role="status">Loading the group's decisions…</p>}
      {governance.provisional && (
        <p role="status" class="muted">
          Shown from the group authority's checkpoint; checking it against the whole history…
        </p>
      )}
      {governance.complete && !state.table && <p>This group has not set how it decides yet.</p>}
      {state.table && (
        <p class="muted">
          {state.table.fallback ? `By default: ${ruleSummary(state.table.fallback)}.` : ''} Control table
          version {state.tableVersion}.
        </p>
      )}
      {decisions.length === 0 && governance.complete && <p>No decision yet.</p>}
      <DecisionCards
        decisions={decisions}
        client={client}
        group={group}
        me={me}
        names={names}
        state={state}
      />
      {state.table && <ProposeForm client={client} decisionsRoomId={roomId} table={state.table} />}
      {state.table && (
        <ControlTableCard
          client={client}
          decisionsRoomId={roomId}
          table={state.table}
          version={state.tableVersion}
        />
      )}
      {delegationAllowed && (
        <DelegationForm
          client={client}
          decisionsRoomId={roomId}
          members={members}
          groups={subGroups}
          current={governance.myDelegations}
        />
      )}
      <AuditList warnings={governance.warnings} what="events" one="event" />
    </section>
  );
}
