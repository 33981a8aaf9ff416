/**
 * @module
 * Creates a group with `@imago/matrix-binding` (a space with a chat room, a decisions room and an
 * announcements room),
 * encrypts its chat end to end, and sets its initial control table
 * (`org.imago.governance.init` in the decisions room).
 *
 * The decisions room stays unencrypted: every member, and any auditor or service acting for the
 * group, must be able to replay its decisions; secret ballots are encrypted by Helios-C instead.
 */
import {
  createGroup as createSpace,
  initControlTable,
  joinGroupBySpace,
  type MatrixClient,
  sendState,
} from '@imago/matrix-binding';
import { type DecisionRuleChoice, initialControlTable } from '../governance/initial-control-table';

/** What the person fills in to create a group. */
export interface NewGroup {
  name: string;
  description: string;
  /** Encrypt the chat room (default `true`). */
  encryptedChat?: boolean;
  /** Space of a parent group: the new group becomes its sub-group. */
  parentId?: string;
  /** How the group decides at first. */
  rule: DecisionRuleChoice;
  /**
   * A service account that acts for the group beside its creator: it closes decisions, runs
   * secret ballots and speaks for the group (it becomes part of the group's authority, invited).
   */
  service?: string;
}

/**
 * @param client - the running client.
 * @param group - name, description, encryption, parent, decision rule.
 * @returns the space id and the room id of each role.
 */
export async function createGroup(
  client: MatrixClient,
  group: NewGroup,
): Promise<{ spaceId: string; chatRoomId: string; decisionsRoomId: string }> {
  const me = client.getSafeUserId();
  const created = await createSpace(client, {
    profile: { name: group.name, ...(group.description ? { description: group.description } : {}) },
    rooms: ['chat', 'decisions', 'announcements', 'debate'],
    // Anyone may ask to join (knock); the group admits by decision. A sub-group admits its
    // parent's members.
    ...(group.parentId ? { parent: group.parentId, joinRule: 'restricted' as const } : {}),
    ...(group.service ? { authority: [me, group.service], invite: [group.service] } : {}),
  });
  const chatRoomId = created.rooms.chat as string;
  const decisionsRoomId = created.rooms.decisions as string;
  if (group.encryptedChat !== false) {
    await sendState(client, chatRoomId, 'm.room.encryption', '', { algorithm: 'm.megolm.v1.aes-sha2' });
  }
  await initControlTable(client, decisionsRoomId, initialControlTable(group.rule, me), created.authority);
  return { spaceId: created.spaceId, chatRoomId, decisionsRoomId };
}

/** The rooms a member joins with the group. */
/**
 * Accepts an invitation to a group: joins its space, then its rooms as the group's state names
 * them (the decisions room from the group's pin).
 *
 * @param client - the running client.
 * @param spaceId - the group's space.
 */
export async function joinGroup(client: MatrixClient, spaceId: string): Promise<void> {
  await joinGroupBySpace(client, spaceId);
}
