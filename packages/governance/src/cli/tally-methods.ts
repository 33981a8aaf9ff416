/**
 * @module
 * The methods `imago-tally` offers: their options and how each prints its result.
 */

import { approval, plurality } from '../methods/approval';
import type { PackedBallots } from '../methods/ballots';
import { MalformedBallotsError } from '../methods/errors/malformed-ballots-error';
import { majorityJudgment } from '../methods/majority-judgment';
import { rankedPairs } from '../methods/ranked-pairs';
import { schulze } from '../methods/schulze';
import { stv } from '../methods/stv';

/** One command-line option of a method. */
export interface TallyOption {
  readonly name: string;
  readonly docv: string;
  readonly type: 'integer' | 'boolean';
  readonly required: boolean;
  readonly doc: string;
}

/** A method as the command line exposes it. */
export interface TallyMethod {
  readonly name: string;
  readonly summary: string;
  readonly description: string;
  readonly options: readonly TallyOption[];
  /** Counts and prints the result as JSON (without the final newline). */
  readonly run: (ballots: PackedBallots, options: Record<string, number | boolean | undefined>) => string;
}

const nchoices: TallyOption = {
  name: 'nchoices',
  docv: 'N',
  type: 'integer',
  required: false,
  doc: 'Number of choices. If 0 or absent, the length of the first ballot.',
};
const blankAllowed: TallyOption = {
  name: 'blank-allowed',
  docv: 'B',
  type: 'boolean',
  required: true,
  doc: 'Whether a ballot of only zeros is a blank vote (true or false).',
};

/**
 * belenios-tool 2.0 refuses to print an STV result unless, when some ballot is valid, it elects
 * min(nseats, length of the first ballot) choices (an assertion at the end of its `stv.ml`).
 * That fails when choices appear on no valid ballot, or when the first ballot is shorter than
 * the others; imago-tally refuses the same inputs, with an explanation.
 */
function requireFullStvOutcome(ballots: PackedBallots, nseats: number, valid: number, elected: number): void {
  if (valid === 0) return;
  const width = ballots.offsets[1]! - ballots.offsets[0]!;
  const expected = Math.min(width, nseats);
  if (elected !== expected) {
    throw new MalformedBallotsError(
      'ballots',
      `STV elected ${elected} choice(s) where belenios-tool requires ${expected} (min of --nseats and the first ballot's length): some choices are on no valid ballot`,
    );
  }
}

const num = (value: number | boolean | undefined): number | undefined =>
  typeof value === 'number' ? value : undefined;

/** Every method of `imago-tally`, by name. */
export const TALLY_METHODS: Readonly<Record<string, TallyMethod>> = {
  schulze: {
    name: 'schulze',
    summary: 'Schulze method (as belenios-tool method schulze)',
    description:
      'Ballots rank the N choices (1 = first, 0 = unranked). Prints valid/blank counts, the pairwise\n' +
      'matrix (raw), the strongest paths (beatpaths) and the ranking (winners: groups of tied choices).',
    options: [nchoices, blankAllowed],
    run: (ballots, o) =>
      JSON.stringify(
        schulze(ballots, { nchoices: num(o.nchoices), blankAllowed: o['blank-allowed'] === true }),
      ),
  },
  'majority-judgment': {
    name: 'majority-judgment',
    summary: 'Majority judgment (as belenios-tool method majority-judgment)',
    description:
      'Ballots grade the N choices from 1 (best) to G (worst). Prints grade counts (raw), valid/blank\n' +
      'counts, invalid ballots and the ranking (winners: groups of tied choices).',
    options: [
      nchoices,
      { name: 'ngrades', docv: 'G', type: 'integer', required: true, doc: 'Number of grades.' },
      blankAllowed,
    ],
    run: (ballots, o) =>
      JSON.stringify(
        majorityJudgment(ballots, {
          nchoices: num(o.nchoices),
          ngrades: num(o.ngrades) ?? 0,
          blankAllowed: o['blank-allowed'] === true,
        }),
      ),
  },
  stv: {
    name: 'stv',
    summary: 'Single transferable vote (as belenios-tool method stv)',
    description:
      'Ballots rank choices (1 = first, 0 = unranked). Prints the sorted valid ballots as preference\n' +
      'lists, the invalid ballots, the events of the count and the elected choices (winners).',
    options: [{ name: 'nseats', docv: 'N', type: 'integer', required: true, doc: 'Number of seats.' }],
    run: (ballots, o) => {
      const nseats = num(o.nseats) ?? 0;
      const result = stv(ballots, { nseats });
      requireFullStvOutcome(ballots, nseats, result.ballots.length, result.winners.length);
      return JSON.stringify(result);
    },
  },
  'ranked-pairs': {
    name: 'ranked-pairs',
    summary: 'Ranked pairs (Tideman), on the same ballots as schulze',
    description:
      'Ballots rank the N choices (1 = first, 0 = unranked). Prints valid/blank counts, the pairwise\n' +
      'matrix (raw), the locked majorities [winner, loser] in locking order and the ranking (winners).',
    options: [nchoices, blankAllowed],
    run: (ballots, o) =>
      JSON.stringify(
        rankedPairs(ballots, { nchoices: num(o.nchoices), blankAllowed: o['blank-allowed'] === true }),
      ),
  },
  plurality: {
    name: 'plurality',
    summary: 'Plurality: each ballot marks exactly one choice',
    description:
      'Ballots hold one mark per choice (1 = selected, 0 = not); a valid ballot selects exactly one.\n' +
      'Prints valid/blank counts, invalid ballots, counts per choice and the ranking (winners).',
    options: [nchoices, blankAllowed],
    run: (ballots, o) =>
      JSON.stringify(
        plurality(ballots, { nchoices: num(o.nchoices), blankAllowed: o['blank-allowed'] === true }),
      ),
  },
  approval: {
    name: 'approval',
    summary: 'Approval: each ballot marks between --min and --max choices',
    description:
      'Ballots hold one mark per choice (1 = approved, 0 = not). Prints valid/blank counts, invalid\n' +
      'ballots, counts per choice and the ranking (winners).',
    options: [
      nchoices,
      blankAllowed,
      {
        name: 'min',
        docv: 'K',
        type: 'integer',
        required: false,
        doc: 'Fewest approvals on a valid ballot (default 0).',
      },
      {
        name: 'max',
        docv: 'K',
        type: 'integer',
        required: false,
        doc: 'Most approvals on a valid ballot (default N).',
      },
    ],
    run: (ballots, o) =>
      JSON.stringify(
        approval(ballots, {
          nchoices: num(o.nchoices),
          blankAllowed: o['blank-allowed'] === true,
          min: num(o.min),
          max: num(o.max),
        }),
      ),
  },
};
