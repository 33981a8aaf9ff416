/**
 * @module
 * Re-renders a component when the client's view of the world changes: new rooms, memberships,
 * timeline and state events, decryptions. Components then read what they need from the client's
 * in-memory rooms, so there is one source of truth.
 */
import {
  ClientEvent,
  type MatrixClient,
  MatrixEventEvent,
  RoomEvent,
  RoomStateEvent,
} from '@imago/matrix-binding';
import { useEffect, useState } from 'preact/hooks';

/**
 * @param client - the running client.
 * @returns a number that changes (at most once per animation frame) whenever the client's rooms change.
 */
export function useClientVersion(client: MatrixClient): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let frame = 0;
    const bump = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setVersion((v) => v + 1);
      });
    };
    const events = [
      ClientEvent.Room,
      ClientEvent.DeleteRoom,
      RoomEvent.Timeline,
      // A sent event's local echo gets its real id and status without a new timeline event.
      RoomEvent.LocalEchoUpdated,
      RoomEvent.TimelineReset,
      RoomEvent.MyMembership,
      RoomEvent.Name,
      RoomStateEvent.Events,
      MatrixEventEvent.Decrypted,
      // e.g. a voting credential sent privately by the group's service
      ClientEvent.ToDeviceEvent,
    ] as const;
    // The client re-emits room, state and event notifications; their listener types differ only
    // in arguments this hook ignores.
    const emitter = client as unknown as {
      on(name: string, listener: () => void): void;
      off(name: string, listener: () => void): void;
    };
    for (const name of events) emitter.on(name, bump);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      for (const name of events) emitter.off(name, bump);
    };
  }, [client]);
  return version;
}
