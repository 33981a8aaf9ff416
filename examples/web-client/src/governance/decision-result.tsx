/**
 * @module
 * The outcome of a settled decision: adopted or not and why, the elected options, the count
 * (totals, or the ranking for majority judgment, Schulze and STV) and the weight delegations carried.
 */
import type { Decision } from '@imago/governance';
import { REASON_LABELS, STATUS_LABELS } from './labels';

/** The result of one decision (nothing while it is pending). */
export function DecisionResult({
  decision,
  names,
}: {
  decision: Decision;
  names: (userId: string) => string;
}) {
  const outcome = decision.outcome;
  if (!outcome) {
    const missing = decision.count?.missing ?? [];
    if (decision.status === 'closed' && missing.length > 0) {
      return (
        <p class="notice" role="status">
          Closed by the group's authority, which counted {missing.length} event
          {missing.length > 1 ? 's' : ''} your server has not delivered yet ({missing.join(', ')}): the result
          will appear when {missing.length > 1 ? 'they arrive' : 'it arrives'}.
        </p>
      );
    }
    if (decision.status === 'closed') {
      return (
        <p class="notice" role="status">
          Voting is closed; the result will appear once the trustees have decrypted and published it with its
          proofs.
        </p>
      );
    }
    return null;
  }
  const option = (i: number) => decision.options[i] ?? `option ${i + 1}`;
  const count = outcome.tally?.count;
  const delegation = outcome.tally?.delegation;
  const heaviest = delegation
    ? [...delegation.memberWeights.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]
    : undefined;
  return (
    <section class="result" aria-label={`Result of ${decision.title ?? decision.kind}`}>
      <p>
        <strong class={`status status-${outcome.status}`}>{STATUS_LABELS[outcome.status]}</strong> —{' '}
        {REASON_LABELS[outcome.reason]}
        {outcome.winners && outcome.winners.length > 0 && (
          <>
            . Winner{outcome.winners.length > 1 ? 's' : ''}:{' '}
            <strong>{outcome.winners.map(option).join(', ')}</strong>
          </>
        )}
      </p>
      {count?.totals && (
        <ul class="plain-list">
          {count.totals.map((total, i) => (
            <li key={option(i)}>
              {option(i)}: {Math.round(total * 100) / 100}
            </li>
          ))}
        </ul>
      )}
      {count && !count.totals && (
        <ol class="ranking">
          {count.ranking.map((tied) => (
            <li key={tied.join(',')}>{tied.map(option).join(' = ')}</li>
          ))}
        </ol>
      )}
      {decision.rule.protocol === 'democracy' &&
        decision.rule.ballot === 'secret' &&
        outcome.status !== 'withdrawn' && (
          <p class="ok">
            Secret ballot: this browser verified the election's evidence — every ballot's proofs, the
            encrypted tally, the trustees' shuffle and decryption proofs — before accepting the result.
          </p>
        )}
      {outcome.tally && (
        <p class="muted">
          Counted weight {Math.round(outcome.tally.count.countedWeight * 100) / 100} of{' '}
          {outcome.tally.eligibleWeight} eligible
          {heaviest && heaviest[1] > 1 && `; largest weight: ${names(heaviest[0])} (${heaviest[1]})`}.
        </p>
      )}
    </section>
  );
}
