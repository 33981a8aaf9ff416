/**
 * Where an event is, as verification issues name it: its index in the chain, its type and payload.
 *
 * @module
 */
import type { ArchiveEvent } from '../../archive/archive';

/**
 * `event 4 (Ballot, payload …)`.
 * @param event - the event
 * @param index - its index in the event chain
 * @returns the location
 */
export function eventLocation(event: ArchiveEvent, index: number): string {
  return `event ${index} (${event.type}${event.payload ? `, payload ${event.payload}` : ''})`;
}
