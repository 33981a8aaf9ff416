/**
 * A member's media in an assembly, in the browser (on `livekit-client`): the token request to the
 * RTC authorisation service and the LiveKit session whose publishing follows the floor.
 *
 * @module @imago/assemblies/media
 */

export { MediaUnavailableError } from '../errors/media-unavailable-error';
export {
  type AssemblyMedia,
  joinAssemblyMedia,
  type MediaParticipant,
  type PublishOutcome,
} from './assembly-media';
export { type MediaTokenRequest, requestMediaToken } from './request-media-token';
