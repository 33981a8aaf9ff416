/**
 * Matching of needs (request proposals) with offers (offer proposals), by resource
 * specification or classification, action, quantity (partial fulfilment allowed), time window
 * and location.
 *
 * @module
 */
import type { ActionId } from '../actions/action-definition';
import { remainingQuantity } from '../exchange/remaining-quantity';
import { conversionFactor } from '../measures/measure-arithmetic';
import type { Intent } from '../model/intent';
import type { Measure } from '../model/measure';
import type { Proposal } from '../model/proposal';
import type { SpatialThing } from '../model/spatial-thing';
import { normalizeClassification } from './classification';
import type { CandidateMatch, MatchOptions, MatchReason, MatchWeights, PublishedIntent } from './match-types';

const DEFAULT_WEIGHTS: MatchWeights = { specification: 0.4, quantity: 0.3, time: 0.1, location: 0.2 };
const TRANSFERS = new Set<ActionId>(['transfer', 'transferAllRights', 'transferCustody']);

interface Prepared {
  readonly proposal: Proposal;
  readonly intent: Intent;
  readonly classes: ReadonlySet<string>;
  readonly begin: number;
  readonly end: number;
  readonly location: SpatialThing | undefined;
}

function time(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const t = Date.parse(value);
  return Number.isNaN(t) ? fallback : t;
}

function prepare({ proposal, intent }: PublishedIntent): Prepared {
  return {
    proposal,
    intent,
    classes: new Set((intent.resourceClassifiedAs ?? []).map(normalizeClassification)),
    begin: time(intent.hasBeginning ?? intent.hasPointInTime ?? proposal.hasBeginning, -Infinity),
    end: time(intent.hasEnd ?? intent.due ?? intent.hasPointInTime ?? proposal.hasEnd, Infinity),
    location: intent.atLocation ?? proposal.eligibleLocation,
  };
}

function primaryIntents(proposals: readonly Proposal[], purpose: 'offer' | 'request'): Prepared[] {
  const out: Prepared[] = [];
  for (const proposal of proposals) {
    if (proposal.purpose !== purpose) continue;
    for (const intent of proposal.publishes) if (!intent.finished) out.push(prepare({ proposal, intent }));
  }
  return out;
}

function addressedTo(proposal: Proposal, agent: string | undefined): boolean {
  if (!proposal.proposedTo || proposal.proposedTo.length === 0) return true;
  return agent !== undefined && proposal.proposedTo.includes(agent);
}

function quantityOf(i: Intent): Measure | undefined {
  return i.resourceQuantity ?? i.effortQuantity;
}

/**
 * Scores one need/offer pair, or returns undefined when they cannot match. The cheap refusals
 * (who, when, where) come first: most pairs of a large market end there.
 */
function scorePair(
  need: Prepared,
  offer: Prepared,
  options: MatchOptions,
  weights: MatchWeights,
  now: number,
): CandidateMatch | undefined {
  const n = need.intent;
  const o = offer.intent;
  if (need.proposal.proposer !== undefined && need.proposal.proposer === offer.proposal.proposer)
    return undefined;
  if (
    !addressedTo(offer.proposal, need.proposal.proposer) ||
    !addressedTo(need.proposal, offer.proposal.proposer)
  ) {
    return undefined;
  }

  // When.
  if (need.begin > offer.end || offer.begin > need.end) return undefined;
  if (need.end < now || offer.end < now) return undefined;

  // Where.
  let distance: number | undefined;
  if (options.distance && need.location && offer.location)
    distance = options.distance(need.location, offer.location);
  if (distance !== undefined && !Number.isFinite(distance)) distance = undefined;
  if (distance !== undefined && options.maxDistance !== undefined && distance > options.maxDistance)
    return undefined;

  // How: the same action, or two kinds of transfer (giving versus lending).
  let actionFactor = 1;
  if (n.action !== o.action) {
    if (TRANSFERS.has(n.action) && TRANSFERS.has(o.action)) actionFactor = 0.8;
    else return undefined;
  }

  // What: specification, then classification.
  const reasons: MatchReason[] = [];
  let specification = 0;
  if (n.resourceConformsTo !== undefined && n.resourceConformsTo === o.resourceConformsTo) {
    specification = 1;
    reasons.push({ code: 'same-specification', detail: n.resourceConformsTo });
  } else {
    const shared: string[] = [];
    for (const c of need.classes) if (offer.classes.has(c)) shared.push(c);
    if (shared.length > 0) {
      // A shared classification is weaker evidence than the same specification.
      specification = 0.4 + (0.4 * shared.length) / need.classes.size;
      reasons.push({ code: 'shared-classification', detail: shared.join(' ') });
    } else if (options.classificationSimilarity) {
      let best = 0;
      for (const a of need.classes)
        for (const b of offer.classes) best = Math.max(best, options.classificationSimilarity(a, b));
      if (best > 0) {
        specification = 0.4 * Math.min(1, best);
        reasons.push({ code: 'related-classification', detail: best.toFixed(2) });
      }
    }
  }
  if (specification === 0) return undefined;
  reasons.push(
    actionFactor === 1
      ? { code: 'same-action', detail: n.action }
      : { code: 'compatible-action', detail: `${n.action}/${o.action}` },
  );

  // How much.
  let quantityScore = 0.5;
  let covered: Measure | undefined;
  let fulfilment: number | undefined;
  // What remains open on both sides: agreements already made took their part (acceptProposal).
  const wanted = n.availableQuantity ?? quantityOf(n);
  const offered = remainingQuantity(offer.proposal, o);
  if (
    (wanted !== undefined && wanted.hasNumericalValue <= 0) ||
    (offered !== undefined && offered.hasNumericalValue <= 0)
  )
    return undefined;
  const unitOfOffer = offered ?? quantityOf(o);
  if (wanted !== undefined && unitOfOffer !== undefined) {
    const factor = conversionFactor(unitOfOffer.hasUnit, wanted.hasUnit);
    if (factor === undefined) return undefined;
    if (o.minimumQuantity !== undefined) {
      const minFactor = conversionFactor(o.minimumQuantity.hasUnit, wanted.hasUnit);
      if (
        minFactor !== undefined &&
        wanted.hasNumericalValue < o.minimumQuantity.hasNumericalValue * minFactor
      ) {
        return undefined;
      }
    }
    const available = offered === undefined ? Infinity : offered.hasNumericalValue * factor;
    if (available <= 0) return undefined;
    const amount = Math.min(wanted.hasNumericalValue, available);
    covered = { hasNumericalValue: Number(amount.toPrecision(12)), hasUnit: wanted.hasUnit };
    fulfilment = wanted.hasNumericalValue === 0 ? 1 : amount / wanted.hasNumericalValue;
    quantityScore = fulfilment;
    reasons.push(
      fulfilment >= 1
        ? { code: 'full-quantity' }
        : { code: 'partial-quantity', detail: `${Math.round(fulfilment * 100)}%` },
    );
  } else reasons.push({ code: 'quantity-unknown' });

  const bounded =
    Number.isFinite(need.begin) ||
    Number.isFinite(need.end) ||
    Number.isFinite(offer.begin) ||
    Number.isFinite(offer.end);
  const timeScore = bounded ? 1 : 0.5;
  reasons.push({ code: bounded ? 'time-overlap' : 'time-open' });

  let locationScore = 0.5;
  if (distance !== undefined) {
    locationScore = 1 / (1 + distance / (options.distanceScale ?? 10));
    reasons.push({ code: 'within-distance', detail: String(distance) });
  } else reasons.push({ code: 'location-unknown' });

  const score =
    actionFactor *
    (weights.specification * specification +
      weights.quantity * quantityScore +
      weights.time * timeScore +
      weights.location * locationScore);
  const candidate: { -readonly [K in keyof CandidateMatch]: CandidateMatch[K] } = {
    need: need.proposal.id,
    needIntent: n.id,
    offer: offer.proposal.id,
    offerIntent: o.id,
    score: Number(score.toFixed(6)),
    reasons,
  };
  if (covered !== undefined) candidate.quantity = covered;
  if (fulfilment !== undefined) candidate.fulfilment = Number(fulfilment.toFixed(6));
  if (distance !== undefined) candidate.distance = distance;
  return candidate;
}

function normaliseWeights(w: Partial<MatchWeights> | undefined): MatchWeights {
  const all = { ...DEFAULT_WEIGHTS, ...w };
  const sum = all.specification + all.quantity + all.time + all.location;
  return {
    specification: all.specification / sum,
    quantity: all.quantity / sum,
    time: all.time / sum,
    location: all.location / sum,
  };
}

/**
 * Pairs needs with offers and ranks the candidates. Only the primary (`publishes`) intents of
 * request proposals (needs) and offer proposals (offers) are compared; a pair qualifies when
 * the offer has the same resource specification or a shared classification (Wikidata QIDs in
 * any spelling compare equal), a compatible action, compatible units, quantities above the
 * offer's minimum, overlapping time windows, and — with `distance` and `maxDistance` — lies
 * close enough. Proposals addressed to others (`proposedTo`) and an agent's own proposals are
 * skipped. Offers are indexed by specification and classification, so the work grows with
 * the number of plausible pairs rather than needs × offers.
 *
 * @param needs - proposals; those with purpose `request` are used
 * @param offers - proposals; those with purpose `offer` are used
 * @param options - distance, limits, weights (see {@link MatchOptions})
 * @returns candidates, best first (ties in need, then offer order)
 * @example
 * ```ts
 * const candidates = match(requests, offers, {
 *   distance: (a, b) => haversineKm(a, b), maxDistance: 50,
 * });
 * candidates[0]?.reasons; // [{ code: 'shared-classification', detail: 'wd:Q10998' }, …]
 * ```
 */
export function match(
  needs: readonly Proposal[],
  offers: readonly Proposal[],
  options: MatchOptions = {},
): CandidateMatch[] {
  const weights = normaliseWeights(options.weights);
  const now = options.now === undefined ? -Infinity : time(options.now, -Infinity);
  const needList = primaryIntents(needs, 'request');
  const offerList = primaryIntents(offers, 'offer');
  const index = new Map<string, number[]>();
  const put = (key: string, i: number) => {
    const list = index.get(key);
    if (list === undefined) index.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  offerList.forEach((o, i) => {
    if (o.intent.resourceConformsTo !== undefined) put(`s ${o.intent.resourceConformsTo}`, i);
    for (const c of o.classes) put(`c ${c}`, i);
  });
  const all = offerList.map((_, i) => i);
  const out: { c: CandidateMatch; needOrder: number; offerOrder: number }[] = [];
  needList.forEach((need, needOrder) => {
    let candidates: Iterable<number>;
    if (options.classificationSimilarity) candidates = all;
    else {
      const set = new Set<number>();
      if (need.intent.resourceConformsTo !== undefined) {
        for (const i of index.get(`s ${need.intent.resourceConformsTo}`) ?? []) set.add(i);
      }
      for (const c of need.classes) for (const i of index.get(`c ${c}`) ?? []) set.add(i);
      candidates = set;
    }
    const found: { c: CandidateMatch; needOrder: number; offerOrder: number }[] = [];
    for (const i of candidates) {
      const c = scorePair(need, offerList[i]!, options, weights, now);
      if (c !== undefined && c.score >= (options.minScore ?? 0)) found.push({ c, needOrder, offerOrder: i });
    }
    found.sort((a, b) => b.c.score - a.c.score || a.offerOrder - b.offerOrder);
    out.push(...(options.limit === undefined ? found : found.slice(0, options.limit)));
  });
  out.sort((a, b) => b.c.score - a.c.score || a.needOrder - b.needOrder || a.offerOrder - b.offerOrder);
  return out.map((x) => x.c);
}
