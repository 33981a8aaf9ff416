import { type Proposal, proposalFromFep0837 } from '@imago/valueflows';
import { describe, expect, it } from 'vitest';
import { intentIri, proposalDocument, proposalText, readIntentIri } from './proposal-document';

const offer: Proposal = {
  id: '$event:example.org',
  purpose: 'offer',
  name: 'Seeds <tomatoes>',
  note: 'Heirloom seeds & tips',
  unitBased: true,
  proposer: 'group:garden',
  eligibleLocation: { lat: 45.77, long: 4.83, name: 'Lyon' },
  publishes: [
    {
      id: 'give-seeds',
      action: 'transfer',
      resourceConformsTo: 'seeds',
      resourceQuantity: { hasNumericalValue: 10, hasUnit: 'gram' },
    },
  ],
  reciprocal: [{ id: 'pay', action: 'transfer', resourceQuantity: { hasNumericalValue: 2, hasUnit: 'one' } }],
};
const options = {
  id: 'https://bridge.example/groups/garden/proposals/%24event',
  actor: 'https://bridge.example/actors/garden',
  followers: 'https://bridge.example/actors/garden/followers',
  published: '2026-01-01T00:00:00.000Z',
};

describe('FEP-0837 proposal documents of a group', () => {
  it('names the intents #primary and #reciprocal, and reads them back', () => {
    const doc = proposalDocument(offer, options);
    expect((doc.publishes as { id: string }).id).toBe(`${options.id}#primary`);
    expect((doc.reciprocal as { id: string }).id).toBe(`${options.id}#reciprocal`);
    expect(readIntentIri(`${options.id}#primary`)).toEqual({
      proposal: options.id,
      role: 'primary',
      index: 0,
    });
    expect(readIntentIri(intentIri(options.id, 'reciprocal', 2))).toEqual({
      proposal: options.id,
      role: 'reciprocal',
      index: 2,
    });
    expect(readIntentIri(`${options.id}#primary-1`)).toBeUndefined();
    expect(readIntentIri(options.id)).toBeUndefined();
  });

  it('addresses the public and the followers, with the group as audience and attribution', () => {
    const doc = proposalDocument(offer, options);
    expect(doc.type).toBe('Proposal');
    expect(doc.to).toEqual(['https://www.w3.org/ns/activitystreams#Public']);
    expect(doc.cc).toEqual([options.followers]);
    expect(doc.audience).toBe(options.actor);
    expect(doc.attributedTo).toBe(options.actor);
    expect(doc.purpose).toBe('offer');
    expect(doc.unitBased).toBe(true);
    expect((doc.location as { latitude: number }).latitude).toBe(45.77);
  });

  it('has a readable name and escaped HTML content for servers that only know Note', () => {
    const doc = proposalDocument(offer, options);
    expect(doc.name).toBe('Seeds <tomatoes>');
    expect(doc.content).toBe(
      '<p>Offer: Seeds &#60;tomatoes&#62;</p><p>Heirloom seeds &#38; tips</p><p>Offered: transfer 10 gram seeds</p><p>In return: transfer 2 one</p>',
    );
    expect(
      proposalText({ ...offer, purpose: 'request', name: undefined, note: undefined, reciprocal: [] }),
    ).toEqual(['Need: transfer 10 gram seeds', 'Asked for: transfer 10 gram seeds']);
  });

  it('comes back as the same proposal through @imago/valueflows’ FEP-0837 import', () => {
    const back = proposalFromFep0837(proposalDocument(offer, options));
    expect(back.purpose).toBe('offer');
    expect(back.proposer).toBe(options.actor);
    expect(back.publishes[0]?.resourceQuantity).toEqual({ hasNumericalValue: 10, hasUnit: 'gram' });
    expect(back.reciprocal[0]?.resourceQuantity).toEqual({ hasNumericalValue: 2, hasUnit: 'one' });
  });
});
