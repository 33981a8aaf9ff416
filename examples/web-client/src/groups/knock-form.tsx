/**
 * @module
 * Asking to join a group one has found: a knock on its space (the group then decides, by its
 * control table, whether to admit). The requests one has sent and that wait for a decision are
 * listed; an accepted request comes back as an invitation.
 */
import { KnownMembership, knockOnGroup, type MatrixClient } from '@imago/matrix-binding';
import { useState } from 'preact/hooks';
import { FormMessage } from '../app/form-message';
import { useClientVersion } from '../matrix/use-client-version';

/** The form to ask to join a group, and the requests waiting for an answer. */
export function KnockForm({ client }: { client: MatrixClient }) {
  useClientVersion(client);
  const [address, setAddress] = useState('');
  const [server, setServer] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const waiting = client.getRooms().filter((room) => room.getMyMembership() === KnownMembership.Knock);

  const knock = async (event: Event) => {
    event.preventDefault();
    const target = address.trim();
    try {
      await knockOnGroup(client, target, {
        ...(server.trim() ? { via: [server.trim()] } : {}),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      setAddress('');
      setReason('');
      setMessage({ ok: true, text: 'Your request is sent: the group decides whether to admit you.' });
    } catch {
      setMessage({ ok: false, text: `${target} does not take requests from you.` });
    }
  };

  return (
    <section aria-labelledby="knock-title" class="card">
      <h2 id="knock-title">Ask to join a group</h2>
      <form class="stack" onSubmit={knock}>
        <label for="knock-address">Group address (space id or alias)</label>
        <input
          id="knock-address"
          required
          pattern="[!#].+"
          placeholder="!abc… or #jardin:example.org"
          value={address}
          onInput={(e) => setAddress(e.currentTarget.value)}
        />
        <label for="knock-server">Through server (optional)</label>
        <input
          id="knock-server"
          placeholder="example.org"
          value={server}
          onInput={(e) => setServer(e.currentTarget.value)}
        />
        <label for="knock-reason">A word to the group (optional)</label>
        <input
          id="knock-reason"
          maxLength={500}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
        <button type="submit">Ask to join</button>
      </form>
      <FormMessage message={message} />
      {waiting.length > 0 && (
        <ul class="plain-list" aria-label="Requests waiting for a decision">
          {waiting.map((room) => (
            <li key={room.roomId}>
              {room.name || room.roomId} <span class="badge">waiting for the group's decision</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
