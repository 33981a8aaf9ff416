/**
 * @module
 * The authority's delivery of each voter's private credentials, Olm-encrypted to the voter's
 * devices (`org.imago.helios.credential`), never in the room. What was delivered is kept in the
 * store, so that a restarted authority sends only what is still due; the authority's own
 * credentials go straight to its own voter's store (Olm has no session with oneself); a voter whose
 * devices are not known yet is tried again a little later.
 */
import { sendEncryptedToDevice } from '../client/encrypted-to-device';
import { CREDENTIAL_MESSAGE_TYPE } from './election-messages';
import type { RoleMachinery } from './election-role';
import type { PreparedElection } from './election-setup';
import { readStored, writeStored } from './election-store';

/** When to try again to deliver credentials to a voter whose devices are not known yet (ms). */
const DELIVERY_RETRY_MS = 3_000;

/**
 * @internal Sends the credentials not delivered yet, and notes who got them.
 *
 * @param role - the authority's machinery.
 * @param roomId - the decisions room.
 * @param election - the election's uuid.
 * @param prepared - the prepared election, its private credentials still in it.
 */
export async function deliverCredentials(
  role: RoleMachinery,
  roomId: string,
  election: string,
  prepared: PreparedElection,
): Promise<void> {
  const { store, me, report } = role;
  const key = `authority/${roomId}/${prepared.decision}/delivered`;
  const delivered = new Set((await readStored<string[]>(store, key)) ?? []);
  let pending = Object.keys(prepared.credentials ?? {}).filter((member) => !delivered.has(member));
  if (pending.length === 0) return;
  if (pending.includes(me)) {
    // The authority's own credentials go to its own voter's store (Olm has no session with oneself).
    await writeStored(store, `voter/${roomId}/${prepared.decision}/credentials`, {
      election,
      credentials: prepared.credentials?.[me] ?? [],
    });
    delivered.add(me);
    pending = pending.filter((member) => member !== me);
    await writeStored(store, key, [...delivered].sort());
    if (pending.length === 0) return;
  }
  const messages = new Map(
    pending.map((member) => [
      member,
      {
        room: roomId,
        decision: prepared.decision,
        election,
        credentials: [...(prepared.credentials?.[member] ?? [])],
      },
    ]),
  );
  const reached = await sendEncryptedToDevice(role.client, CREDENTIAL_MESSAGE_TYPE, messages);
  const unreached = pending.filter((member) => (reached.get(member) ?? 0) === 0);
  for (const member of pending) if (!unreached.includes(member)) delivered.add(member);
  await writeStored(store, key, [...delivered].sort());
  const place = { roomId, decision: prepared.decision, election };
  if (pending.length > unreached.length)
    report({
      ...place,
      step: 'credentials',
      detail: `credentials sent Olm-encrypted to ${pending.length - unreached.length} voter(s)`,
    });
  if (unreached.length > 0) {
    report({
      ...place,
      step: 'credentials',
      detail: `no known device yet for ${unreached.join(', ')} (they must share an encrypted room with the authority)`,
      level: 'warn',
    });
    role.wake(roomId, role.now() + DELIVERY_RETRY_MS);
  }
}
