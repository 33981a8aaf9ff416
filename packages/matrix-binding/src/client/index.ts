/**
 * The Matrix client: creating and logging in, sending, and the matrix-js-sdk names applications need.
 *
 * @module
 */
export {
  type CreateImagoClientOptions,
  createImagoClient,
  loginWithPassword,
  type MatrixSession,
} from './create-client';
export { onEncryptedToDevice, sendEncryptedToDevice } from './encrypted-to-device';
export { type MatrixLogger, matrixSdkLogger, quietMatrixLogger } from './matrix-logger';
export {
  ClientEvent,
  EventType,
  KnownMembership,
  type MatrixClient,
  type MatrixEvent,
  MatrixEventEvent,
  MsgType,
  type Room,
  RoomEvent,
  RoomMemberEvent,
  RoomStateEvent,
  SyncState,
} from './matrix-sdk';
export { sendEvent, sendState } from './send';
