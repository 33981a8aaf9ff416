/**
 * @module
 * A group's announcement (`org.imago.announcement`: an offer, a need, an event…) that carries no
 * ValueFlows proposal, as the fediverse sees it: a `Note` attributed to the group's actor, with
 * the announcement's title as `name` and its text as HTML `content`, addressed to the public and
 * the group's followers, `audience` the group (FEP-1b12). Announcements that carry a proposal go
 * out as FEP-0837 `Proposal`s instead ({@link proposalDocument}).
 */
import { AS_PUBLIC } from '@imago/valueflows';
import { escapeHtml, type ProposalDocumentOptions } from './proposal-document';

/** What of an announcement goes out. */
export interface AnnouncementText {
  /** `offer`, `need`, `event`… */
  readonly kind: string;
  readonly title: string;
  readonly body?: string;
}

const KIND_WORDS: Record<string, string> = { offer: 'Offer', need: 'Need', request: 'Need', event: 'Event' };

/**
 * The `Note` of a group's announcement.
 *
 * @param announcement - its kind, title and text.
 * @param options - IRIs of the note, the group and its followers; publication time.
 * @returns the JSON-LD document, ready to be the `object` of a `Create`.
 * @example
 * ```ts
 * announcementNote({ kind: 'need', title: 'A sewing machine' }, { id, actor, followers }).content;
 * // '<p>Need: A sewing machine</p>'
 * ```
 */
export function announcementNote(
  announcement: AnnouncementText,
  options: ProposalDocumentOptions,
): Record<string, unknown> {
  const word = KIND_WORDS[announcement.kind] ?? announcement.kind;
  const paragraphs = [
    `${word}: ${announcement.title}`,
    ...(announcement.body ?? '').split(/\n{2,}/).filter((p) => p.trim() !== ''),
  ];
  return {
    '@context': 'https://www.w3.org/ns/activitystreams',
    id: options.id,
    type: 'Note',
    attributedTo: options.actor,
    name: announcement.title,
    content: paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join(''),
    mediaType: 'text/html',
    to: [AS_PUBLIC],
    cc: [options.followers],
    audience: options.actor,
    ...(options.published ? { published: options.published } : {}),
  };
}
