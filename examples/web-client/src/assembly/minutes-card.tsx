/**
 * @module
 * The minutes: the chair closes the meeting (the floor is taken back, then the record is
 * posted as `org.imago.debate.minutes`); everyone sees the posted minutes and whether they say
 * what their own replay of the room says.
 */

import type { GovernanceState } from '@imago/governance';
import {
  type Assembly,
  assemblyMinutes,
  giveFloor,
  type MatrixClient,
  type MinutesContent,
  postMinutes,
} from '@imago/matrix-binding';
import { useEffect, useState } from 'preact/hooks';
import { clock } from './floor-card';

const OUTCOME_LABELS = {
  adopted: 'adopted',
  rejected: 'rejected',
  expired: 'expired',
  withdrawn: 'withdrawn',
  pending: 'vote still open',
} as const;

function MinutesView({ minutes, names }: { minutes: MinutesContent; names: (userId: string) => string }) {
  return (
    <>
      <h4>Speakers</h4>
      <ol aria-label="Turns">
        {minutes.turns.map((turn) => (
          <li key={`${turn.speaker}-${turn.since}`}>
            {names(turn.speaker)}
            {turn.slot && turn.slot !== 'turn' ? ` (${turn.slot.replace('-', ' ')})` : ''} —{' '}
            {clock(turn.duration)}
          </li>
        ))}
      </ol>
      <h4>Motions</h4>
      <ul aria-label="Motions">
        {minutes.motions.map((motion) => (
          <li key={motion.decision}>
            {motion.title}: {OUTCOME_LABELS[motion.outcome]}
            {motion.winners && motion.winners.length > 0 ? ` (${motion.winners.join(', ')})` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Props of {@link MinutesCard}. */
export interface MinutesCardProps {
  client: MatrixClient;
  roomId: string;
  assembly: Assembly;
  governance: GovernanceState;
  isChair: boolean;
  names: (userId: string) => string;
}

/** The meeting's minutes. */
export function MinutesCard({ client, roomId, assembly, governance, isChair, names }: MinutesCardProps) {
  const [closing, setClosing] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const posted = assembly.minutes.at(-1);
  // Once the floor is back (as every replay sees it), no turn is still running: the minutes
  // say the same to whoever replays the room.
  useEffect(() => {
    if (!closing || assembly.floor) return;
    setClosing(false);
    postMinutes(client, roomId, assemblyMinutes(assembly, governance, Date.now())).catch(() =>
      setError('The minutes were not posted. Try again.'),
    );
  }, [closing, assembly.floor]);
  const close = async () => {
    setError(undefined);
    if (assembly.floor) await giveFloor(client, roomId, null).catch(() => undefined);
    setClosing(true);
  };
  return (
    <section class="card stack" aria-labelledby="minutes-title">
      <h3 id="minutes-title">Minutes</h3>
      {posted ? (
        <section aria-label="Posted minutes">
          <p class={posted.faithful ? 'ok' : 'error'}>
            {posted.faithful
              ? 'Posted by the chair; they match this room’s history.'
              : 'Posted, but they do not match this room’s history.'}
          </p>
          <MinutesView minutes={posted.content} names={names} />
          {!posted.faithful && (
            <details>
              <summary>What this room’s history says</summary>
              <MinutesView minutes={posted.expected} names={names} />
            </details>
          )}
        </section>
      ) : (
        <p class="muted">The chair posts the minutes when the meeting closes.</p>
      )}
      {isChair && (
        <button type="button" class="secondary" disabled={closing} onClick={close}>
          Close the meeting and post the minutes
        </button>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}
