/**
 * Parsing of the other ValueFlows records from untrusted JSON: agents, resource
 * specifications, processes, commitments, claims and agreements. Property names are those of
 * ValueFlows 1.0; references are identifier strings or objects with an `id`.
 *
 * @module
 */
import { VfParseError } from '../errors/parse-error';
import { normalizeUnitId } from '../measures/om2-units';
import type { Agent, AgentType } from '../model/agent';
import type { Agreement } from '../model/agreement';
import type { Claim } from '../model/claim';
import type { Commitment } from '../model/commitment';
import type { Process } from '../model/process';
import type { ResourceSpecification } from '../model/resource-specification';
import { JsonObjectReader } from './json-reader';
import { readSpatialThing } from './parse-measure';
import { readPlannedFlow } from './parse-planned-flow';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

function strings<T extends object>(
  o: JsonObjectReader,
  target: T,
  keys: readonly (keyof T & string)[],
): void {
  for (const key of keys) {
    const v = o.optionalString(key);
    if (v !== undefined) (target as Record<string, unknown>)[key] = v;
  }
}

function lists<T extends object>(o: JsonObjectReader, target: T, keys: readonly (keyof T & string)[]): void {
  for (const key of keys) {
    const v = o.optionalStringList(key);
    if (v !== undefined) (target as Record<string, unknown>)[key] = v;
  }
}

const AGENT_TYPES: readonly AgentType[] = ['Person', 'Organization', 'EcologicalAgent'];

/**
 * Reads an agent: `{ id, type: "Person" | "Organization" | "EcologicalAgent", name, … }`.
 *
 * @param value - untrusted JSON
 * @param path - where it is
 * @returns the agent
 * @throws {@link VfParseError} naming the path of the first bad field
 */
export function readAgent(value: unknown, path = ''): Agent {
  const o = JsonObjectReader.of(value, path);
  const type = o.string('type').replace(/^vf:/, '') as AgentType;
  if (!AGENT_TYPES.includes(type))
    throw new VfParseError(o.at('type'), 'expected Person, Organization or EcologicalAgent');
  const agent: Writable<Agent> = { id: o.string('id'), type, name: o.string('name') };
  strings(o, agent, ['note', 'image']);
  lists(o, agent, ['classifiedAs']);
  if (o.has('primaryLocation'))
    agent.primaryLocation = readSpatialThing(o.value.primaryLocation, o.at('primaryLocation'));
  return agent;
}

/**
 * Reads a resource specification.
 *
 * @param value - untrusted JSON
 * @param path - where it is
 * @returns the specification
 * @throws {@link VfParseError} naming the path of the first bad field
 */
export function readResourceSpecification(value: unknown, path = ''): ResourceSpecification {
  const o = JsonObjectReader.of(value, path);
  const spec: Writable<ResourceSpecification> = { id: o.string('id'), name: o.string('name') };
  strings(o, spec, ['note', 'image']);
  lists(o, spec, ['resourceClassifiedAs']);
  for (const key of ['defaultUnitOfResource', 'defaultUnitOfEffort'] as const) {
    const v = o.optionalReference(key);
    if (v !== undefined) spec[key] = normalizeUnitId(v);
  }
  for (const key of ['mediumOfExchange', 'substitutable'] as const) {
    const v = o.optionalBoolean(key);
    if (v !== undefined) spec[key] = v;
  }
  return spec;
}

/**
 * Reads a process.
 *
 * @param value - untrusted JSON
 * @param path - where it is
 * @returns the process
 * @throws {@link VfParseError} naming the path of the first bad field
 */
export function readProcess(value: unknown, path = ''): Process {
  const o = JsonObjectReader.of(value, path);
  const result: Writable<Process> = { id: o.string('id'), name: o.string('name') };
  for (const key of ['basedOn', 'plannedWithin'] as const) {
    const v = o.optionalReference(key);
    if (v !== undefined) result[key] = v;
  }
  for (const key of ['hasBeginning', 'hasEnd'] as const) {
    const v = o.optionalDateTime(key);
    if (v !== undefined) result[key] = v;
  }
  strings(o, result, ['note']);
  lists(o, result, ['inScopeOf', 'classifiedAs']);
  const finished = o.optionalBoolean('finished');
  if (finished !== undefined) result.finished = finished;
  return result;
}

/**
 * Reads a commitment (provider and receiver are required).
 *
 * @param value - untrusted JSON
 * @param path - where it is
 * @returns the commitment
 * @throws {@link VfParseError} naming the path of the first bad field
 */
export function readCommitment(value: unknown, path = ''): Commitment {
  const o = JsonObjectReader.of(value, path);
  const flow = readPlannedFlow(o);
  const commitment: Writable<Commitment> = {
    ...flow,
    provider: o.optionalReference('provider') ?? o.string('provider'),
    receiver: o.optionalReference('receiver') ?? o.string('receiver'),
  };
  for (const key of ['clauseOf', 'reciprocalClauseOf'] as const) {
    const v = o.optionalReference(key);
    if (v !== undefined) commitment[key] = v;
  }
  lists(o, commitment, ['satisfies']);
  const created = o.optionalDateTime('created');
  if (created !== undefined) commitment.created = created;
  return commitment;
}

/**
 * Reads a claim (provider, receiver and triggeredBy are required).
 *
 * @param value - untrusted JSON
 * @param path - where it is
 * @returns the claim
 * @throws {@link VfParseError} naming the path of the first bad field
 */
export function readClaim(value: unknown, path = ''): Claim {
  const o = JsonObjectReader.of(value, path);
  const flow = readPlannedFlow(o);
  const claim: Writable<Claim> = {
    ...flow,
    provider: o.optionalReference('provider') ?? o.string('provider'),
    receiver: o.optionalReference('receiver') ?? o.string('receiver'),
    triggeredBy: o.optionalReference('triggeredBy') ?? o.string('triggeredBy'),
  };
  const created = o.optionalDateTime('created');
  if (created !== undefined) claim.created = created;
  return claim;
}

/**
 * Reads an agreement: `{ id, stipulates?: id[], stipulatesReciprocal?: id[], name?, note?,
 * created?, proposal? }`.
 *
 * @param value - untrusted JSON
 * @param path - where it is
 * @returns the agreement
 * @throws {@link VfParseError} naming the path of the first bad field
 */
export function readAgreement(value: unknown, path = ''): Agreement {
  const o = JsonObjectReader.of(value, path);
  const agreement: Writable<Agreement> = {
    id: o.string('id'),
    stipulates: o.optionalStringList('stipulates') ?? [],
    stipulatesReciprocal: o.optionalStringList('stipulatesReciprocal') ?? [],
  };
  strings(o, agreement, ['name', 'note']);
  const created = o.optionalDateTime('created');
  if (created !== undefined) agreement.created = created;
  const proposal = o.optionalReference('proposal');
  if (proposal !== undefined) agreement.proposal = proposal;
  return agreement;
}

/**
 * The former name of {@link readAgent}.
 *
 * @deprecated Use {@link readAgent}: a `read*` function throws a typed error naming the path, a
 *   `parse*` function returns a result (CONTRIBUTING.md, "Verbs").
 */
export const parseAgent: typeof readAgent = readAgent;

/**
 * The former name of {@link readResourceSpecification}.
 *
 * @deprecated Use {@link readResourceSpecification}: a `read*` function throws a typed error naming the path, a
 *   `parse*` function returns a result (CONTRIBUTING.md, "Verbs").
 */
export const parseResourceSpecification: typeof readResourceSpecification = readResourceSpecification;

/**
 * The former name of {@link readProcess}.
 *
 * @deprecated Use {@link readProcess}: a `read*` function throws a typed error naming the path, a
 *   `parse*` function returns a result (CONTRIBUTING.md, "Verbs").
 */
export const parseProcess: typeof readProcess = readProcess;

/**
 * The former name of {@link readCommitment}.
 *
 * @deprecated Use {@link readCommitment}: a `read*` function throws a typed error naming the path, a
 *   `parse*` function returns a result (CONTRIBUTING.md, "Verbs").
 */
export const parseCommitment: typeof readCommitment = readCommitment;

/**
 * The former name of {@link readClaim}.
 *
 * @deprecated Use {@link readClaim}: a `read*` function throws a typed error naming the path, a
 *   `parse*` function returns a result (CONTRIBUTING.md, "Verbs").
 */
export const parseClaim: typeof readClaim = readClaim;

/**
 * The former name of {@link readAgreement}.
 *
 * @deprecated Use {@link readAgreement}: a `read*` function throws a typed error naming the path, a
 *   `parse*` function returns a result (CONTRIBUTING.md, "Verbs").
 */
export const parseAgreement: typeof readAgreement = readAgreement;
