/**
 * @module
 * What applications take from matrix-js-sdk, re-exported so that they import Matrix from this
 * package only (a lint rule keeps `matrix-js-sdk` imports inside `@imago/matrix-binding`): the
 * client, event and room types, and the event names and enums they listen with.
 */
export type { MatrixClient, MatrixEvent, Room } from 'matrix-js-sdk';
export {
  ClientEvent,
  EventType,
  KnownMembership,
  MatrixEventEvent,
  MsgType,
  RoomEvent,
  RoomMemberEvent,
  RoomStateEvent,
  SyncState,
} from 'matrix-js-sdk';
