/**
 * @module
 * A group's members (the space's joined and invited members) and the form to invite someone.
 */
import { KnownMembership, type MatrixClient } from '@imago/matrix-binding';
import { useState } from 'preact/hooks';
import { useClientVersion } from '../matrix/use-client-version';

/** Props of {@link MembersPanel}. */
export interface MembersPanelProps {
  client: MatrixClient;
  groupId: string;
}

/** Members of a group, and invitations. */
export function MembersPanel({ client, groupId }: MembersPanelProps) {
  useClientVersion(client);
  const [invitee, setInvitee] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const space = client.getRoom(groupId);
  const members = (space?.getMembers() ?? [])
    .filter((m) => m.membership === KnownMembership.Join || m.membership === KnownMembership.Invite)
    .sort((a, b) => a.name.localeCompare(b.name));

  const invite = async (event: Event) => {
    event.preventDefault();
    const userId = invitee.trim();
    try {
      await client.invite(groupId, userId);
      // Also to the group's rooms: a restricted room admits the space's members, but services
      // (and some clients) only join rooms they are invited to.
      for (const child of space?.currentState.getStateEvents('m.space.child') ?? []) {
        const roomId = child.getStateKey();
        if (roomId && client.getRoom(roomId)) await client.invite(roomId, userId).catch(() => undefined);
      }
      setInvitee('');
      setMessage({ ok: true, text: `${userId} is invited.` });
    } catch {
      setMessage({ ok: false, text: `${userId} could not be invited.` });
    }
  };

  return (
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
      <form class="inline-form" onSubmit={invite}>
        <label for="invitee">Invite (Matrix user id)</label>
        <input
          id="invitee"
          name="invitee"
          required
          pattern="@[^:]+:.+"
          placeholder="@someone:example.org"
          value={invitee}
          onInput={(e) => setInvitee(e.currentTarget.value)}
        />
        <button type="submit">Invite</button>
      </form>
      {message && (
        <p class={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
