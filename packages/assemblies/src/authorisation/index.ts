/**
 * The RTC authorisation service of assemblies (server side, on `livekit-server-sdk`): MSC4195
 * `get_token` semantics, grants that follow the speaking turns, permissions moved with the floor.
 *
 * @module @imago/assemblies/authorisation
 */
export { parseTokenRequest, type TokenRequest, type TokenRequestProblem } from './token-request';
export {
  createTokenService,
  type LivekitServer,
  type PermissionUpdate,
  type RoomAuthorisation,
  type TokenService,
  type TokenServiceOptions,
} from './token-service';
