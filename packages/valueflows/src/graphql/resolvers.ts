/**
 * Resolvers of the ValueFlows GraphQL API, backed by a {@link VfStore} (and so by the ledger).
 *
 * @module
 */
import { GraphQLError } from 'graphql';
import type { ActionDefinition } from '../actions/action-definition';
import { ACTION_IDS, ACTIONS, getAction, isActionId, normalizeActionId } from '../actions/action-table';
import type { LedgerRejectionError } from '../errors/ledger-rejection-error';
import { ValueflowsError } from '../errors/valueflows-error';
import { remainingQuantity } from '../exchange/remaining-quantity';
import { applyEvent } from '../ledger/apply-event';
import { getUnit, listUnits, normalizeUnitId } from '../measures/om2-units';
import type { Agent } from '../model/agent';
import type { Agreement } from '../model/agreement';
import type { Commitment } from '../model/commitment';
import type { EconomicEvent } from '../model/economic-event';
import type { EconomicResource } from '../model/economic-resource';
import type { Intent } from '../model/intent';
import type { Measure } from '../model/measure';
import type { Proposal } from '../model/proposal';
import type { SpatialThing } from '../model/spatial-thing';
import { parseEconomicEvent } from '../parse/parse-economic-event';
import * as planning from './planning-mutations';
import type { VfStore } from './vf-store';

type Args = Record<string, unknown>;
type Page = { start?: string | null; limit?: number | null };

function page<T extends { id: string }>(items: Iterable<T>, { start, limit }: Page): T[] {
  let list = [...items];
  if (start) {
    const i = list.findIndex((x) => x.id === start);
    list = i < 0 ? [] : list.slice(i + 1);
  }
  return limit == null ? list : list.slice(0, Math.max(0, limit));
}

/** vf-graphql 0.8 spelled "no effect" where ValueFlows 1.0 says notApplicable. */
const effect08 = (e: string) => (e === 'notApplicable' ? 'noEffect' : e);

function actionRecord(a: ActionDefinition) {
  return {
    id: a.id,
    label: a.label,
    resourceEffect: effect08(a.accountingEffect),
    onhandEffect: effect08(a.onhandEffect),
    inputOutput: a.inputOutput,
    pairsWith: a.pairsWith,
    accountingEffect: a.accountingEffect,
    locationEffect: a.locationEffect,
    containedEffect: a.containedEffect,
    accountableEffect: a.accountableEffect,
    stageEffect: a.stageEffect,
    stateEffect: a.stateEffect,
    createResource: a.createResource,
    eventQuantity: a.eventQuantity,
  };
}

function unitRecord(id: string) {
  const u = getUnit(id);
  return { id: normalizeUnitId(id), label: u?.label ?? id, symbol: u?.symbol ?? '' };
}

function measureRecord(m: Measure | undefined) {
  return m === undefined ? null : { hasNumericalValue: m.hasNumericalValue, hasUnit: unitRecord(m.hasUnit) };
}

function placeRecord(p: SpatialThing | undefined) {
  return p === undefined
    ? null
    : { ...p, id: p.id ?? `${p.lat},${p.long}`, name: p.name ?? p.mappableAddress ?? p.id ?? 'place' };
}

/**
 * Builds the resolver map for {@link createVfSchema}.
 *
 * @param store - the records to serve
 * @returns resolvers in the graphql-tools format
 */
export function createResolvers(store: VfStore) {
  const agent = (id: string | undefined): Agent | null => {
    if (id === undefined) return null;
    return store.agents.get(id) ?? { id, type: 'Organization', name: id };
  };
  const resource = (id: string | undefined) =>
    id === undefined ? null : (store.ledger.resources.get(id) ?? null);
  const event = (id: string | undefined) =>
    id === undefined ? null : (store.ledger.events.get(id)?.event ?? null);
  const spec = (id: string | undefined) =>
    id === undefined ? null : (store.resourceSpecifications.get(id) ?? { id, name: id });
  const agreement = (id: string | undefined) =>
    id === undefined ? null : (store.agreements.get(id) ?? null);
  const events = () =>
    [...store.ledger.events.values()].sort((a, b) => a.sequence - b.sequence).map((r) => r.event);
  const intents = () => [
    ...[...store.proposals.values()].flatMap((p) => [...p.publishes, ...p.reciprocal]),
    ...store.intents.values(),
  ];
  const proposalOf = (i: Intent) =>
    [...store.proposals.values()].find((p) => [...p.publishes, ...p.reciprocal].some((x) => x.id === i.id));
  const flowFields = {
    action: (f: { action: string }) => actionRecord(getAction(f.action)),
    provider: (f: { provider?: string }) => agent(f.provider),
    receiver: (f: { receiver?: string }) => agent(f.receiver),
    resourceInventoriedAs: (f: { resourceInventoriedAs?: string }) => resource(f.resourceInventoriedAs),
    resourceConformsTo: (f: { resourceConformsTo?: string }) => spec(f.resourceConformsTo),
    resourceQuantity: (f: { resourceQuantity?: Measure }) => measureRecord(f.resourceQuantity),
    effortQuantity: (f: { effortQuantity?: Measure }) => measureRecord(f.effortQuantity),
    atLocation: (f: { atLocation?: SpatialThing }) => placeRecord(f.atLocation),
    inputOf: () => null,
    outputOf: () => null,
    inScopeOf: () => null,
  };

  // What an agent did, holds, promised and published (the agent.* bridging fields of vf-graphql).
  const agentFields = {
    primaryLocation: (a: Agent) => placeRecord(a.primaryLocation),
    economicEvents: (a: Agent) => events().filter((e) => e.provider === a.id || e.receiver === a.id),
    inventoriedEconomicResources: (a: Agent) =>
      [...store.ledger.resources.values()].filter((r) => r.primaryAccountable === a.id),
    commitments: (a: Agent) =>
      [...store.commitments.values()].filter((c) => c.provider === a.id || c.receiver === a.id),
    intents: (a: Agent) => intents().filter((i) => i.provider === a.id || i.receiver === a.id),
    proposals: (a: Agent) => [...store.proposals.values()].filter((p) => p.proposer === a.id),
  };

  return {
    Query: {
      action: (_: unknown, { id }: { id: string }) =>
        isActionId(id) || id.includes('-') ? safeAction(id) : null,
      actions: () => ACTION_IDS.map((id) => actionRecord(ACTIONS[id])),
      unit: (_: unknown, { id }: { id: string }) => (getUnit(id) ? unitRecord(id) : null),
      units: (_: unknown, args: Page) => page(listUnits(), args).map((u) => unitRecord(u.id)),
      agent: (_: unknown, { id }: { id: string }) => store.agents.get(id) ?? null,
      agents: (_: unknown, args: Page) => page(store.agents.values(), args),
      organization: (_: unknown, { id }: { id: string }) =>
        store.agents.get(id)?.type === 'Organization' ? store.agents.get(id) : null,
      organizations: (_: unknown, args: Page) =>
        page(
          [...store.agents.values()].filter((a) => a.type === 'Organization'),
          args,
        ),
      person: (_: unknown, { id }: { id: string }) =>
        store.agents.get(id)?.type === 'Person' ? store.agents.get(id) : null,
      people: (_: unknown, args: Page) =>
        page(
          [...store.agents.values()].filter((a) => a.type === 'Person'),
          args,
        ),
      resourceSpecification: (_: unknown, { id }: { id: string }) =>
        store.resourceSpecifications.get(id) ?? null,
      resourceSpecifications: (_: unknown, args: Page) => page(store.resourceSpecifications.values(), args),
      economicResource: (_: unknown, { id }: { id: string }) => resource(id),
      economicResources: (_: unknown, args: Page) => page(store.ledger.resources.values(), args),
      economicEvent: (_: unknown, { id }: { id: string }) => event(id),
      economicEvents: (_: unknown, args: Page) => page(events(), args),
      economicEventsFiltered: (_: unknown, f: EventFilter) => events().filter((e) => matchesFilter(e, f)),
      proposal: (_: unknown, { id }: { id: string }) => store.proposals.get(id) ?? null,
      proposals: (_: unknown, args: Page) => page(store.proposals.values(), args),
      intent: (_: unknown, { id }: { id: string }) => intents().find((i) => i.id === id) ?? null,
      intents: (_: unknown, args: Page) => page(intents(), args),
      commitment: (_: unknown, { id }: { id: string }) => store.commitments.get(id) ?? null,
      commitments: (_: unknown, args: Page) => page(store.commitments.values(), args),
      agreement: (_: unknown, { id }: { id: string }) => agreement(id),
      agreements: (_: unknown, args: Page) => page(store.agreements.values(), args),
    },
    Mutation: {
      createEconomicEvent: (_: unknown, args: Args) => createEconomicEvent(store, args),
      createIntent: (_: unknown, { intent }: { intent: Args }) =>
        typed(() => planning.createIntent(store, intent)),
      updateIntent: (_: unknown, { intent }: { intent: Args }) =>
        typed(() => planning.updateIntent(store, intent)),
      deleteIntent: (_: unknown, { id }: { id: string }) => typed(() => planning.deleteIntent(store, id)),
      createCommitment: (_: unknown, { commitment }: { commitment: Args }) =>
        typed(() => planning.createCommitment(store, commitment)),
      updateCommitment: (_: unknown, { commitment }: { commitment: Args }) =>
        typed(() => planning.updateCommitment(store, commitment)),
      deleteCommitment: (_: unknown, { id }: { id: string }) =>
        typed(() => planning.deleteCommitment(store, id)),
      createProposal: (_: unknown, { proposal }: { proposal: Args }) =>
        typed(() => planning.createProposal(store, proposal)),
      updateProposal: (_: unknown, { proposal }: { proposal: Args }) =>
        typed(() => planning.updateProposal(store, proposal)),
      deleteProposal: (_: unknown, { id }: { id: string }) => typed(() => planning.deleteProposal(store, id)),
      proposeIntent: (
        _: unknown,
        args: { publishedIn: string; publishes: string; reciprocal?: boolean | null },
      ) => typed(() => planning.proposeIntent(store, args)),
      deleteProposedIntent: (_: unknown, { id }: { id: string }) =>
        typed(() => planning.deleteProposedIntent(store, id)),
      acceptProposal: (
        _: unknown,
        args: { proposal: string; counterparty: string; quantity?: unknown; created?: string; due?: string },
      ) => typed(() => planning.acceptProposalMutation(store, args)),
      createPerson: (_: unknown, { person }: { person: { name: string; note?: string } }) => {
        const a: Agent = {
          id: store.nextId('person'),
          type: 'Person',
          name: person.name,
          ...(person.note ? { note: person.note } : {}),
        };
        store.agents.set(a.id, a);
        return { agent: a };
      },
      createOrganization: (
        _: unknown,
        { organization }: { organization: { name: string; note?: string; classifiedAs?: string[] } },
      ) => {
        const a: Agent = {
          id: store.nextId('organization'),
          type: 'Organization',
          name: organization.name,
          ...(organization.note ? { note: organization.note } : {}),
          ...(organization.classifiedAs ? { classifiedAs: organization.classifiedAs } : {}),
        };
        store.agents.set(a.id, a);
        return { agent: a };
      },
      createResourceSpecification: (
        _: unknown,
        {
          resourceSpecification: s,
        }: { resourceSpecification: { name: string; note?: string; resourceClassifiedAs?: string[] } },
      ) => {
        const r = { id: store.nextId('spec'), ...s };
        store.resourceSpecifications.set(r.id, r);
        return { resourceSpecification: r };
      },
    },
    Agent: { __resolveType: (a: Agent) => (a.type === 'Person' ? 'Person' : 'Organization') },
    AccountingScope: { __resolveType: (a: Agent) => (a.type === 'Person' ? 'Person' : 'Organization') },
    Organization: agentFields,
    Person: agentFields,
    ResourceSpecification: {
      defaultUnitOfResource: (s: { defaultUnitOfResource?: string }) =>
        s.defaultUnitOfResource ? unitRecord(s.defaultUnitOfResource) : null,
      defaultUnitOfEffort: (s: { defaultUnitOfEffort?: string }) =>
        s.defaultUnitOfEffort ? unitRecord(s.defaultUnitOfEffort) : null,
      conformingResources: (s: { id: string }) =>
        [...store.ledger.resources.values()].filter((r) => r.conformsTo === s.id),
    },
    EconomicResource: {
      conformsTo: (r: EconomicResource) => spec(r.conformsTo) ?? { id: 'unspecified', name: 'unspecified' },
      accountingQuantity: (r: EconomicResource) => measureRecord(r.accountingQuantity),
      onhandQuantity: (r: EconomicResource) => measureRecord(r.onhandQuantity),
      primaryAccountable: (r: EconomicResource) => agent(r.primaryAccountable),
      custodian: (r: EconomicResource) => agent(r.custodian),
      containedIn: (r: EconomicResource) => resource(r.containedIn),
      contains: (r: EconomicResource) =>
        [...store.ledger.resources.values()].filter((x) => x.containedIn === r.id),
      currentLocation: (r: EconomicResource) => placeRecord(r.currentLocation),
      stage: (r: EconomicResource) => (r.stage ? { id: r.stage, name: r.stage } : null),
      state: (r: EconomicResource) =>
        r.state && isActionId(r.state) ? actionRecord(ACTIONS[r.state]) : null,
      stateLabel: (r: EconomicResource) => r.state ?? null,
      unitOfEffort: (r: EconomicResource) => (r.unitOfEffort ? unitRecord(r.unitOfEffort) : null),
      lot: () => null,
      track: (r: EconomicResource) => events().filter((e) => e.resourceInventoriedAs === r.id),
      trace: (r: EconomicResource) =>
        events().filter((e) => e.toResourceInventoriedAs === r.id || e.newInventoriedResource?.id === r.id),
    },
    EconomicEvent: {
      ...flowFields,
      toResourceInventoriedAs: (e: EconomicEvent) => resource(e.toResourceInventoriedAs),
      toLocation: (e: EconomicEvent) => placeRecord(e.toLocation),
      corrects: (e: EconomicEvent) => event(e.corrects),
      triggeredBy: (e: EconomicEvent) => event(e.triggeredBy),
      realizationOf: (e: EconomicEvent) => agreement(e.realizationOf),
      reciprocalRealizationOf: (e: EconomicEvent) => agreement(e.reciprocalRealizationOf),
      fulfills: () => null,
      satisfies: () => null,
      deletable: () => false,
      track: () => null,
      trace: () => null,
    },
    Intent: {
      ...flowFields,
      availableQuantity: (i: Intent) => measureRecord(i.availableQuantity),
      minimumQuantity: (i: Intent) => measureRecord(i.minimumQuantity),
      remainingQuantity: (i: Intent) => {
        const p = proposalOf(i);
        return measureRecord(
          p ? remainingQuantity(p, i) : (i.availableQuantity ?? i.resourceQuantity ?? i.effortQuantity),
        );
      },
      publishedIn: (i: Intent) => {
        const p = proposalOf(i);
        return p
          ? [
              {
                id: planning.proposedIntentId(p, i),
                reciprocal: p.reciprocal.some((x) => x.id === i.id),
                publishes: i,
                publishedIn: p,
              },
            ]
          : [];
      },
      satisfiedBy: () => null,
      deletable: (i: Intent) => planning.isIntentDeletable(store, i.id),
    },
    Commitment: {
      ...flowFields,
      clauseOf: (c: Commitment) => agreement(c.clauseOf),
      reciprocalClauseOf: (c: Commitment) => agreement(c.reciprocalClauseOf),
      involvedAgents: (c: Commitment) => [agent(c.provider), agent(c.receiver)],
      fulfilledBy: () => null,
      satisfies: () => null,
      deletable: (c: Commitment) => planning.isCommitmentDeletable(store, c.id),
    },
    Agreement: {
      commitments: (a: Agreement) =>
        [...a.stipulates, ...a.stipulatesReciprocal]
          .map((id) => store.commitments.get(id))
          .filter((c) => c !== undefined),
      economicEvents: (a: Agreement) =>
        events().filter((e) => e.realizationOf === a.id || e.reciprocalRealizationOf === a.id),
      involvedAgents: (a: Agreement) => {
        const ids = new Set<string>();
        for (const id of [...a.stipulates, ...a.stipulatesReciprocal]) {
          const c = store.commitments.get(id);
          if (c) ids.add(c.provider).add(c.receiver);
        }
        return [...ids].map(agent);
      },
    },
    Proposal: {
      publishes: (p: Proposal) => [
        ...p.publishes.map((i) => ({
          id: `${p.id}/${i.id}`,
          reciprocal: false,
          publishes: i,
          publishedIn: p,
        })),
        ...p.reciprocal.map((i) => ({
          id: `${p.id}/${i.id}`,
          reciprocal: true,
          publishes: i,
          publishedIn: p,
        })),
      ],
      primaryIntents: (p: Proposal) => p.publishes,
      reciprocalIntents: (p: Proposal) => p.reciprocal,
      proposer: (p: Proposal) => agent(p.proposer),
      proposedTo: (p: Proposal) => (p.proposedTo ?? []).map(agent),
      publishedTo: (p: Proposal) =>
        (p.proposedTo ?? []).map((a) => ({ id: `${p.id}/to/${a}`, proposedTo: agent(a), proposed: p })),
      eligibleLocation: (p: Proposal) => placeRecord(p.eligibleLocation),
      inScopeOf: () => null,
    },
  };
}

interface EventFilter {
  providerId?: string | null;
  receiverId?: string | null;
  resourceClassifiedAs?: string[] | null;
  action?: string | null;
  startDate?: string | null;
  endDate?: string | null;
}

function matchesFilter(e: EconomicEvent, f: EventFilter): boolean {
  if (f.providerId && e.provider !== f.providerId) return false;
  if (f.receiverId && e.receiver !== f.receiverId) return false;
  if (f.action && e.action !== safeAction(f.action)?.id) return false;
  if (
    f.resourceClassifiedAs?.length &&
    !f.resourceClassifiedAs.some((c) => e.resourceClassifiedAs?.includes(c))
  ) {
    return false;
  }
  const at = Date.parse(e.hasPointInTime ?? e.hasBeginning ?? e.hasEnd ?? '');
  if (f.startDate && !(at >= Date.parse(f.startDate))) return false;
  if (f.endDate && !(at <= Date.parse(f.endDate))) return false;
  return true;
}

function safeAction(id: string) {
  try {
    return actionRecord(ACTIONS[normalizeActionId(id)]);
  } catch {
    return null;
  }
}

/** `createEconomicEvent(event, newInventoriedResource)`: parse, apply to the ledger, or fail with the ledger's code. */
function createEconomicEvent(store: VfStore, args: Args) {
  const input = args.event as Record<string, unknown>;
  const id = store.nextId('event');
  const json: Record<string, unknown> = { ...stripNulls(input), id };
  if (args.newInventoriedResource) {
    json.newInventoriedResource = {
      ...stripNulls(args.newInventoriedResource as Record<string, unknown>),
      id: store.nextId('resource'),
    };
  }
  const parsed = typed(() => parseEconomicEvent(json, 'event'));
  const result = applyEvent(store.ledger, parsed);
  if (!result.ok) {
    const e: LedgerRejectionError = result.error;
    throw new GraphQLError(e.message, { extensions: { code: e.code } });
  }
  store.ledger = result.state;
  const created = parsed.newInventoriedResource?.id;
  return { economicEvent: parsed, economicResource: created ? result.state.resources.get(created) : null };
}

function stripNulls(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}

/**
 * Runs a store operation, turning the package's typed errors into GraphQL errors whose
 * `extensions` carry the `code` and, where the error has them, the `inputPath` of the bad input,
 * the `rule` broken and the missing record's `recordType` and `id`.
 */
function typed<T>(operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    if (!ValueflowsError.isInstance(error)) throw error;
    const details = error as ValueflowsError & Record<string, unknown>;
    const extensions: Record<string, unknown> = { code: error.code };
    // `path` is GraphQL's own word for the response field, so the input's is `inputPath`.
    if (typeof details.path === 'string') extensions.inputPath = details.path;
    for (const key of ['rule', 'recordType', 'id'] as const) {
      if (typeof details[key] === 'string') extensions[key] = details[key];
    }
    throw new GraphQLError(error.message, { extensions });
  }
}
