/**
 * The Imago example service: acts for groups on a Matrix homeserver.
 *
 * @module @imago/example-server
 */

export { OUTCOME_KEY } from './duties/decisions';
export type { ElectionSummary, ServiceElections } from './duties/elections';
export { describeOutcome } from './duties/outcome-text';
export { type ConfigError, loadConfig, type ServiceConfig } from './service/config';
export { createLog, type LogEntry, type ServiceLog } from './service/log';
export { type ImagoService, startService } from './service/service';
