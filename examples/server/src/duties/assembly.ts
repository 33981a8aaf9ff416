/**
 * @module
 * The assembly duty: for each group's debate room, replays the assembly (chairs from the
 * group's control table, the floor, the turns) and keeps the SFU's permissions in line with it —
 * when the floor moves or a speaker's time runs out, `updateParticipant` moves who may publish.
 * Tokens never carry the right to publish: {@link enforceAssemblies} runs every moment as well, so
 * that a participant who has just joined gets what the replay allows, and one who left the Matrix
 * room is removed from the SFU.
 */
import { mediaPermission, nextPermissionChange } from '@imago/assemblies';
import type { TokenService } from '@imago/assemblies/authorisation';
import type { GovernanceState } from '@imago/governance';
import { type Assembly, isJoined, logEvents, replayAssembly } from '@imago/matrix-binding';
import type { WatchedRoom } from '../service/room-watcher';
import { type DutyContext, groupMembers, groupOfRoom } from './duty-context';

/** What the duty keeps: the token service and the latest replay of each debate room. */
export interface AssemblyDesk {
  readonly tokens: TokenService;
  readonly assemblies: Map<string, Assembly>;
}

/** The decisions room of the group whose debate room this is, if it is one. */
export function decisionsRoomOfDebate(context: DutyContext, roomId: string): string | undefined {
  return groupOfRoom(context, roomId, 'debate')?.children.find((child) => child.role === 'decisions')?.roomId;
}

/**
 * Replays a debate room and moves the SFU's permissions with the floor.
 *
 * @param context - the duty context.
 * @param room - the debate room.
 * @param governance - the group's governance now (its control table names the chairs).
 * @param desk - the token service and the replays.
 */
export async function runAssemblyDuty(
  context: DutyContext,
  room: WatchedRoom,
  governance: GovernanceState | undefined,
  desk: AssemblyDesk,
): Promise<void> {
  const assembly = replayAssembly(logEvents(room.log), {
    ...(governance ? { governance } : {}),
    groups: groupMembers(context),
  });
  desk.assemblies.set(room.roomId, assembly);
  await enforceAssembly(context, desk, room.roomId, assembly);
  const next = nextPermissionChange(assembly, Date.now());
  if (next !== undefined) context.wakeAt(room.roomId, next);
}

async function enforceAssembly(
  context: DutyContext,
  desk: AssemblyDesk,
  roomId: string,
  assembly: Assembly,
): Promise<void> {
  const now = Date.now();
  try {
    const updates = await desk.tokens.enforce(
      roomId,
      (userId) => mediaPermission(assembly, userId, now),
      (userId) => isJoined(context.client, roomId, userId),
    );
    for (const update of updates) {
      const what =
        update.permission === null
          ? 'left the room: removed from the media server'
          : update.permission.canPublish
            ? 'may now speak'
            : 'no longer speaks';
      context.log.info('assembly', `${update.userId} ${what}`, { roomId });
    }
  } catch (error) {
    context.log.warn('assembly', `could not update the SFU's permissions: ${(error as Error).message}`, {
      roomId,
    });
  }
}

/**
 * Brings every assembly's SFU room in line with its latest replay (participants who joined since,
 * participants who left the Matrix room). The service runs it every moment.
 *
 * @param context - the duty context.
 * @param desk - the token service and the replays.
 */
export async function enforceAssemblies(context: DutyContext, desk: AssemblyDesk): Promise<void> {
  for (const [roomId, assembly] of desk.assemblies) await enforceAssembly(context, desk, roomId, assembly);
}

/**
 * Membership and permission of a user in a debate room, for the token service.
 *
 * @param context - the duty context.
 * @param desk - the replays.
 * @param roomId - the debate room.
 * @param userId - the user (checked by OpenID).
 * @returns whether they are joined, and their media permission now.
 */
export function authoriseMedia(context: DutyContext, desk: AssemblyDesk, roomId: string, userId: string) {
  const assembly = desk.assemblies.get(roomId);
  const joined = assembly !== undefined && isJoined(context.client, roomId, userId);
  return {
    joined,
    permission: mediaPermission(assembly ?? { chairs: [], floor: null }, userId, Date.now()),
  };
}
