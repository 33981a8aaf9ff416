/**
 * @module
 * Votes during the meeting: the chair puts a motion to the vote (a decision of the group, under
 * its control table's rule, delegations included); every member votes here with the group's own
 * ballot (public, or secret with Helios-C as the decisions tab runs it); a public vote's count so
 * far is shown live, the result once the vote closes.
 */
import type { Decision } from '@imago/governance';
import { type Assembly, type MatrixClient, type Motion, openMotion } from '@imago/matrix-binding';
import { useState } from 'preact/hooks';
import { FormMessage } from '../app/form-message';
import { DecisionCard } from '../governance/decisions-panel';
import type { GroupGovernance } from '../governance/use-governance';
import type { Group } from '../groups/group';

/** Direct public ballots so far, per option (delegated weight is counted at the close). */
function liveCount(decision: Decision): number[] | undefined {
  const { participation, rule } = decision;
  if (participation.protocol !== 'democracy' || rule.protocol !== 'democracy' || rule.ballot !== 'public')
    return undefined;
  const counts = decision.options.map(() => 0);
  for (const voter of participation.ballots.keys()) {
    participation.ballots.get(voter)?.forEach((value, index) => {
      if (value > 0 && rule.method !== 'schulze' && rule.method !== 'stv')
        counts[index] = (counts[index] ?? 0) + 1;
    });
  }
  return counts;
}

function MotionVote({
  motion,
  decision,
  ...card
}: {
  motion: Motion;
  decision: Decision;
  client: MatrixClient;
  group: Group;
  governance: GroupGovernance;
  names: (userId: string) => string;
}) {
  const me = card.client.getSafeUserId();
  const counts = decision.status === 'open' ? liveCount(decision) : undefined;
  return (
    <div class="stack" data-decision={motion.decision}>
      {counts && (
        <p class="muted" role="status" aria-label={`Votes so far on ${motion.title}`}>
          Votes so far: {decision.options.map((option, i) => `${option}: ${counts[i] ?? 0}`).join(', ')}{' '}
          (direct votes; delegations count at the close)
        </p>
      )}
      <DecisionCard
        client={card.client}
        group={card.group}
        decision={decision}
        me={me}
        names={card.names}
        state={card.governance.state}
      />
    </div>
  );
}

/** Props of {@link VotePanel}. */
export interface VotePanelProps {
  client: MatrixClient;
  group: Group;
  assembly: Assembly;
  governance: GroupGovernance;
  isChair: boolean;
  names: (userId: string) => string;
}

/** The meeting's votes. */
export function VotePanel({ client, group, assembly, governance, isChair, names }: VotePanelProps) {
  const [title, setTitle] = useState('');
  const [options, setOptions] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const open = async (event: Event) => {
    event.preventDefault();
    const list = options
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    if (list.length === 1) {
      setMessage({ ok: false, text: 'Give at least two options, or none for a yes/no motion.' });
      return;
    }
    try {
      await openMotion(
        client,
        { debateRoomId: group.debateRoomId as string, decisionsRoomId: group.decisionsRoomId as string },
        { title: title.trim(), options: list },
      );
      setTitle('');
      setOptions('');
      setMessage({ ok: true, text: 'Motion put to the vote.' });
    } catch {
      setMessage({ ok: false, text: 'The motion was not sent. Try again.' });
    }
  };
  return (
    <section class="card stack" aria-labelledby="votes-title">
      <h3 id="votes-title">Votes</h3>
      {assembly.motions.length === 0 && <p class="muted">No motion put to the vote yet.</p>}
      {assembly.motions.map((motion) => {
        const decision = governance.state.decisions.get(motion.decision);
        return decision ? (
          <MotionVote
            key={motion.decision}
            motion={motion}
            decision={decision}
            client={client}
            group={group}
            governance={governance}
            names={names}
          />
        ) : null;
      })}
      {isChair && (
        <form class="stack" aria-labelledby="motion-title" onSubmit={open}>
          <h4 id="motion-title">Put a motion to the vote</h4>
          <label for="motion-text">Motion</label>
          <input
            id="motion-text"
            required
            maxLength={200}
            value={title}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
          <label for="motion-options">Options, one per line (leave empty for a yes/no motion)</label>
          <textarea
            id="motion-options"
            rows={2}
            value={options}
            onInput={(e) => setOptions(e.currentTarget.value)}
          />
          <button type="submit">Open the vote</button>
          <FormMessage message={message} />
        </form>
      )}
    </section>
  );
}
