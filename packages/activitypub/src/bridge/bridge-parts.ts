/**
 * @module
 * The parts of a running bridge that its stages share: its options, store, bot, ghost users,
 * IRIs, outbox and log, and a context of its federation. The {@link ActivityPubBridge} assembles
 * them; each stage (an inbox activity, a Matrix event, a settled decision) takes them first.
 */
import type { Context } from '@fedify/fedify';
import type { BridgeIris } from './bridge-iris';
import type { BridgeLog } from './bridge-log';
import type { ActivityPubBridgeOptions } from './bridge-options';
import type { BridgeStore } from './bridge-store';
import type { RequestData } from './federation';
import type { MatrixClient } from './matrix/appservice-client';
import type { GhostUsers } from './matrix/ghost-users';
import type { GroupOutbox } from './outbox/group-outbox';

/** What the bridge's stages share. */
export interface BridgeParts {
  readonly options: ActivityPubBridgeOptions;
  readonly store: BridgeStore;
  /** The service's own user, which joins the groups' rooms and proposes their decisions. */
  readonly bot: MatrixClient;
  readonly ghosts: GhostUsers;
  readonly iris: BridgeIris;
  readonly outbox: GroupOutbox;
  readonly log: BridgeLog;
  /** A context of the bridge's federation (to read remote objects and send answers). */
  context(): Context<RequestData>;
}
