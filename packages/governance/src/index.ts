/**
 * @module @imago/governance
 */
export { GovernanceError } from './errors/governance-error';
