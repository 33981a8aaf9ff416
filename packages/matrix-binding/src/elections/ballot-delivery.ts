/**
 * @module
 * How a voter's ballots reach the room. By default each is handed to the election's administrator
 * by encrypted to-device message (`relay`: the room does not show who voted), or posted by the
 * voter itself (`direct`, and whenever the administrator has no device to reach). The voter keeps
 * a receipt of each ballot; one still missing from the board after a while is handed again, then
 * posted directly, and a ballot of its credential that replaced its own is reported.
 */
import { sendEncryptedToDevice } from '../client/encrypted-to-device';
import { ballotStatus, trackerOf } from './ballot-tracker';
import { RELAYED_BALLOT_TYPE } from './election-messages';
import type { RoleMachinery } from './election-role';
import type { SecretBallotReplay } from './election-state';
import { readStored, writeStored } from './election-store';
import { castBallot } from './secret-ballot-actions';

/** How a voter's ballots reach the room. */
export type BallotDelivery = 'relay' | 'direct';

/** @internal A ballot the voter sent, as its store keeps it. */
export interface StoredReceipt {
  readonly ballot: string;
  delivery: BallotDelivery;
  attempts: number;
  sentAt: number;
}

/**
 * @internal Sends a ballot: handed to the administrator when `relay` reaches one of its devices,
 * posted directly otherwise.
 *
 * @returns how it went.
 */
export async function sendBallot(
  role: RoleMachinery,
  roomId: string,
  decision: string,
  election: SecretBallotReplay,
  ballot: string,
  delivery: BallotDelivery,
): Promise<BallotDelivery> {
  if (delivery === 'relay') {
    const reached = await sendEncryptedToDevice(
      role.client,
      RELAYED_BALLOT_TYPE,
      new Map([[election.administrator, { room: roomId, decision, election: election.election, ballot }]]),
    );
    if ((reached.get(election.administrator) ?? 0) > 0) return 'relay';
  }
  await castBallot(role.client, roomId, election.election, ballot);
  return 'direct';
}

/**
 * @internal Hands a missing relayed ballot again, then posts it itself; warns about a replaced one.
 *
 * @param role - the voter's machinery.
 * @param roomId - the decisions room.
 * @param decision - the decision.
 * @param election - its election, as replayed.
 * @param relayTimeout - how long a ballot may be missing from the board before it is sent again (ms).
 */
export async function followReceipts(
  role: RoleMachinery,
  roomId: string,
  decision: string,
  election: SecretBallotReplay,
  relayTimeout: number,
): Promise<void> {
  const { store, report, once, now } = role;
  const key = `voter/${roomId}/${decision}/receipts`;
  const receipts = await readStored<StoredReceipt[]>(store, key);
  if (receipts === undefined) return;
  let changed = false;
  for (const receipt of receipts) {
    const status = ballotStatus(election, receipt.ballot);
    const at = { roomId, decision, election: election.election };
    if (status === 'replaced' && (await once(`${trackerOf(receipt.ballot)}:replaced`, async () => undefined)))
      report({
        ...at,
        step: 'ballot',
        detail: `ballot ${trackerOf(receipt.ballot)} was replaced by another ballot of its credential`,
        level: 'warn',
      });
    // An EndBallots waiting for ballots has ended the vote: a ballot sent now would not count.
    if (status !== 'missing' || election.phase !== 'voting' || election.awaiting !== undefined) continue;
    const due = receipt.sentAt + relayTimeout;
    if (now() < due) {
      role.wake(roomId, due);
      continue;
    }
    const delivery: BallotDelivery =
      receipt.delivery === 'relay' && receipt.attempts < 2 ? 'relay' : 'direct';
    receipt.delivery = await sendBallot(role, roomId, decision, election, receipt.ballot, delivery);
    receipt.attempts++;
    receipt.sentAt = now();
    changed = true;
    report({
      ...at,
      step: 'ballot',
      detail: `ballot ${trackerOf(receipt.ballot)} not on the board: sent again (${receipt.delivery})`,
      level: 'warn',
    });
    role.wake(roomId, receipt.sentAt + relayTimeout);
  }
  if (changed) await writeStored(store, key, receipts);
}
