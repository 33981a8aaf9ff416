/**
 * @module
 * The Repair Café's control table: set at the start (the service publishes it in the space), then
 * amended by a consent decision that the service closes and applies.
 */
import { type ControlTable, parseControlTable } from '@imago/governance';
import { initControlTable, propose } from '@imago/matrix-binding';
import type { ServiceLog } from '../service/log';
import type { Cast } from './cast';
import type { DemoGroups } from './groups';
import { waitForLog } from './wait';

/** Durations of the scenario's decisions (ms), shortened for a demo. */
export interface ScenarioTimings {
  readonly tableChange: number;
  readonly publicVote: number;
  readonly secretVote: number;
}

function table(rules: Record<string, unknown>): ControlTable {
  const parsed = parseControlTable({ rules, fallback: { protocol: 'consensus', duration: 86_400_000 } });
  if (!parsed.ok) throw new Error('invalid demo control table');
  return parsed.value;
}

function baseRules(timings: ScenarioTimings): Record<string, unknown> {
  return {
    'change-control-table': { protocol: 'consent', duration: timings.tableChange },
    'publish-offer': {
      protocol: 'democracy',
      method: 'plurality',
      duration: timings.publicVote,
      delegation: true,
      group_delegation: 'fractional',
    },
    'spend-resource': {
      protocol: 'democracy',
      method: 'majority-judgment',
      grades: 4,
      ballot: 'secret',
      duration: timings.secretVote,
    },
  };
}

/**
 * Sets the control table, waits for the service to publish it, then proposes an amendment (a rule
 * for needs, decided by the Atelier vélo; consent, nobody objects).
 *
 * @param cast - the people (Amélie founds the Repair Café).
 * @param groups - the groups.
 * @param service - the Lyon service's account and log.
 * @param timings - decision durations.
 * @returns the amendment's decision id.
 */
export async function playControlTable(
  cast: Cast,
  groups: DemoGroups,
  service: { readonly userId: string; readonly log: ServiceLog },
  timings: ScenarioTimings,
): Promise<string> {
  const decisions = groups.repair.rooms.decisions as string;
  const amelie = cast.person('amelie').client;
  const rules = baseRules(timings);
  await initControlTable(amelie, decisions, table(rules), [service.userId]);
  await waitForLog(
    service.log,
    (e) => e.duty === 'control-table' && e.message.includes('(initial)'),
    'the initial control table',
  );
  return propose(amelie, decisions, {
    kind: 'change-control-table',
    title: 'Let the Atelier vélo publish needs on its own',
    action: {
      table: table({
        ...rules,
        'publish-need': {
          protocol: 'oligarchy',
          deciders: { group: groups.velo.spaceId },
          required: 1,
          duration: 86_400_000,
        },
      }),
    },
  });
}
