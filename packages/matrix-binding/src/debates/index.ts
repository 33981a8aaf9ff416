/**
 * Debates and assemblies: speaking turns, motions, minutes, MatrixRTC sessions and their authorisation.
 *
 * @module
 */
export {
  type Assembly,
  assemblyMinutes,
  type Motion,
  maySpeak,
  type PostedMinutes,
  publishedMemberships,
  type ReplayAssemblyOptions,
  replayAssembly,
} from './assembly';
export { type MotionInput, openMotion, postMinutes, requestToSpeak } from './assembly-actions';
export { assemblyChairs, CHAIR_ASSEMBLY_KIND } from './assembly-chairs';
export {
  type MinutesContent,
  type MinutesMotion,
  type MinutesTurn,
  type MotionContent,
  type MotionOutcome,
  readMinutesContent,
  readMotionContent,
} from './assembly-content';
export { configureDebate, giveFloor, lowerHand, raiseHand } from './debate-actions';
export {
  type DebateSettings,
  type FloorContent,
  type HandContent,
  RAISE_HAND_KEY,
  readDebateSettings,
  readFloorContent,
  readHandContent,
} from './debate-content';
export {
  joinDebateSession,
  type MatrixRTCSession,
  type RtcTransport,
  sessionMemberships,
  waitForMemberships,
} from './debate-session';
export {
  type AdvertisedTransport,
  isJoined,
  type OpenIdRejection,
  type OpenIdToken,
  type OpenIdVerification,
  requestOpenIdToken,
  rtcTransports,
  verifyOpenIdToken,
} from './rtc-authorisation';
export {
  type Floor,
  isOvertime,
  type RaisedHand,
  type SessionMembership,
  type SpeakingQueue,
  type SpeakingQueueOptions,
  speakingQueue,
  type Turn,
} from './speaking-queue';
export { readSpeakingSlot, SPEAKING_SLOTS, type SpeakingSlot, slotPriority } from './speaking-slot';
