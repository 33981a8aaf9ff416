/**
 * Resources: a group's ledger of economic events, proposals and agreements.
 *
 * @module
 */
export {
  AGREEMENT_EVENT_TYPE,
  type AgreementRecord,
  type AgreementRecordContent,
  readAgreementRecords,
  recordAgreement,
} from './agreement-record';
export {
  type GroupLedger,
  LedgerKinds,
  type MatrixAgent,
  matrixAgent,
  speaksFor,
} from './ledger-sides';
export {
  type ReplayResourcesOptions,
  ResourceEventTypes,
  type ResourcesReplay,
  replayResources,
} from './replay-resources';
export { publishProposal, recordEconomicEvent } from './resource-actions';
