/**
 * Virtual general assemblies on MatrixRTC and LiveKit: the media permissions that follow an
 * assembly's speaking turns, and the MatrixRTC ↔ LiveKit names. The RTC authorisation service is
 * in `@imago/assemblies/authorisation` (server side, `livekit-server-sdk`), the browser's media
 * session in `@imago/assemblies/media` (`livekit-client`).
 *
 * @module @imago/assemblies
 */
export { AssembliesError } from './errors/assemblies-error';
export { MediaUnavailableError } from './errors/media-unavailable-error';
export { livekitRoomName, participantIdentity, ROOM_SLOT_ID, userOfIdentity } from './livekit-names';
export {
  LISTENER,
  type MediaPermission,
  type MediaSource,
  mediaPermission,
  nextPermissionChange,
  SPEAKER,
  samePermission,
} from './media-permission';
