/**
 * Secret ballots on Matrix: the authority, trustees, voters, the steps of an election and its archive.
 *
 * @module
 */
export type { BallotDelivery } from './ballot-delivery';
export {
  BALLOT_PARTS_TYPE,
  type BallotPartContent,
  type BallotPartsReference,
  ballotParts,
  MAX_NAMED_BALLOTS,
} from './ballot-parts-content';
export { type BallotStatus, ballotStatus, trackerOf } from './ballot-tracker';
export { electionEvidence, exportBelArchive, verifyElection } from './election-archive';
export {
  type ElectionAuthority,
  type ElectionAuthorityOptions,
  electionAuthority,
} from './election-authority';
export {
  type ElectionDuties,
  type ElectionDutiesOptions,
  type ElectionsUpdate,
  electionDuties,
} from './election-duties';
export { electionGroup } from './election-group';
export {
  CREDENTIAL_MESSAGE_TYPE,
  type CredentialMessage,
  RELAYED_BALLOT_TYPE,
  type RelayedBallot,
  readCredentialMessage,
  readRelayedBallot,
} from './election-messages';
export {
  checkElectionOfDecision,
  type ElectionMismatch,
  type ElectionOfDecisionReport,
  electionOfDecision,
} from './election-of-decision';
export {
  type BallotReceipt,
  type ElectionParticipant,
  type ElectionParticipantOptions,
  electionParticipant,
  type VoterStatus,
} from './election-participant';
export type { ElectionActivity } from './election-role';
export { type PreparedElection, prepareElection, type SetupBlocked } from './election-setup';
export type { ElectionPhase, ReplayedStep, SecretBallotReplay } from './election-state';
export {
  readSecretBallotStep,
  SECRET_BALLOT_STEP_TYPE,
  type SecretBallotStepContent,
} from './election-step';
export {
  ballotFor,
  electionSetupTexts,
  encryptedTallyStep,
  partialDecryptionStep,
  resultStep,
  shuffleStep,
} from './election-steps';
export { type ElectionStore, memoryElectionStore } from './election-store';
export { type FollowedElections, followElections } from './follow-elections';
export {
  type ReplaySecretBallotsOptions,
  replaySecretBallots,
  type SecretBallotsReplay,
  type TrusteeContributions,
} from './replay-secret-ballots';
export {
  castBallot,
  type EndBallotsOptions,
  postArchiveSteps,
  postBallotPart,
  postStep,
  postTrusteeContribution,
  type ResultOptions,
  type SetupOptions,
} from './secret-ballot-actions';
export { secretResultContent, secretResultVerifier, verifiedElections } from './secret-result';
export {
  readTrusteeContribution,
  TRUSTEE_CONTRIBUTION_TYPE,
  TRUSTEE_STEPS,
  type TrusteeContributionContent,
  type TrusteeStep,
} from './trustee-contribution';
export {
  type DueContribution,
  dueContribution,
  type TrusteeSecret,
  trusteeDecryptionKey,
} from './trustee-key-establishment';
