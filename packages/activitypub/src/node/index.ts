/**
 * The bridge's Node runtime: the persistent SQLite key–value store, the registration file, and
 * {@link startBridge}, which runs the application service listener and the ActivityPub server.
 *
 * @module @imago/activitypub/node
 */
export { type RunningBridge, type StartBridgeOptions, startBridge } from './bridge-server';
export {
  type BridgeRegistration,
  type CreateRegistrationOptions,
  createRegistration,
  readRegistration,
} from './registration';
export { SqliteKvStore } from './sqlite-kv-store';
