/**
 * @module
 * Room creators' power: from room version 12 (MSC4289) the creators of a room have unlimited power
 * and are not listed in `m.room.power_levels`.
 */
import type { RawMatrixEvent } from '../events/raw-matrix-event';

/**
 * The creators with unlimited power of a room, from its `m.room.create` event: the sender and
 * `additional_creators` from room version 12 on; none before.
 *
 * @param create - the raw `m.room.create` event.
 * @returns the privileged creators.
 */
export function roomCreators(create: RawMatrixEvent | undefined): string[] {
  const content = (create?.content ?? {}) as { room_version?: unknown; additional_creators?: unknown };
  const version = typeof content.room_version === 'string' ? content.room_version : '1';
  if (!/^\d+$/.test(version) || Number(version) < 12 || typeof create?.sender !== 'string') return [];
  const additional = Array.isArray(content.additional_creators)
    ? content.additional_creators.filter((id): id is string => typeof id === 'string')
    : [];
  return [create.sender, ...additional];
}
