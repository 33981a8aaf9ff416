/**
 * @module
 * The Helios-C group of a decision's election, which the authority and every member trustee derive
 * alike from the question, so that their keys meet without an exchange: BELENIOS-2048 for
 * homomorphic questions (a 256-bit subgroup: fast), RFC-3526-2048 for non-homomorphic ones (ballots
 * are group elements there, which BELENIOS-2048 cannot embed). Both are groups belenios-tool 2.0
 * verifies.
 */
import type { SecretElectionParameters } from '@imago/governance';
import { type AnyGroup, groupByName } from '@imago/helios-c';

/**
 * The group of a decision's election.
 *
 * @param parameters - whether the question is homomorphic.
 * @returns the group.
 */
export function electionGroup(parameters: Pick<SecretElectionParameters, 'homomorphic'>): AnyGroup {
  return groupByName(parameters.homomorphic ? 'BELENIOS-2048' : 'RFC-3526-2048') as AnyGroup;
}
