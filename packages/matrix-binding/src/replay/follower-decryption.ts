/**
 * @module
 * A follower's decryption of encrypted events. Each is placed held in the {@link FollowedLog}; its
 * decryption, now or when its key comes later, replaces its undecryptable form, and an event that
 * still fails stays watched while its key may come. An event read again (a page overlapping what
 * is placed) that is already decrypted is left alone.
 */
import { type MatrixEvent, MatrixEventEvent } from 'matrix-js-sdk';
import { type RawMatrixEvent, toRawEvent } from '../events/raw-matrix-event';
import type { FollowerSession } from './follower-session';
import { eventIdOf, isRedacted } from './served-event';

/** @internal The decryptions under way of one follower. */
export interface FollowerDecryption {
  /** Starts decrypting the encrypted events of a run: their ids, held, and when all have ended. */
  decrypt(events: readonly RawMatrixEvent[]): { ids: string[]; done: Promise<void> };
  /** Stops watching for late keys. */
  stop(): void;
}

/** @internal The decryption of a follower's events (nothing when the client has no crypto). */
export function followerDecryption(session: FollowerSession): FollowerDecryption {
  const { client, roomId, followed } = session;
  const decrypting = new Map<string, MatrixEvent>();
  const mapper = client.getEventMapper({ decrypt: false });
  const crypto = client.getCrypto() !== undefined;
  // Encrypted events are placed held; each decryption (now or when its key comes) updates them.
  const decrypt = (events: readonly RawMatrixEvent[]): { ids: string[]; done: Promise<void> } => {
    const ids: string[] = [];
    const waits: Promise<void>[] = [];
    if (!crypto) return { ids, done: Promise.resolve() };
    for (const raw of events) {
      const id = eventIdOf(raw);
      if (raw.type !== 'm.room.encrypted' || id === undefined || isRedacted(raw) || decrypting.has(id))
        continue;
      // Read again (a page overlapping what is placed): already decrypted.
      const placed = followed.timeline.positionOf(id);
      if (placed !== undefined && followed.timeline.at(placed)?.type !== 'm.room.encrypted') continue;
      const event = mapper({ ...(raw as object), room_id: roomId } as never);
      decrypting.set(id, event);
      ids.push(id);
      const settle = () => {
        if (session.stopped || event.isBeingDecrypted()) return;
        const failed = event.isDecryptionFailure();
        // Kept only while it may still be decrypted (its key may come later).
        if (!failed) {
          event.off(MatrixEventEvent.Decrypted, settle);
          decrypting.delete(id);
        }
        session.changed(followed.decrypted(id, failed ? undefined : toRawEvent(event)));
      };
      event.on(MatrixEventEvent.Decrypted, settle);
      waits.push(
        client
          .decryptEventIfNeeded(event)
          .catch(() => undefined)
          .then(settle),
      );
    }
    return { ids, done: Promise.all(waits).then(() => undefined) };
  };
  return {
    decrypt,
    stop: () => {
      for (const event of decrypting.values()) event.removeAllListeners(MatrixEventEvent.Decrypted);
    },
  };
}
