/**
 * @module
 * The documents a group publishes, as served at their IRIs and as delivered: its proposals
 * (FEP-0837 `Proposal`) and announcements (`Note`), and the public `Create` that carries each to
 * its followers.
 */
import { PUBLIC_COLLECTION } from '@fedify/fedify/vocab';
import { announcementNote } from '../../mapping/announcement-note';
import { proposalDocument } from '../../mapping/proposal-document';
import type { BridgeIris } from '../bridge-iris';
import type { NoteRecord, ProposalRecord } from '../bridge-store';

/**
 * A published proposal's document.
 *
 * @param iris - the bridge's IRIs.
 * @param record - the proposal as the group published it.
 * @returns the `Proposal`.
 */
export function proposalDocumentOf(iris: BridgeIris, record: ProposalRecord): Record<string, unknown> {
  return proposalDocument(record.proposal, {
    id: iris.proposal(record.handle, record.eventId),
    actor: iris.actor(record.handle),
    followers: iris.followers(record.handle),
    published: record.published,
  });
}

/**
 * A published announcement's document.
 *
 * @param iris - the bridge's IRIs.
 * @param record - the announcement as the group published it.
 * @returns the `Note`.
 */
export function noteDocumentOf(iris: BridgeIris, record: NoteRecord): Record<string, unknown> {
  return announcementNote(record, {
    id: iris.note(record.handle, record.eventId),
    actor: iris.actor(record.handle),
    followers: iris.followers(record.handle),
    published: record.published,
  });
}

/**
 * The public `Create` of a document the group published (its id the document's with `/create`),
 * addressed to the public and the group's followers.
 *
 * @param iris - the bridge's IRIs.
 * @param handle - the group.
 * @param iri - the document's IRI.
 * @param document - the document, with its `@context`.
 * @param published - when it was published (ISO 8601).
 * @returns the activity.
 */
export function createActivity(
  iris: BridgeIris,
  handle: string,
  iri: string,
  document: Record<string, unknown>,
  published: string,
): Record<string, unknown> {
  const { '@context': context, ...object } = document;
  return {
    '@context': context,
    id: `${iri}/create`,
    type: 'Create',
    actor: iris.actor(handle),
    object,
    to: [PUBLIC_COLLECTION.href],
    cc: [iris.followers(handle)],
    published,
  };
}
