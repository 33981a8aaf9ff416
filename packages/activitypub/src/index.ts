/**
 * Imago groups on the fediverse: an ActivityPub bridge, run as a Matrix application service on
 * Fedify. Public groups that chose it by a decision of their control table become FEP-1b12 `Group`
 * actors; their offers and needs go out as FEP-0837 `Proposal`s; replies come back into the
 * group's rooms through ghost users, and `Offer(Agreement)`s become decisions of the group.
 * The Node runtime (SQLite store, HTTP listeners, registration files) is `@imago/activitypub/node`.
 *
 * @module @imago/activitypub
 */
export { ActivityPubBridge } from './bridge/bridge';
export type { BridgeLogEntry } from './bridge/bridge-log';
export type { ActivityPubBridgeOptions } from './bridge/bridge-options';
export {
  BridgeStore,
  type FollowerRecord,
  type GroupRecord,
  type NoteRecord,
  type PendingDecision,
  type ProposalRecord,
  type StoredKeys,
  type Tombstone,
} from './bridge/bridge-store';
export {
  type DeliveryOptions,
  type DeliveryProblem,
  type DeliveryResult,
  deliverToInboxes,
  targetProblem,
} from './bridge/delivery';
export {
  type BuildFederationOptions,
  buildFederation,
  type FederationHost,
  type RequestData,
} from './bridge/federation';
export { ActivitypubError } from './errors/activitypub-error';
export { InvalidActivityError } from './errors/invalid-activity-error';
export { InvalidConfigError } from './errors/invalid-config-error';
export { UnknownTargetError } from './errors/unknown-target-error';
export {
  type AdmittedRequest,
  claimedServer,
  InboxGuard,
  type InboxGuardOptions,
  type RefusalCode,
  type RefusedRequest,
  type SignatureMemory,
} from './guard/inbox-guard';
export { RateLimit, type RateLimitOptions } from './guard/rate-limit';
export {
  type AgreementOffer,
  type ParseAgreementOfferResult,
  parseAgreementOffer,
} from './mapping/agreement-offer';
export { type AnnouncementText, announcementNote } from './mapping/announcement-note';
export {
  type ActorProfileFields,
  actorProfileFields,
  profileFromActor,
  type WikidataLink,
  wikidataUrl,
} from './mapping/group-profile-fields';
export {
  intentIri,
  type ProposalDocumentOptions,
  proposalDocument,
  proposalText,
  readIntentIri,
} from './mapping/proposal-document';
export { htmlToText, type ParseReplyResult, parseReplyNote, type ReplyNote } from './mapping/reply-note';
export {
  ActivitypubActionKinds,
  type DecisionSummary,
  type FollowerPolicy,
  HANDLE_PATTERN,
  type Publication,
  readPublication,
} from './vocabulary/action-kinds';
