/**
 * @module
 * An outcome in words, for the notice the service posts and for the demo report.
 */
import type { Decision } from '@imago/governance';

/** Short id of a Matrix event id for readable lines. */
export const shortId = (id: string) => `${id.slice(0, 9)}…`;

/**
 * Describes a settled decision.
 *
 * @param decision - a decision with an outcome.
 * @param names - how to name members and groups (default: their ids).
 * @returns one or more lines.
 */
export function describeOutcome(decision: Decision, names: (id: string) => string = (id) => id): string[] {
  const outcome = decision.outcome;
  if (!outcome) return [`"${decision.title ?? decision.kind}" is ${decision.status}`];
  const lines = [
    `Decision "${decision.title ?? decision.kind}" (${decision.kind}, ${decision.rule.protocol}${
      decision.rule.protocol === 'democracy'
        ? ` by ${decision.rule.method}, ${decision.rule.ballot ?? 'public'} ballot`
        : ''
    }): ${outcome.status} (${outcome.reason}).`,
  ];
  if (outcome.winners && outcome.winners.length > 0 && !decision.motion) {
    lines.push(`Chosen: ${outcome.winners.map((w) => decision.options[w] ?? `option ${w}`).join(', ')}.`);
  }
  const position = (key: string) => {
    const ballot = key.split(',').map(Number);
    const chosen = ballot.flatMap((value, index) => (value === 1 ? [index] : []));
    return ballot.every((v) => v === 0 || v === 1) && chosen.length === 1
      ? `“${decision.options[chosen[0] as number] ?? key}”`
      : `[${key}]`;
  };
  const counts = outcome.tally?.count.totals;
  if (counts && counts.length === decision.options.length) {
    lines.push(
      `Counted weight: ${decision.options.map((o, i) => `${o} ${counts[i]}`).join(', ')} (of ${outcome.tally?.eligibleWeight} eligible).`,
    );
  }
  const delegation = outcome.tally?.delegation;
  if (delegation) {
    const weights = [...delegation.memberWeights]
      .filter(([, weight]) => weight > 1)
      .map(([member, weight]) => `${names(member)} ×${weight}`);
    const groups = delegation.groups.map(
      (g) =>
        `${names(g.group)} carries ${g.weight} delegated vote(s) cast as ${
          g.casts.map((c) => `${c.weight} for ${position(c.position)}`).join(', ') || 'nothing'
        } (${g.voters} member(s) voted)`,
    );
    lines.push(
      `Weights: ${delegation.direct} direct, ${delegation.toGroups} delegated to groups${
        weights.length ? `; ${weights.join(', ')}` : ''
      }${groups.length ? `; ${groups.join('; ')}` : ''}.`,
    );
  }
  return lines;
}
