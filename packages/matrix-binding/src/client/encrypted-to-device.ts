/**
 * @module
 * Private messages to a user's devices, Olm-encrypted end to end: only those devices can read
 * them, not the homeservers on the way (which see an `m.room.encrypted` to-device event). The Rust
 * crypto encrypts only to devices it knows, and it knows the devices of the users it tracks: the
 * members of the encrypted rooms the client shares with them. So the sender and each recipient
 * must share an encrypted room (a group's encrypted chat room does); a recipient whose devices the
 * sender does not know yet is reported, and can be tried again after the next sync. Thin I/O.
 */
import { ClientEvent, type MatrixClient, type ReceivedToDeviceMessage } from 'matrix-js-sdk';
import { CryptoUnavailableError } from '../errors/crypto-unavailable-error';
import { HomeserverError } from '../errors/homeserver-error';

/**
 * Sends a message to every known device of each user, Olm-encrypted.
 *
 * @param client - the sender, with its crypto started (`createImagoClient({ encryption: true })`).
 * @param type - the message's event type (hidden from the homeserver: it sees `m.room.encrypted`).
 * @param messages - the content for each user.
 * @returns how many devices of each user it was sent to (0: none known yet).
 * @throws {@link CryptoUnavailableError} without crypto; {@link HomeserverError} (operation
 * `send-to-device`) when the homeserver refuses.
 * @example
 * ```ts
 * const reached = await sendEncryptedToDevice(client, 'org.example.secret', new Map([['@bo:example.org', { word: 'x' }]]));
 * ```
 */
export async function sendEncryptedToDevice(
  client: MatrixClient,
  type: string,
  messages: ReadonlyMap<string, Record<string, unknown>>,
): Promise<Map<string, number>> {
  const crypto = client.getCrypto();
  if (crypto === undefined) throw new CryptoUnavailableError('private messages need end-to-end encryption');
  const reached = new Map<string, number>();
  const contentMap = new Map<string, Map<string, Record<string, unknown>>>();
  const encryptFor = async (users: readonly string[]) => {
    const known = await crypto.getUserDeviceInfo([...users], true);
    for (const user of users) {
      const devices = [...(known.get(user)?.keys() ?? [])].map((deviceId) => ({ userId: user, deviceId }));
      // Only devices the crypto tracks get a payload (a device list merely downloaded gets none).
      const batch =
        devices.length === 0
          ? { batch: [] }
          : await crypto.encryptToDeviceMessages(
              type,
              devices,
              messages.get(user) as Record<string, unknown>,
            );
      const payloads = new Map(batch.batch.map((message) => [message.deviceId, message.payload]));
      reached.set(user, payloads.size);
      if (payloads.size > 0) contentMap.set(user, payloads);
    }
  };
  await encryptFor([...messages.keys()]);
  const missing = () => [...messages.keys()].filter((user) => reached.get(user) === 0);
  if (missing().length > 0) {
    // A client that loads room members lazily may not track everyone it shares an encrypted room
    // with yet: getting ready to encrypt in those rooms loads their members and tracks them.
    for (const room of client.getRooms()) {
      if (room.getMyMembership() === 'join' && room.hasEncryptionStateEvent()) crypto.prepareToEncrypt(room);
    }
    for (let attempt = 0; attempt < 10 && missing().length > 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await encryptFor(missing());
    }
  }
  if (contentMap.size > 0) {
    try {
      await client.sendToDevice('m.room.encrypted', contentMap);
    } catch (cause) {
      throw new HomeserverError('send-to-device', `could not send ${type}`, { cause });
    }
  }
  return reached;
}

/**
 * Listens for private messages of a type that arrived Olm-encrypted (a message of that type sent
 * in clear is ignored: anyone on the way could have read or made it).
 *
 * @param client - the recipient, with its crypto started.
 * @param type - the message type.
 * @param handle - called with the decrypted content and the sender's account.
 * @returns a function that stops listening.
 */
export function onEncryptedToDevice(
  client: MatrixClient,
  type: string,
  handle: (content: unknown, sender: string) => void,
): () => void {
  const listener = ({ message, encryptionInfo }: ReceivedToDeviceMessage) => {
    if (message.type !== type || encryptionInfo === null || encryptionInfo.sender !== message.sender) return;
    handle(message.content, message.sender);
  };
  client.on(ClientEvent.ReceivedToDeviceMessage, listener);
  return () => client.off(ClientEvent.ReceivedToDeviceMessage, listener);
}
