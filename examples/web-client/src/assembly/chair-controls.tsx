/**
 * @module
 * What the chair does: give the floor (for a turn, a point of order or a direct reply, with a
 * speaking time) and take it back. The chairs are named by the group's control table; anyone
 * else's floor event has no effect on any member's replay nor on the media server.
 */
import { type Assembly, giveFloor, type MatrixClient, type SpeakingSlot } from '@imago/matrix-binding';
import { useState } from 'preact/hooks';

/** Props of {@link ChairControls}. */
export interface ChairControlsProps {
  client: MatrixClient;
  roomId: string;
  assembly: Assembly;
  /** Members who may be given the floor. */
  members: readonly { userId: string; name: string }[];
}

/** Default speaking time of each slot, in minutes. */
export const SLOT_MINUTES: Record<SpeakingSlot, number> = { turn: 3, 'direct-reply': 1, 'point-of-order': 1 };

/** Gives the floor to a member for a slot with its default time. */
export function giveFloorFor(
  client: MatrixClient,
  roomId: string,
  userId: string,
  slot: SpeakingSlot,
  minutes = SLOT_MINUTES[slot],
): Promise<string> {
  return giveFloor(client, roomId, userId, Math.round(minutes * 60_000), slot);
}

/** The chair's controls. */
export function ChairControls({ client, roomId, assembly, members }: ChairControlsProps) {
  const [speaker, setSpeaker] = useState('');
  const [minutes, setMinutes] = useState(String(SLOT_MINUTES.turn));
  const [error, setError] = useState<string | undefined>();
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    try {
      await giveFloorFor(client, roomId, speaker, 'turn', Number(minutes) || SLOT_MINUTES.turn);
    } catch {
      setError('The floor was not given. Try again.');
    }
  };
  const takeBack = () => {
    setError(undefined);
    giveFloor(client, roomId, null).catch(() => setError('The floor was not taken back. Try again.'));
  };
  return (
    <form class="card stack" aria-labelledby="chair-title" onSubmit={submit}>
      <h3 id="chair-title">Chair</h3>
      <label for="floor-speaker">Give the floor to</label>
      <select id="floor-speaker" required value={speaker} onChange={(e) => setSpeaker(e.currentTarget.value)}>
        <option value="">Choose a member</option>
        {members.map((member) => (
          <option key={member.userId} value={member.userId}>
            {member.name}
          </option>
        ))}
      </select>
      <label for="floor-minutes">Speaking time (minutes)</label>
      <input
        id="floor-minutes"
        type="number"
        min="0.1"
        step="0.1"
        value={minutes}
        onInput={(e) => setMinutes(e.currentTarget.value)}
      />
      <div class="row">
        <button type="submit" disabled={!speaker}>
          Give the floor
        </button>
        {assembly.floor && (
          <button type="button" class="secondary" onClick={takeBack}>
            Take the floor back
          </button>
        )}
      </div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </form>
  );
}
