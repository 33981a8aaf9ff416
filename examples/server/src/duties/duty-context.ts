/**
 * @module
 * What every duty of the service shares: the client, the configuration, the log, the watched
 * rooms and the groups known from their spaces.
 */
import type { GroupView, MatrixClient } from '@imago/matrix-binding';
import type { ServiceConfig } from '../service/config';
import type { ServiceLog } from '../service/log';
import type { RoomWatcher } from '../service/room-watcher';

/** The shared context of the duties. */
export interface DutyContext {
  readonly client: MatrixClient;
  readonly config: ServiceConfig;
  readonly log: ServiceLog;
  readonly watcher: RoomWatcher;
  /** Groups the service is in, by space id (refreshed when a space changes). */
  readonly groups: Map<string, GroupView>;
  /** Asks for a room to be handled again at a given time (deadlines). */
  wakeAt(roomId: string, at: number): void;
}

/** The group whose decisions (or other role) room this is, if any. */
export function groupOfRoom(context: DutyContext, roomId: string, role?: string): GroupView | undefined {
  for (const group of context.groups.values()) {
    if (
      group.children.some((child) => child.roomId === roomId && (role === undefined || child.role === role))
    )
      return group;
  }
  return undefined;
}

/** A readable name of a group (its profile name, else its space id). */
export function groupName(context: DutyContext, spaceId: string): string {
  return context.groups.get(spaceId)?.profile?.name ?? spaceId;
}

/** Joined members of each known group, for delegations to groups. */
export function groupMembers(context: DutyContext): Map<string, ReadonlySet<string>> {
  return new Map(
    [...context.groups.values()].map((group) => [group.spaceId, new Set(group.members.map((m) => m.userId))]),
  );
}
