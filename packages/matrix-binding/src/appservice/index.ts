/**
 * Application service clients: users an appservice acts as, their rooms and messages.
 *
 * @module
 */
export {
  type AppserviceIdentity,
  createAppserviceClient,
  registerAppserviceUser,
} from './appservice-client';
export { admitToRoom, joinRoom, leaveRoom, setDisplayName } from './room-presence';
export { type MessageText, sendThreadMessage } from './thread-message';
