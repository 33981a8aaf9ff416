/**
 * @module
 * A group's members (the space's joined and invited members) and its admission: one joins a group
 * by a decision of the group (see {@link AdmissionPanel}), never by an invitation alone.
 */
import { KnownMembership, type MatrixClient } from '@imago/matrix-binding';
import { useClientVersion } from '../matrix/use-client-version';
import { AdmissionPanel } from './admission-panel';
import { readGroup } from './group';

/** Props of {@link MembersPanel}. */
export interface MembersPanelProps {
  client: MatrixClient;
  groupId: string;
}

/** Members of a group, and admission. */
export function MembersPanel({ client, groupId }: MembersPanelProps) {
  useClientVersion(client);
  const space = client.getRoom(groupId);
  const members = (space?.getMembers() ?? [])
    .filter((m) => m.membership === KnownMembership.Join || m.membership === KnownMembership.Invite)
    .sort((a, b) => a.name.localeCompare(b.name));

  return (
    <>
      <section aria-labelledby="members-title">
        <h2 id="members-title">Members</h2>
        <ul class="plain-list">
          {members.map((member) => (
            <li key={member.userId}>
              {member.name} <span class="muted">{member.userId}</span>
              {member.membership === KnownMembership.Invite && <span class="badge">invited</span>}
              {member.powerLevel >= 100 && <span class="badge">administrator</span>}
            </li>
          ))}
        </ul>
      </section>
      {space && <AdmissionPanel client={client} group={readGroup(space)} />}
    </>
  );
}
