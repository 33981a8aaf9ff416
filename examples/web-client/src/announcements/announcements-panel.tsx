/**
 * @module
 * The announcements that reached a group: `org.imago.announcement` events in its announcements
 * room, each checked against its origin group (posted by that group's authority through its
 * rooms) and filtered by the group's own profile (kinds it accepts, groups it blocks) with
 * `@imago/matrix-binding`'s `receivedAnnouncements`, newest first, with their provenance; those
 * that fail the check (a forged origin, a blocked group) are listed for audit only. Only
 * announcements of groups the person knows (their spaces) can be checked, hence shown.
 */
import { type MatrixClient, receivedAnnouncements } from '@imago/matrix-binding';
import { AuditList } from '../app/audit-list';
import { type Group, readGroups } from '../groups/group';
import { useRoomFollower } from '../matrix/use-room-follower';

/** Kinds of announcement, for people. */
export const KIND_NAMES: Record<string, string> = {
  offer: 'Offer',
  need: 'Need',
  event: 'Event',
  'call-for-help': 'Call for help',
};

/** The announcements tab of a group. */
export function AnnouncementsPanel({ client, group }: { client: MatrixClient; group: Group }) {
  const { complete, log } = useRoomFollower(client, group.announcementsRoomId);
  if (!group.announcementsRoomId) return <p>This group has no announcements room.</p>;
  const known = readGroups(client);
  const names = new Map(known.map((g) => [g.id, g.name]));
  const checked = receivedAnnouncements(
    log,
    group.view.profile,
    known.map((g) => g.view),
  );
  const received = checked.announcements.slice().reverse();
  return (
    <section aria-labelledby="announcements-title">
      <h2 id="announcements-title">Announcements</h2>
      {!complete && <p role="status">Loading…</p>}
      {complete && received.length === 0 && <p>No announcement has reached this group yet.</p>}
      <ul class="plain-list" aria-label="Announcements received">
        {received.map(({ eventId, timestamp, announcement }) => (
          <li key={eventId}>
            <span class="badge">{KIND_NAMES[announcement.kind] ?? announcement.kind}</span>{' '}
            <strong>{announcement.title}</strong>{' '}
            <span class="muted">
              from{' '}
              {announcement.origin.group === group.id
                ? 'this group'
                : (names.get(announcement.origin.group) ?? announcement.origin.group)}
              ,{' '}
              <time dateTime={new Date(timestamp).toISOString()}>{new Date(timestamp).toLocaleString()}</time>
            </span>
            {announcement.body && <p>{announcement.body}</p>}
          </li>
        ))}
      </ul>
      <AuditList warnings={checked.warnings} what="announcements" one="announcement" />
    </section>
  );
}
