/**
 * Test support for counted closes: one reader's fold of a log, with what it reports. Not exported
 * from the package.
 *
 * @module
 */
import { markRedacted } from './awaited-evidence';
import type { TestEvent } from './event-log.fixture';
import type { GovernanceContext } from './governance-context';
import { initialGovernanceState } from './governance-state';
import type { CountIssue } from './recount';
import { reduce } from './reduce';

/** An event with an explicit id. */
export function event(
  id: string,
  sender: string,
  timestamp: number,
  type: string,
  content: unknown,
): TestEvent {
  return { id, sender, timestamp, type: `org.imago.governance.${type}`, content };
}

/** Folds `events` as one reader does; a `redacted` event reaches it as its mark only. */
export function fold(
  events: readonly TestEvent[],
  known: GovernanceContext,
  redacted: readonly string[] = [],
) {
  let state = initialGovernanceState();
  const issues: CountIssue[] = [];
  const rejected: string[] = [];
  for (const raw of events) {
    const result = redacted.includes(raw.id) ? markRedacted(state, raw.id, known) : reduce(state, raw, known);
    state = result.state;
    issues.push(...(result.count ?? []));
    if ('rejected' in result && result.rejected) rejected.push(`${raw.id}:${result.rejected.reason}`);
  }
  return { state, issues, rejected };
}
