/**
 * Whether a public ballot fits its decision's counting method and options. Shapes are those of
 * `belenios-tool method` (see {@link Ballot}), so a public ballot and a decrypted secret one are
 * read alike.
 *
 * @module
 */
import type { DemocracyRule } from '../../control-table/protocol-rule';
import type { Ballot } from '../../counting/counting-method';

/**
 * @param rule - the democracy rule (method, grades)
 * @param optionCount - number of options
 * @param ballot - the ballot
 * @returns whether the ballot is valid for the method
 */
export function fitsMethod(rule: DemocracyRule, optionCount: number, ballot: Ballot): boolean {
  if (ballot.length !== optionCount) return false;
  switch (rule.method) {
    case 'plurality':
      return (
        ballot.every((mark) => mark === 0 || mark === 1) && ballot.filter((mark) => mark === 1).length === 1
      );
    case 'approval':
      return ballot.every((mark) => mark === 0 || mark === 1);
    case 'majority-judgment': {
      const grades = rule.grades ?? 5;
      return ballot.every((grade) => grade >= 1 && grade <= grades);
    }
    case 'schulze':
      return ballot.every((rank) => rank >= 0 && rank <= optionCount) && ballot.some((rank) => rank > 0);
    case 'stv': {
      const ranked = ballot.filter((rank) => rank > 0).sort((a, b) => a - b);
      return ranked.length > 0 && ranked.every((rank, index) => rank === index + 1);
    }
  }
}

/** A canonical key of a ballot, so that equal ballots are recognised as one position. */
export function ballotKey(ballot: Ballot): string {
  return ballot.join(',');
}
