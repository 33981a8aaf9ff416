/**
 * A member in Node beside the browser ones: a registered user whose client, with encryption,
 * takes part through the binding's election duties; and sending a room event in raw
 * client-server HTTP, as an attacker would.
 */
import {
  createImagoClient,
  type ElectionDuties,
  type FollowedElections,
  type MatrixClient,
} from '@imago/matrix-binding';
import { registerUser, startSynced, testHomeserverFromEnvironment } from '@imago/matrix-binding/testing';

/** A member in Node: a client with encryption taking part through the binding's election duties. */
export interface NodeMember {
  readonly userId: string;
  readonly session: Awaited<ReturnType<typeof registerUser>>;
  readonly client: MatrixClient;
  duties?: ElectionDuties;
  followed?: FollowedElections;
}

/** Registers a member and starts their client, synced, with encryption. */
export async function nodeMember(name: string): Promise<NodeMember> {
  const session = await registerUser(testHomeserverFromEnvironment(), `${name}-${Date.now().toString(36)}`);
  const client = await createImagoClient({ ...session, encryption: true, logger: silent });
  await startSynced(client);
  return { userId: session.userId, session, client };
}

const nothing = () => undefined;
/** A matrix-js-sdk logger that says nothing. */
const silent = {
  trace: nothing,
  debug: nothing,
  info: nothing,
  warn: nothing,
  error: nothing,
  getChild: () => silent,
} as never;

/** Sends a room event with raw client-server HTTP, as an attacker would (no Imago code in between). */
export async function rawSend(
  member: NodeMember,
  roomId: string,
  type: string,
  content: unknown,
): Promise<string> {
  const url = `${member.session.baseUrl}/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/send/${encodeURIComponent(type)}/raw-${Date.now()}-${Math.random()}`;
  const response = await fetch(url, {
    method: 'PUT',
    headers: { authorization: `Bearer ${member.session.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(content),
  });
  const body = (await response.json()) as { event_id?: string };
  if (!response.ok || !body.event_id) throw new Error(`the homeserver refused ${type}: ${response.status}`);
  return body.event_id;
}
