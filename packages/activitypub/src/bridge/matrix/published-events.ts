/**
 * @module
 * What a group publishes from Matrix: a proposal (`org.imago.vf.proposal`) or an announcement
 * (`org.imago.announcement`) in the group's chat or announcements room is the group's when one of
 * its moderators (its attributedTo) posts it; an announcement must be the group's own original
 * (its origin this group and room, not a copy delivered from another group). A proposal, or an
 * announcement carrying one, goes out as a FEP-0837 `Proposal`; another announcement as a `Note`.
 */
import { parseImagoEvent, type RawMatrixEvent } from '@imago/matrix-binding';
import { type Proposal, readProposal } from '@imago/valueflows';
import { proposalText } from '../../mapping/proposal-document';
import { describeError } from '../bridge-log';
import type { BridgeParts } from '../bridge-parts';
import type { NoteRecord, ProposalRecord } from '../bridge-store';
import { createActivity, noteDocumentOf, proposalDocumentOf } from '../outbox/group-documents';
import { moderatorsOf, readGroup } from './group-rooms';

/**
 * Publishes a proposal or an announcement of the group, once.
 *
 * @param parts - the bridge.
 * @param spaceId - the group's space.
 * @param roomId - the room of the event.
 * @param event - the event as the homeserver sent it.
 * @returns when it is published (and its delivery under way), or ignored.
 */
export async function publishEvent(
  parts: BridgeParts,
  spaceId: string,
  roomId: string,
  event: RawMatrixEvent,
): Promise<void> {
  const { store, log, iris } = parts;
  const group = await store.groupOfSpace(spaceId);
  if (group === undefined) return;
  if (roomId !== group.chat && roomId !== group.announcements) return;
  const parsed = parseImagoEvent(event, { roomId });
  if (parsed.status !== 'event') return;
  const { eventId, sender, timestamp } = parsed.event;
  if (parsed.event.kind !== 'valueflows' && parsed.event.kind !== 'announcement') return;
  const announcement = parsed.event.kind === 'announcement' ? parsed.event.content : undefined;
  if (
    announcement !== undefined &&
    (announcement.origin.group !== spaceId ||
      announcement.origin.room !== roomId ||
      announcement.origin.event !== undefined)
  ) {
    log('info', 'announcement-relayed', { eventId, origin: announcement.origin.group });
    return;
  }
  const view = await readGroup(parts.bot, spaceId);
  if (!moderatorsOf(view).includes(sender)) {
    log('warn', 'proposal-not-from-moderator', { eventId, sender });
    return;
  }
  const published = new Date(timestamp).toISOString();
  const content = announcement === undefined ? parsed.event.content : announcement.payload;
  let proposal: Proposal | undefined;
  if (content !== undefined) {
    try {
      proposal = readProposal({ ...content, id: eventId }, 'content');
    } catch (error) {
      log('warn', 'proposal-malformed', { eventId, ...describeError(error) });
      if (announcement === undefined) return;
    }
  }
  if (proposal !== undefined) {
    await publishProposal(parts, { handle: group.handle, roomId, eventId, proposal, published });
    return;
  }
  if (announcement === undefined || (await store.note(group.handle, eventId)) !== undefined) return;
  const record: NoteRecord = {
    handle: group.handle,
    roomId,
    eventId,
    kind: announcement.kind,
    title: announcement.title,
    ...(announcement.body !== undefined ? { body: announcement.body } : {}),
    published,
  };
  await store.saveNote(record);
  const note = noteDocumentOf(iris, record);
  parts.outbox.send(
    group.handle,
    createActivity(iris, group.handle, iris.note(group.handle, eventId), note, published),
  );
  log('info', 'announcement-published', { handle: group.handle, eventId, kind: record.kind });
}

async function publishProposal(parts: BridgeParts, record: ProposalRecord): Promise<void> {
  const { store, iris } = parts;
  if ((await store.proposal(record.handle, record.eventId)) !== undefined) return;
  await store.saveProposal(record);
  const document = proposalDocumentOf(iris, record);
  const iri = iris.proposal(record.handle, record.eventId);
  parts.outbox.send(record.handle, createActivity(iris, record.handle, iri, document, record.published));
  parts.log('info', 'proposal-published', {
    handle: record.handle,
    eventId: record.eventId,
    text: proposalText(record.proposal)[0],
  });
}
