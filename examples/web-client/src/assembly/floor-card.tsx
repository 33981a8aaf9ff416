/**
 * @module
 * The floor and the queue: who speaks, the time left (a visible timer), the raised hands in the
 * order the chair serves them (points of order, direct replies, turns), and the member's own
 * requests. A hand raised from Element Call (a 🖐️ reaction on the membership) is in the same queue.
 */
import { type Assembly, type MatrixClient, requestToSpeak, type SpeakingSlot } from '@imago/matrix-binding';
import { useState } from 'preact/hooks';

const SLOT_LABELS: Record<SpeakingSlot, string> = {
  'point-of-order': 'Point of order',
  'direct-reply': 'Direct reply',
  turn: 'Turn',
};

/** `m:ss`. */
export function clock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Props of {@link FloorCard}. */
export interface FloorCardProps {
  client: MatrixClient;
  roomId: string;
  assembly: Assembly;
  now: number;
  names: (userId: string) => string;
  /** Rendered beside each hand (the chair's "give the floor"). */
  handAction?: (userId: string, slot: SpeakingSlot) => preact.ComponentChildren;
}

/** The floor, its timer and the queue. */
export function FloorCard({ client, roomId, assembly, now, names, handAction }: FloorCardProps) {
  const [message, setMessage] = useState<string | undefined>();
  const me = client.getSafeUserId();
  const floor = assembly.floor;
  const left = floor?.endsAt === undefined ? undefined : floor.endsAt - now;
  const mine = assembly.queue.find((hand) => hand.userId === me);
  const ask = async (slot: SpeakingSlot) => {
    setMessage(undefined);
    try {
      await requestToSpeak(client, roomId, slot);
      setMessage(`${SLOT_LABELS[slot]} requested.`);
    } catch {
      setMessage('The request was not sent. Try again.');
    }
  };
  return (
    <section class="card stack" aria-labelledby="floor-title">
      <h3 id="floor-title">Floor</h3>
      {/* The live region says who has the floor, and once that the time is up; the ticking timer
          is a separate timer role, which assistive technologies do not announce every second. */}
      <p role="status" aria-live="polite" class="floor">
        {floor ? (
          <>
            <strong>{names(floor.speaker)}</strong> has the floor
            {floor.slot && floor.slot !== 'turn' ? ` (${SLOT_LABELS[floor.slot].toLowerCase()})` : ''}
            {left !== undefined && left < 0 && (
              <>
                {' '}
                — <span class="error">time is up</span>
              </>
            )}
          </>
        ) : (
          'Nobody has the floor.'
        )}
      </p>
      {left !== undefined && left >= 0 && (
        <p role="timer" aria-label="Time left to speak" class="floor">
          {clock(left)} left
        </p>
      )}
      <h4>Queue</h4>
      {assembly.queue.length === 0 ? (
        <p class="muted">No hand raised.</p>
      ) : (
        <ol aria-label="Speaking queue">
          {assembly.queue.map((hand) => (
            <li key={hand.userId}>
              {names(hand.userId)} <span class="badge">{SLOT_LABELS[hand.slot ?? 'turn']}</span>{' '}
              {handAction?.(hand.userId, hand.slot ?? 'turn')}
            </li>
          ))}
        </ol>
      )}
      <div class="row">
        {mine ? (
          <p class="muted">Your hand is raised.</p>
        ) : (
          (['turn', 'direct-reply', 'point-of-order'] as const).map((slot) => (
            <button key={slot} type="button" class="secondary" onClick={() => ask(slot)}>
              {slot === 'turn' ? 'Ask to speak' : SLOT_LABELS[slot]}
            </button>
          ))
        )}
      </div>
      {message && <p class="muted">{message}</p>}
    </section>
  );
}
