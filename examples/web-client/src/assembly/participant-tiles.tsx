/**
 * @module
 * The meeting's tiles: one per connected participant, with their picture when they publish one,
 * whether they are heard, muted or only listening, and the sound received from them.
 */
import type { AssemblyMedia, MediaParticipant } from '@imago/assemblies/media';
import { useEffect, useRef } from 'preact/hooks';

function Tile({
  participant,
  media,
  name,
  bytes,
}: {
  participant: MediaParticipant;
  media: AssemblyMedia;
  name: string;
  bytes: number | undefined;
}) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current) media.attachVideo(participant.identity, video.current);
  }, [participant.identity, participant.video, media]);
  const sound = participant.audio ? (participant.speaking ? 'speaking' : 'microphone on') : 'microphone off';
  return (
    <li
      class={`tile${participant.speaking ? ' speaking' : ''}`}
      aria-label={`${name}${participant.isLocal ? ' (you)' : ''}: ${sound}`}
      data-user-id={participant.userId}
    >
      {participant.video ? (
        <video ref={video} autoplay muted playsInline title={`${name}’s camera`} />
      ) : (
        <div class="tile-initial" aria-hidden="true">
          {name.replace(/^@/, '').slice(0, 1).toUpperCase()}
        </div>
      )}
      <p class="tile-name">
        {name}
        {participant.isLocal ? ' (you)' : ''}
      </p>
      <p class="muted tile-state">
        {sound}
        {participant.mayPublish ? '' : ' · listening'}
      </p>
      {!participant.isLocal && (
        <p class="muted tile-bytes" data-bytes-received={bytes ?? 0}>
          Sound received: {((bytes ?? 0) / 1000).toFixed(1)} kB
        </p>
      )}
    </li>
  );
}

/** Props of {@link ParticipantTiles}. */
export interface ParticipantTilesProps {
  media: AssemblyMedia;
  participants: readonly MediaParticipant[];
  bytesReceived: ReadonlyMap<string, number>;
  names: (userId: string) => string;
}

/** The tiles of everyone connected. */
export function ParticipantTiles({ media, participants, bytesReceived, names }: ParticipantTilesProps) {
  return (
    <ul class="tiles" aria-label="Participants">
      {participants.map((participant) => (
        <Tile
          key={participant.identity}
          participant={participant}
          media={media}
          name={names(participant.userId ?? participant.identity)}
          bytes={bytesReceived.get(participant.identity)}
        />
      ))}
    </ul>
  );
}
