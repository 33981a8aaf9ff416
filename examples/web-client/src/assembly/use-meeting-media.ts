/**
 * @module
 * Joining a meeting: the member's MatrixRTC membership in the debate room (so that Element Call
 * and other MatrixRTC clients see them, and their raised hand can be a reaction on it), and the
 * meeting's media through the transport the homeserver advertises (MSC4143) and the RTC
 * authorisation service it names (MSC4195 `get_token` with an OpenID token).
 */
import { type AssemblyMedia, joinAssemblyMedia, type MediaParticipant } from '@imago/assemblies/media';
import {
  joinDebateSession,
  type MatrixClient,
  requestOpenIdToken,
  rtcTransports,
} from '@imago/matrix-binding';
import { useEffect, useRef, useState } from 'preact/hooks';

/** Where the member is in joining the meeting. */
export type MeetingStatus =
  | { state: 'outside' }
  | { state: 'joining' }
  | { state: 'joined'; media: AssemblyMedia }
  | { state: 'failed'; reason: string };

/** The meeting's media as the view uses it. */
export interface MeetingMedia {
  status: MeetingStatus;
  participants: MediaParticipant[];
  /** Bytes of sound received from each participant, by identity (refreshed every second). */
  bytesReceived: ReadonlyMap<string, number>;
  join(): Promise<void>;
  leave(): Promise<void>;
}

/**
 * @param client - the running client.
 * @param roomId - the debate room.
 * @returns the media state and the join and leave actions.
 */
export function useMeetingMedia(client: MatrixClient, roomId: string): MeetingMedia {
  const [status, setStatus] = useState<MeetingStatus>({ state: 'outside' });
  const [version, setVersion] = useState(0);
  const [bytesReceived, setBytes] = useState<ReadonlyMap<string, number>>(new Map());
  const session = useRef<{ leaveRoomSession(): Promise<boolean> } | undefined>(undefined);

  const join = async () => {
    setStatus({ state: 'joining' });
    try {
      const transport = (await rtcTransports(client)).find(
        (t) => t.type === 'livekit' && typeof t.livekit_service_url === 'string',
      );
      if (!transport) {
        setStatus({
          state: 'failed',
          reason: 'this homeserver advertises no meeting media (MatrixRTC transport)',
        });
        return;
      }
      const serviceUrl = transport.livekit_service_url as string;
      session.current = joinDebateSession(client, roomId, {
        type: 'livekit',
        livekit_service_url: serviceUrl,
        livekit_alias: roomId,
      });
      const media = await joinAssemblyMedia({
        serviceUrl,
        roomId,
        openIdToken: await requestOpenIdToken(client),
        userId: client.getSafeUserId(),
        deviceId: client.getDeviceId() ?? 'unknown',
      });
      media.onChange(() => setVersion((v) => v + 1));
      setStatus({ state: 'joined', media });
    } catch (error) {
      setStatus({
        state: 'failed',
        reason: (error as { reason?: string }).reason ?? 'the media could not be joined',
      });
    }
  };

  const leave = async () => {
    // Leaving never fails for the member: a session the SFU already dropped is left anyway.
    if (status.state === 'joined') await status.media.leave().catch(() => undefined);
    await session.current?.leaveRoomSession().catch(() => false);
    session.current = undefined;
    setStatus({ state: 'outside' });
  };

  useEffect(() => {
    if (status.state !== 'joined') return;
    const timer = setInterval(() => {
      status.media.audioBytesReceived().then(setBytes, () => undefined);
    }, 1_000);
    return () => clearInterval(timer);
  }, [status]);

  // Leaving the view leaves the meeting.
  const joined = useRef<AssemblyMedia | undefined>(undefined);
  joined.current = status.state === 'joined' ? status.media : undefined;
  useEffect(
    () => () => {
      void joined.current?.leave().catch(() => undefined);
      void session.current?.leaveRoomSession().catch(() => false);
    },
    [],
  );

  void version;
  return {
    status,
    participants: status.state === 'joined' ? status.media.participants() : [],
    bytesReceived,
    join,
    leave,
  };
}
