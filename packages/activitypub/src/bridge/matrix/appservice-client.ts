/**
 * @module
 * The bridge's Matrix clients (its bot and its ghost users) on the application service's token,
 * with a matrix-js-sdk logger that passes only errors, to the bridge's log.
 */
import { createAppserviceClient } from '@imago/matrix-binding';
import type { BridgeLog } from '../bridge-log';

/** A Matrix client acting as one of the application service's users. */
export type MatrixClient = ReturnType<typeof createAppserviceClient>;

/**
 * A client acting as `userId`.
 *
 * @param homeserver - the homeserver and the application service's token.
 * @param log - the bridge's log (the client's errors go there).
 * @param userId - the bot or a ghost user.
 * @returns the client.
 */
export function appserviceClient(
  homeserver: { readonly baseUrl: string; readonly asToken: string },
  log: BridgeLog,
  userId: string,
): MatrixClient {
  const none = () => undefined;
  const logger = {
    trace: none,
    debug: none,
    info: none,
    warn: none,
    error: (...args: unknown[]) => log('error', 'matrix-client', { message: args.map(String).join(' ') }),
    getChild: () => logger,
  };
  return createAppserviceClient({ ...homeserver, logger, userId });
}
