/**
 * Parsing of proposals (published offers and requests) and their intents from untrusted JSON.
 *
 * @module
 */
import { VfParseError } from '../errors/parse-error';
import type { Intent } from '../model/intent';
import type { Proposal, ProposalPurpose } from '../model/proposal';
import { JsonObjectReader, readJsonLines } from './json-reader';
import { readSpatialThing } from './parse-measure';
import { readPlannedFlow, readQuantity } from './parse-planned-flow';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Reads an intent (ValueFlows property names, references as ids or objects with an `id`).
 *
 * @param value - untrusted JSON
 * @param path - where it is
 * @param defaultId - identifier to use when the intent has none
 * @returns the intent
 * @throws {@link VfParseError} naming the path of the first bad field
 */
export function readIntent(value: unknown, path = '', defaultId?: string): Intent {
  const o = JsonObjectReader.of(value, path);
  const intent: Writable<Intent> = readPlannedFlow(o, defaultId);
  for (const key of ['name', 'image'] as const) {
    const v = o.optionalString(key);
    if (v !== undefined) intent[key] = v;
  }
  for (const key of ['availableQuantity', 'minimumQuantity'] as const) {
    const q = readQuantity(o, key);
    if (q !== undefined) intent[key] = q;
  }
  return intent;
}

function parsePurpose(o: JsonObjectReader): ProposalPurpose {
  const raw = o.optionalReference('purpose') ?? o.string('purpose');
  const local = raw.replace(/^https?:\/\/w3id\.org\/valueflows\/ont\/vf#/, '').replace(/^vf:/, '');
  if (local !== 'offer' && local !== 'request')
    throw new VfParseError(o.at('purpose'), 'expected offer or request');
  return local;
}

function intents(o: JsonObjectReader, key: 'publishes' | 'reciprocal', proposalId: string): Intent[] {
  if (!o.has(key)) return [];
  const v = o.value[key];
  const list = Array.isArray(v) ? v : [v];
  return list.map((item, i) =>
    readIntent(item, Array.isArray(v) ? `${o.at(key)}[${i}]` : o.at(key), `${proposalId}#${key}-${i}`),
  );
}

/**
 * Reads a proposal: `{ id, purpose: "offer" | "request", publishes: Intent | Intent[],
 * reciprocal?, unitBased?, eligibleLocation?, proposedTo?, proposer?, name?, note?, created?,
 * hasBeginning?, hasEnd? }`. Intents without an `id` get `<proposal id>#publishes-<i>` (or
 * `#reciprocal-<i>`).
 *
 * @param value - untrusted JSON
 * @param path - where it is (default: the root)
 * @returns the proposal
 * @throws {@link VfParseError} naming the path of the first bad field
 * @example
 * ```ts
 * readProposal({ id: 'p1', purpose: 'offer', proposer: 'group:garden',
 *   publishes: { action: 'transfer', resourceClassifiedAs: 'wd:Q10998',
 *                resourceQuantity: { hasNumericalValue: 20, hasUnit: 'kilogram' } } });
 * ```
 */
export function readProposal(value: unknown, path = ''): Proposal {
  const proposal = readProposalRecord(value, path);
  if (proposal.publishes.length === 0)
    throw new VfParseError(
      path ? `${path}.publishes` : 'publishes',
      'a proposal publishes at least one intent',
    );
  return proposal;
}

/**
 * Reads a proposal like {@link readProposal} but accepts one that publishes no intent yet (a
 * proposal being composed, as vf-graphql's `createProposal` then `proposeIntent` build it).
 *
 * @internal
 */
export function readProposalRecord(value: unknown, path = ''): Proposal {
  const o = JsonObjectReader.of(value, path);
  const id = o.string('id');
  const publishes = intents(o, 'publishes', id);
  const proposal: Writable<Proposal> = {
    id,
    purpose: parsePurpose(o),
    unitBased: o.optionalBoolean('unitBased') ?? false,
    publishes,
    reciprocal: intents(o, 'reciprocal', id),
  };
  for (const key of ['name', 'note'] as const) {
    const v = o.optionalString(key);
    if (v !== undefined) proposal[key] = v;
  }
  const proposer = o.optionalReference('proposer');
  if (proposer !== undefined) proposal.proposer = proposer;
  for (const key of ['created', 'hasBeginning', 'hasEnd'] as const) {
    const v = o.optionalDateTime(key);
    if (v !== undefined) proposal[key] = v;
  }
  if (o.has('eligibleLocation')) {
    proposal.eligibleLocation = readSpatialThing(o.value.eligibleLocation, o.at('eligibleLocation'));
  }
  const proposedTo = o.optionalStringList('proposedTo');
  if (proposedTo !== undefined) proposal.proposedTo = proposedTo;
  const scope = o.optionalStringList('inScopeOf');
  if (scope !== undefined) proposal.inScopeOf = scope;
  return proposal;
}

/**
 * Reads a JSON array of proposals, or JSON lines of proposals.
 *
 * @param text - file content
 * @returns the proposals
 * @throws {@link VfParseError} naming the element (`[3].publishes.action`) or line
 */
export function readProposalList(text: string): Proposal[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      throw new VfParseError('', 'not valid JSON');
    }
    return (json as unknown[]).map((p, i) => readProposal(p, `[${i}]`));
  }
  return readJsonLines(text, readProposal);
}

/**
 * The former name of {@link readIntent}.
 *
 * @deprecated Use {@link readIntent}: a `read*` function throws a typed error naming the path, a
 *   `parse*` function returns a result (CONTRIBUTING.md, "Verbs").
 */
export const parseIntent: typeof readIntent = readIntent;

/**
 * The former name of {@link readProposal}.
 *
 * @deprecated Use {@link readProposal}: a `read*` function throws a typed error naming the path, a
 *   `parse*` function returns a result (CONTRIBUTING.md, "Verbs").
 */
export const parseProposal: typeof readProposal = readProposal;

/**
 * The former name of {@link readProposalList}.
 *
 * @deprecated Use {@link readProposalList}: a `read*` function throws a typed error naming the path, a
 *   `parse*` function returns a result (CONTRIBUTING.md, "Verbs").
 */
export const parseProposalList: typeof readProposalList = readProposalList;
