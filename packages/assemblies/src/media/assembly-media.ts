/**
 * @module
 * A member's media in an assembly, in the browser, on `livekit-client`: joins the meeting's
 * LiveKit room with a token from the RTC authorisation service, plays what others publish,
 * publishes the microphone and camera while the SFU allows it (the floor, or the chair), and
 * reports who is heard. The client does not pre-judge its own permission: when the member asks
 * to speak, the request goes to the SFU, which is the one that enforces the turns; a refusal is
 * reported as such.
 */
import {
  createLocalAudioTrack,
  EngineEvent,
  LocalAudioTrack,
  type Participant,
  ParticipantEvent,
  type RemoteTrack,
  Room,
  RoomEvent,
  Track,
} from 'livekit-client';
import { MediaUnavailableError } from '../errors/media-unavailable-error';
import { userOfIdentity } from '../livekit-names';
import { type MediaTokenRequest, requestMediaToken } from './request-media-token';

/** A participant as the meeting view shows them. */
export interface MediaParticipant {
  readonly identity: string;
  /** The Matrix user (from the identity). */
  readonly userId: string | undefined;
  readonly isLocal: boolean;
  /** Currently detected as speaking by the SFU. */
  readonly speaking: boolean;
  /** Whether they publish sound now (and it is not muted). */
  readonly audio: boolean;
  /** Whether they publish a picture now. */
  readonly video: boolean;
  /** Whether the SFU lets them publish. */
  readonly mayPublish: boolean;
}

/** What asking to publish the microphone gave. */
export type PublishOutcome = 'published' | 'refused' | 'failed';

/** A joined assembly's media. */
export interface AssemblyMedia {
  /** The LiveKit room (for advanced uses). */
  readonly room: Room;
  /** Everyone connected, this member first. */
  participants(): MediaParticipant[];
  /** Asks the SFU to publish the microphone (and the camera), or stops publishing. */
  setMicrophone(on: boolean): Promise<PublishOutcome | 'stopped'>;
  /** Whether the member wants to be heard when allowed (the mute switch). */
  readonly wantsMicrophone: boolean;
  /** The last refusal by the SFU (cleared when a publish succeeds). */
  readonly refusedAt: number | undefined;
  /** Shows a participant's picture in a video element. */
  attachVideo(identity: string, element: HTMLVideoElement): void;
  /** Calls `listener` on every change; returns the unsubscribe function. */
  onChange(listener: () => void): () => void;
  /** Bytes of sound received so far from each participant (WebRTC `inbound-rtp`), by identity. */
  audioBytesReceived(): Promise<Map<string, number>>;
  leave(): Promise<void>;
}

/** `RequestResponse.Reason.OK` of the LiveKit protocol. */
const REQUEST_OK = 0;

function hasSource(participant: Participant, source: Track.Source): boolean {
  const publication = participant.getTrackPublication(source);
  return publication !== undefined && publication.track !== undefined && !publication.isMuted;
}

/**
 * Joins an assembly's media.
 *
 * @param request - the authorisation service, room, OpenID token and member.
 * @param options - `publish: false` to join as a silent listener; `fetch` to use.
 * @returns the media session.
 * @throws {@link MediaUnavailableError} when the token is refused or the SFU cannot be reached.
 */
export async function joinAssemblyMedia(
  request: MediaTokenRequest,
  options: { publish?: boolean; fetch?: typeof fetch } = {},
): Promise<AssemblyMedia> {
  const { url, jwt } = await requestMediaToken(request, options.fetch);
  const room = new Room({ adaptiveStream: false, dynacast: false });
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };
  const audioElements = new Map<string, HTMLMediaElement>();
  let wantsMicrophone = options.publish !== false;
  let refusedAt: number | undefined;

  const local = room.localParticipant;
  // The SFU decides (see the module comment): livekit-client's own check would refuse before
  // asking whenever its copy of the permission lags behind the floor.
  (local as unknown as { hasPermissionsToPublish(): boolean }).hasPermissionsToPublish = () => true;

  const mayPublish = () => local.permissions?.canPublish === true;
  let publishing: Promise<PublishOutcome> | undefined;
  const publish = (): Promise<PublishOutcome> => {
    publishing ??= (async () => {
      const refused = new Promise<PublishOutcome>((resolve) => {
        const onResponse = (response: { request: { case?: string }; reason: number }) => {
          if (response.request.case === 'addTrack' && response.reason !== REQUEST_OK) {
            room.engine.off(EngineEvent.SignalRequestResponse, onResponse as never);
            resolve('refused');
          }
        };
        room.engine.on(EngineEvent.SignalRequestResponse, onResponse as never);
      });
      const attempt = (async (): Promise<PublishOutcome> => {
        try {
          const existing = local.getTrackPublication(Track.Source.Microphone)?.track;
          const track = existing instanceof LocalAudioTrack ? existing : await createLocalAudioTrack();
          if (!existing) await local.publishTrack(track, { source: Track.Source.Microphone });
          else await existing.unmute();
          if (mayPublish()) await local.setCameraEnabled(true).catch(() => undefined);
          return 'published';
        } catch {
          return 'failed';
        }
      })();
      const outcome = await Promise.race([refused, attempt]);
      if (outcome === 'refused') refusedAt = Date.now();
      if (outcome === 'published') refusedAt = undefined;
      return outcome;
    })().finally(() => {
      publishing = undefined;
      changed();
    });
    return publishing;
  };

  const followPermission = () => {
    if (mayPublish() && wantsMicrophone && !hasSource(local, Track.Source.Microphone)) void publish();
    changed();
  };

  room
    .on(RoomEvent.TrackSubscribed, (track: RemoteTrack, _publication, participant) => {
      if (track.kind === Track.Kind.Audio) {
        const element = track.attach();
        element.setAttribute('data-identity', participant.identity);
        element.hidden = true;
        document.body.append(element);
        audioElements.set(track.sid ?? participant.identity, element);
      }
      changed();
    })
    .on(RoomEvent.TrackUnsubscribed, (track: RemoteTrack) => {
      for (const element of track.detach()) element.remove();
      changed();
    })
    .on(RoomEvent.ParticipantConnected, changed)
    .on(RoomEvent.ParticipantDisconnected, changed)
    .on(RoomEvent.TrackMuted, changed)
    .on(RoomEvent.TrackUnmuted, changed)
    .on(RoomEvent.TrackPublished, changed)
    .on(RoomEvent.TrackUnpublished, changed)
    .on(RoomEvent.LocalTrackPublished, changed)
    .on(RoomEvent.LocalTrackUnpublished, changed)
    .on(RoomEvent.ActiveSpeakersChanged, changed)
    .on(RoomEvent.ParticipantPermissionsChanged, changed);
  local.on(ParticipantEvent.ParticipantPermissionsChanged, followPermission);

  try {
    await room.connect(url, jwt, { autoSubscribe: true });
  } catch (cause) {
    throw new MediaUnavailableError('unreachable', 'the SFU could not be reached', { cause });
  }
  followPermission();

  const describe = (participant: Participant, isLocal: boolean): MediaParticipant => ({
    identity: participant.identity,
    userId: userOfIdentity(participant.identity),
    isLocal,
    speaking: participant.isSpeaking,
    audio: hasSource(participant, Track.Source.Microphone),
    video: hasSource(participant, Track.Source.Camera),
    mayPublish: participant.permissions?.canPublish === true,
  });

  return {
    room,
    participants() {
      return [
        describe(local, true),
        ...[...room.remoteParticipants.values()]
          .map((p) => describe(p, false))
          .sort((a, b) => a.identity.localeCompare(b.identity)),
      ];
    },
    get wantsMicrophone() {
      return wantsMicrophone;
    },
    get refusedAt() {
      return refusedAt;
    },
    async setMicrophone(on) {
      wantsMicrophone = on;
      if (!on) {
        await local.setMicrophoneEnabled(false).catch(() => undefined);
        await local.setCameraEnabled(false).catch(() => undefined);
        changed();
        return 'stopped';
      }
      return publish();
    },
    attachVideo(identity, element) {
      const participant = identity === local.identity ? local : room.remoteParticipants.get(identity);
      const track = participant?.getTrackPublication(Track.Source.Camera)?.track;
      if (track) track.attach(element);
      else element.srcObject = null;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async audioBytesReceived() {
      const bytes = new Map<string, number>();
      for (const participant of room.remoteParticipants.values()) {
        let total = 0;
        for (const publication of participant.audioTrackPublications.values()) {
          const report = await publication.track?.getRTCStatsReport();
          report?.forEach((stat: { type?: string; kind?: string; bytesReceived?: number }) => {
            if (stat.type === 'inbound-rtp' && stat.kind === 'audio') total += stat.bytesReceived ?? 0;
          });
        }
        bytes.set(participant.identity, total);
      }
      return bytes;
    },
    async leave() {
      listeners.clear();
      for (const element of audioElements.values()) element.remove();
      await room.disconnect();
    },
  };
}
