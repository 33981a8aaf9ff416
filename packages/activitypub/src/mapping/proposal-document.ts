/**
 * @module
 * A group's offer or need as the fediverse sees it: a FEP-0837 `Proposal` (from
 * @imago/valueflows' `proposalToFep0837`) attributed to the group's actor, addressed to the
 * public and the group's followers, with `audience` the group (FEP-1b12), stable intent IRIs
 * (`#primary`, `#reciprocal`, as FEP-0837's examples name them) and a readable `name` and HTML
 * `content`, so that servers that only know `Note` still show what is offered or asked.
 */
import { AS_PUBLIC, type Intent, type Measure, type Proposal, proposalToFep0837 } from '@imago/valueflows';

/** Where a proposal lives on the fediverse. */
export interface ProposalDocumentOptions {
  /** The proposal's IRI. */
  readonly id: string;
  /** The group actor's IRI (`attributedTo`, `audience`). */
  readonly actor: string;
  /** The group's followers collection (`cc`). */
  readonly followers: string;
  /** ISO 8601 publication time. */
  readonly published?: string;
}

/**
 * The IRI of an intent of a published proposal: `#primary`, `#primary-2`, …, `#reciprocal`, ….
 *
 * @param proposalIri - the proposal's IRI.
 * @param role - `primary` (a `publishes` intent) or `reciprocal`.
 * @param index - its position, from 0.
 * @returns the intent's IRI.
 */
export function intentIri(proposalIri: string, role: 'primary' | 'reciprocal', index: number): string {
  return `${proposalIri}#${role}${index === 0 ? '' : `-${index + 1}`}`;
}

/**
 * Finds which intent of a proposal an IRI names (the inverse of {@link intentIri}).
 *
 * @param iri - an intent IRI, e.g. the `satisfies` of a commitment.
 * @returns the proposal IRI, the role and the index, or `undefined` when it is not an intent IRI.
 */
export function readIntentIri(
  iri: string,
): { proposal: string; role: 'primary' | 'reciprocal'; index: number } | undefined {
  const match = /^(.+)#(primary|reciprocal)(?:-(\d{1,3}))?$/.exec(iri);
  if (!match) return undefined;
  const index = match[3] === undefined ? 0 : Number(match[3]) - 1;
  if (index < 1 && match[3] !== undefined) return undefined;
  return { proposal: match[1] as string, role: match[2] as 'primary' | 'reciprocal', index };
}

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function measureText(measure: Measure | undefined): string | undefined {
  return measure === undefined ? undefined : `${measure.hasNumericalValue} ${measure.hasUnit}`;
}

function intentText(intent: Intent): string {
  const what =
    intent.name ??
    intent.resourceInventoriedAs ??
    intent.resourceConformsTo ??
    intent.resourceClassifiedAs?.[0];
  const quantity = measureText(intent.resourceQuantity ?? intent.effortQuantity);
  return [intent.action, quantity, what].filter((part) => part !== undefined).join(' ');
}

/**
 * The readable text of a proposal, one line per part (title, note, what is offered or asked, what
 * is given or asked in return).
 *
 * @param proposal - the proposal.
 * @returns the lines.
 */
export function proposalText(proposal: Proposal): string[] {
  const offer = proposal.purpose === 'offer';
  const lines = [
    `${offer ? 'Offer' : 'Need'}: ${proposal.name ?? proposal.publishes.map(intentText).join(', ')}`,
  ];
  if (proposal.note) lines.push(proposal.note);
  lines.push(`${offer ? 'Offered' : 'Asked for'}: ${proposal.publishes.map(intentText).join('; ')}`);
  if (proposal.reciprocal.length > 0) {
    lines.push(
      `${offer ? 'In return' : 'Given in return'}: ${proposal.reciprocal.map(intentText).join('; ')}`,
    );
  }
  return lines;
}

/**
 * The FEP-0837 document of a group's proposal.
 *
 * @param proposal - the ValueFlows proposal (its `id` is the Matrix event id that carried it).
 * @param options - IRIs of the proposal, the group and its followers.
 * @returns the JSON-LD document, ready to be the `object` of a `Create`.
 * @example
 * ```ts
 * const document = proposalDocument(offer, { id: iri, actor: groupIri, followers: `${groupIri}/followers` });
 * document.content; // '<p>Offer: Cargo bike to lend</p>…'
 * ```
 */
export function proposalDocument(
  proposal: Proposal,
  options: ProposalDocumentOptions,
): Record<string, unknown> {
  const iris = new Map<string, string>([[proposal.id, options.id]]);
  proposal.publishes.forEach((intent, i) => {
    iris.set(intent.id, intentIri(options.id, 'primary', i));
  });
  proposal.reciprocal.forEach((intent, i) => {
    iris.set(intent.id, intentIri(options.id, 'reciprocal', i));
  });
  const document = proposalToFep0837(
    { ...proposal, proposer: options.actor },
    { actor: options.actor, iri: (local) => iris.get(local) ?? local, to: [AS_PUBLIC] },
  );
  const lines = proposalText(proposal);
  return {
    ...document,
    name: proposal.name ?? lines[0],
    content: lines.map((line) => `<p>${escapeHtml(line)}</p>`).join(''),
    mediaType: 'text/html',
    cc: [options.followers],
    audience: options.actor,
    ...(options.published ? { published: options.published } : {}),
  };
}
