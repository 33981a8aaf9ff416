/**
 * Bad input to the planning and proposal mutations fails with a typed error naming what and
 * where, and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import {
  ACCEPT,
  CREATE_INTENT,
  CREATE_PROPOSAL,
  kg,
  PROPOSE,
  setup,
  snapshot,
} from '../../test/support/planning-graphql';

describe('bad input: a typed error naming what and where, and nothing changed', () => {
  const cases: [string, string, Record<string, unknown>, Record<string, unknown>][] = [
    [
      'a measure without a number',
      CREATE_INTENT,
      { i: { action: 'transfer', resourceQuantity: { hasNumericalValue: -1, hasUnit: 'kilogram' } } },
      { code: 'VF_PARSE', inputPath: 'intent.resourceQuantity.hasNumericalValue' },
    ],
    [
      'an unknown action',
      CREATE_INTENT,
      { i: { action: 'teleport' } },
      { code: 'VF_PARSE', inputPath: 'intent.action' },
    ],
    [
      'a commitment in an unknown agreement',
      `mutation($c: CommitmentCreateParams!) { createCommitment(commitment: $c) { commitment { id } } }`,
      { c: { action: 'transfer', provider: 'a', receiver: 'b', clauseOf: 'agr-404' } },
      { code: 'VF_UNKNOWN_RECORD', recordType: 'Agreement', id: 'agr-404', inputPath: 'commitment.clauseOf' },
    ],
    [
      'an update of an unknown intent',
      `mutation($i: IntentUpdateParams!) { updateIntent(intent: $i) { intent { id } } }`,
      { i: { id: 'intent-404', note: 'x' } },
      { code: 'VF_UNKNOWN_RECORD', recordType: 'Intent', inputPath: 'intent.id' },
    ],
    [
      'an unknown proposal to publish in',
      PROPOSE,
      { p: 'proposal-404', i: 'i-free' },
      { code: 'VF_UNKNOWN_RECORD', recordType: 'Proposal', inputPath: 'publishedIn' },
    ],
    [
      'an unknown intent to publish',
      PROPOSE,
      { p: 'p-open', i: 'intent-404' },
      { code: 'VF_UNKNOWN_RECORD', recordType: 'Intent', inputPath: 'publishes' },
    ],
    [
      'an intent already published elsewhere',
      PROPOSE,
      { p: 'p-open', i: 'i-taken' },
      { code: 'VF_RECORD_CONFLICT', rule: 'already-published', inputPath: 'publishes' },
    ],
    [
      'an unknown proposed intent',
      `mutation { deleteProposedIntent(id: "p-open/nothing") }`,
      {},
      { code: 'VF_UNKNOWN_RECORD', recordType: 'ProposedIntent', inputPath: 'id' },
    ],
    [
      'a proposal purpose that is neither offer nor request',
      CREATE_PROPOSAL,
      { p: { purpose: 'gift' } },
      { code: 'VF_PARSE', inputPath: 'proposal.purpose' },
    ],
    [
      'accepting an unknown proposal',
      ACCEPT,
      { p: 'proposal-404', c: 'x' },
      { code: 'VF_UNKNOWN_RECORD', inputPath: 'proposal' },
    ],
    [
      'accepting a proposal that publishes nothing yet',
      ACCEPT,
      { p: 'p-open', c: 'group:kitchen' },
      { code: 'VF_PROPOSAL_TERMS', rule: 'no-intent' },
    ],
    [
      'accepting a quantity without a unit',
      ACCEPT,
      { p: 'p-taken', c: 'group:kitchen', q: { hasNumericalValue: 1 } },
      { code: 'VF_PARSE', inputPath: 'quantity.hasUnit' },
    ],
    [
      'accepting in a unit that does not convert',
      ACCEPT,
      { p: 'p-taken', c: 'group:kitchen', q: { hasNumericalValue: 1, hasUnit: 'litre' } },
      { code: 'VF_INCOMPATIBLE_UNITS' },
    ],
    [
      'accepting its own offer',
      ACCEPT,
      { p: 'p-taken', c: 'group:garden', q: kg(1) },
      { code: 'VF_PROPOSAL_TERMS', rule: 'own-proposal' },
    ],
  ];
  for (const [what, source, variables, extensions] of cases) {
    it(what, async () => {
      const { store, run } = setup({
        proposals: [
          {
            id: 'p-open',
            purpose: 'offer',
            proposer: 'group:garden',
            unitBased: false,
            publishes: [],
            reciprocal: [],
          },
          {
            id: 'p-taken',
            purpose: 'offer',
            proposer: 'group:garden',
            unitBased: false,
            publishes: [{ id: 'i-taken', action: 'transfer', resourceQuantity: kg(4) }],
            reciprocal: [],
          },
        ],
        intents: [{ id: 'i-free', action: 'transfer' }],
      });
      const before = snapshot(store);
      const r = await run(source, variables);
      expect(r.errors).toHaveLength(1);
      expect(r.errors?.[0]?.extensions).toMatchObject(extensions);
      expect(snapshot(store)).toEqual(before);
    });
  }
});
