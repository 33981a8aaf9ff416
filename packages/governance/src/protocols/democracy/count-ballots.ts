/**
 * Counts weighted ballots with the decision's method. Plurality and approval add weighted
 * marks; majority judgment, Schulze and STV run the Belenios-compatible counts of
 * `../methods`, with each ballot repeated `weight` times (weights are whole votes: at most the
 * eligible membership in total, so this is never larger than everyone voting directly).
 *
 * @module
 */
import type { DemocracyRule } from '../../control-table/protocol-rule';
import type { CountResult, WeightedBallot } from '../../counting/counting-method';
import { majorityJudgment, type PackedBallots, schulze, stv } from '../../methods/index';

function pack(ballots: readonly WeightedBallot[], optionCount: number): PackedBallots {
  let count = 0;
  for (const { weight } of ballots) count += weight;
  const offsets = new Uint32Array(count + 1);
  const cells = new Float64Array(count * optionCount);
  let row = 0;
  for (const { ballot, weight } of ballots) {
    for (let copy = 0; copy < weight; copy++) {
      cells.set(ballot, row * optionCount);
      row++;
      offsets[row] = row * optionCount;
    }
  }
  return { count, offsets, cells };
}

/**
 * Ranks options by weighted totals (best first, ties grouped).
 * @param totals - total per option
 * @returns groups of tied options, best first
 */
export function rankByTotals(totals: readonly number[]): number[][] {
  const order = totals.map((_, option) => option).sort((a, b) => totals[b]! - totals[a]! || a - b);
  const ranking: number[][] = [];
  for (const option of order) {
    const last = ranking.at(-1);
    if (last !== undefined && totals[last[0]!] === totals[option]) last.push(option);
    else ranking.push([option]);
  }
  return ranking;
}

/**
 * Counts from totals per option (plurality, approval; also a homomorphic Helios-C result).
 * @param rule - the democracy rule
 * @param totals - weighted totals per option
 * @param countedWeight - weight of the ballots cast
 * @returns the count
 */
export function countFromTotals(
  rule: DemocracyRule,
  totals: readonly number[],
  countedWeight: number,
): CountResult {
  const ranking = rankByTotals(totals);
  const top = ranking[0] ?? [];
  return {
    method: rule.method,
    ranking,
    winners: countedWeight > 0 ? top : [],
    totals,
    countedWeight,
  };
}

/**
 * Counts weighted ballots.
 * @param rule - the democracy rule (method, grades, seats)
 * @param optionCount - number of options
 * @param ballots - the ballots (already checked with `fitsMethod`), with whole-vote weights
 * @returns the count
 */
export function countBallots(
  rule: DemocracyRule,
  optionCount: number,
  ballots: readonly WeightedBallot[],
): CountResult {
  let countedWeight = 0;
  for (const { weight } of ballots) countedWeight += weight;
  switch (rule.method) {
    case 'plurality':
    case 'approval': {
      const totals = new Array<number>(optionCount).fill(0);
      for (const { ballot, weight } of ballots) {
        for (let option = 0; option < optionCount; option++) totals[option]! += ballot[option]! * weight;
      }
      return countFromTotals(rule, totals, countedWeight);
    }
    case 'majority-judgment': {
      if (countedWeight === 0) return { method: rule.method, ranking: [], winners: [], countedWeight };
      const result = majorityJudgment(pack(ballots, optionCount), {
        nchoices: optionCount,
        ngrades: rule.grades ?? 5,
        blankAllowed: false,
      });
      return {
        method: rule.method,
        ranking: result.winners,
        winners: result.winners[0] ?? [],
        countedWeight,
      };
    }
    case 'schulze': {
      if (countedWeight === 0) return { method: rule.method, ranking: [], winners: [], countedWeight };
      const result = schulze(pack(ballots, optionCount), { nchoices: optionCount, blankAllowed: false });
      return {
        method: rule.method,
        ranking: result.winners,
        winners: result.winners[0] ?? [],
        countedWeight,
      };
    }
    case 'stv': {
      if (countedWeight === 0) return { method: rule.method, ranking: [], winners: [], countedWeight };
      const result = stv(pack(ballots, optionCount), { nseats: rule.seats ?? 1 });
      return {
        method: rule.method,
        ranking: result.winners.map((option) => [option]),
        winners: result.winners,
        countedWeight,
      };
    }
  }
}
