/**
 * @module
 * A group's chat: the room's messages (decrypted by the Rust crypto when the room is encrypted)
 * and a composer.
 */
import {
  EventType,
  KnownMembership,
  type MatrixClient,
  type MatrixEvent,
  MsgType,
} from '@imago/matrix-binding';
import { useState } from 'preact/hooks';
import { useClientVersion } from '../matrix/use-client-version';

/** Props of {@link ChatPanel}. */
export interface ChatPanelProps {
  client: MatrixClient;
  roomId: string;
}

interface ChatLine {
  id: string;
  sender: string;
  time: Date;
  body: string;
  undecryptable: boolean;
}

function chatLines(events: MatrixEvent[]): ChatLine[] {
  const lines: ChatLine[] = [];
  for (const event of events) {
    const undecryptable = event.isDecryptionFailure();
    if (event.getType() !== EventType.RoomMessage && !undecryptable && !event.isEncrypted()) continue;
    if (event.isEncrypted() && !undecryptable && event.getType() !== EventType.RoomMessage) continue;
    const body = event.getContent().body;
    if (!undecryptable && typeof body !== 'string') continue;
    lines.push({
      id: event.getId() ?? `${event.getTs()}`,
      sender: event.sender?.name ?? event.getSender() ?? '',
      time: new Date(event.getTs()),
      body: undecryptable ? 'This message could not be decrypted on this device.' : (body as string),
      undecryptable,
    });
  }
  return lines;
}

/** The chat of one room. */
export function ChatPanel({ client, roomId }: ChatPanelProps) {
  useClientVersion(client);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | undefined>();
  const room = client.getRoom(roomId);

  if (!room || room.getMyMembership() !== KnownMembership.Join) {
    return (
      <section aria-labelledby="chat-title">
        <h2 id="chat-title">Chat</h2>
        <p>You have not joined this group's chat yet.</p>
        <button
          type="button"
          onClick={() => client.joinRoom(roomId).catch(() => setError('Could not join the chat.'))}
        >
          Join the chat
        </button>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </section>
    );
  }

  const lines = chatLines(room.getLiveTimeline().getEvents());
  const encrypted = room.hasEncryptionStateEvent();

  const send = async (event: Event) => {
    event.preventDefault();
    const body = draft.trim();
    if (!body) return;
    setDraft('');
    setError(undefined);
    try {
      await client.sendEvent(roomId, EventType.RoomMessage, { msgtype: MsgType.Text, body });
    } catch {
      setDraft(body);
      setError('The message was not sent. Try again.');
    }
  };

  return (
    <section aria-labelledby="chat-title" class="chat">
      <h2 id="chat-title">
        Chat{' '}
        <span class={encrypted ? 'badge ok' : 'badge'}>
          {encrypted ? 'end-to-end encrypted' : 'not encrypted'}
        </span>
      </h2>
      <ol class="messages" aria-live="polite" aria-label="Messages">
        {lines.length === 0 && <li class="empty">No messages yet.</li>}
        {lines.map((line) => (
          <li key={line.id} class={line.undecryptable ? 'message undecryptable' : 'message'}>
            <span class="sender">{line.sender}</span>{' '}
            <time dateTime={line.time.toISOString()}>
              {line.time.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
            </time>
            <p class="body">{line.body}</p>
          </li>
        ))}
      </ol>
      <form class="composer" onSubmit={send}>
        <label for="chat-draft" class="visually-hidden">
          Message
        </label>
        <input
          id="chat-draft"
          name="message"
          autoComplete="off"
          placeholder="Write a message"
          value={draft}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <button type="submit">Send</button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
