/**
 * The Imago example service: acts for groups on a Matrix homeserver.
 *
 * @module @imago/example-server
 */

export { OUTCOME_KEY } from './duties/decisions';
export { describeOutcome } from './duties/outcome-text';
export { HeliosEventTypes } from './helios/election-events';
export { type ElectionMember, electionMember } from './member/member-trustee';
export { type ConfigError, loadConfig, type ServiceConfig } from './service/config';
export { createLog, type LogEntry, type ServiceLog } from './service/log';
export { type ImagoService, startService } from './service/service';
