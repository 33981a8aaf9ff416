/**
 * JSON-LD documents expanded with the reference JSON-LD processor (jsonld.js), offline: the
 * ValueFlows terms must land on ValueFlows 1.0 IRIs, units on OM2 IRIs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ValueflowsError } from '../errors/valueflows-error';
import { replayLedger } from '../ledger/replay-ledger';
import { readEconomicEvent } from '../parse/parse-economic-event';
import { readProposal } from '../parse/parse-proposal';
import { ACTIVITY_STREAMS_CONTEXT, proposalFromFep0837, proposalToFep0837 } from './fep-0837';
import { agentToJsonLd, toJsonLd } from './to-json-ld';

type Expanded = Record<string, unknown[]>[];
const jsonld = createRequire(import.meta.url)('jsonld') as {
  expand(
    doc: unknown,
    options: { base?: string; documentLoader: (url: string) => Promise<unknown> },
  ): Promise<Expanded>;
};
const vector = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../test/vectors/fep-0837/${name}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
const asContext = vector('activitystreams-context.json');
const documentLoader = async (url: string) => {
  if (url === ACTIVITY_STREAMS_CONTEXT) return { contextUrl: null, documentUrl: url, document: asContext };
  throw new Error(`no network in tests: ${url}`);
};
const expand = (doc: unknown) => jsonld.expand(doc, { base: 'https://imago.example/', documentLoader });

const VF = 'https://w3id.org/valueflows/ont/vf#';
const OM2 = 'http://www.ontology-of-units-of-measure.org/resource/om-2/';

describe('JSON-LD with the ValueFlows context', () => {
  const { state } = replayLedger([
    {
      id: 'e1',
      action: 'raise',
      provider: 'https://imago.example/groups/garden',
      receiver: 'https://imago.example/groups/garden',
      resourceQuantity: { hasNumericalValue: 20, hasUnit: 'kilogram' },
      newInventoriedResource: { id: 'potatoes', conformsTo: 'spec-potato', classifiedAs: ['Q10998'] },
    },
  ]);

  it('an economic resource expands to ValueFlows and OM2 IRIs', async () => {
    const [r] = await expand(toJsonLd('EconomicResource', state.resources.get('potatoes')!));
    expect(r!['@type']).toEqual([`${VF}EconomicResource`]);
    expect(r!['@id']).toBe('https://imago.example/potatoes');
    expect(r![`${VF}primaryAccountable`]).toEqual([{ '@id': 'https://imago.example/groups/garden' }]);
    expect(r![`${VF}classifiedAs`]).toEqual([{ '@id': 'http://www.wikidata.org/entity/Q10998' }]);
    const q = r![`${VF}onhandQuantity`]![0] as Record<string, unknown[]>;
    expect(q[`${VF}hasUnit`]).toEqual([{ '@id': `${OM2}kilogram` }]);
    expect(q[`${VF}hasNumericalValue`]).toEqual([{ '@value': 20 }]);
  });

  it('an economic event expands with its action as a ValueFlows individual', async () => {
    const [e] = await expand(toJsonLd('EconomicEvent', state.events.get('e1')!.event));
    expect(e![`${VF}action`]).toEqual([{ '@id': `${VF}raise` }]);
    expect(e!['@type']).toEqual([`${VF}EconomicEvent`]);
  });

  it('agents are Persons or Organizations', async () => {
    const [a] = await expand(
      agentToJsonLd({ id: 'https://imago.example/groups/garden', type: 'Organization', name: 'Garden' }),
    );
    expect(a!['@type']).toEqual([`${VF}Organization`]);
    expect(a![`${VF}name`]).toEqual([{ '@value': 'Garden' }]);
  });

  it('a proposal expands with purpose and embedded intents', async () => {
    const p = readProposal({
      id: 'offer-1',
      purpose: 'offer',
      proposer: 'group-garden',
      publishes: {
        id: 'i1',
        action: 'transfer',
        resourceQuantity: { hasNumericalValue: 5, hasUnit: 'kilogram' },
      },
    });
    const [x] = await expand(toJsonLd('Proposal', p));
    expect(x![`${VF}purpose`]).toEqual([{ '@id': `${VF}offer` }]);
    const intent = x![`${VF}publishes`]![0] as Record<string, unknown>;
    expect(intent['@type']).toEqual([`${VF}Intent`]);
    expect(intent[`${VF}action`]).toEqual([{ '@id': `${VF}transfer` }]);
  });
});

describe('JSON-LD documents read back with the boundary parsers', () => {
  it('events and proposals survive toJsonLd then parse', () => {
    const event = {
      id: 'e9',
      action: 'transfer' as const,
      provider: 'g',
      receiver: 'k',
      resourceInventoriedAs: 'r1',
      resourceClassifiedAs: ['wd:Q10998'],
      resourceQuantity: { hasNumericalValue: 2, hasUnit: 'kilogram' },
      hasPointInTime: '2026-11-26T10:00:00Z',
      fulfills: ['c1'],
    };
    expect(readEconomicEvent(JSON.parse(JSON.stringify(toJsonLd('EconomicEvent', event))))).toEqual(event);
    const proposal = readProposal({
      id: 'p',
      purpose: 'request',
      proposer: 'k',
      publishes: {
        id: 'i',
        action: 'transfer',
        resourceQuantity: { hasNumericalValue: 1, hasUnit: 'litre' },
      },
    });
    expect(readProposal(JSON.parse(JSON.stringify(toJsonLd('Proposal', proposal))))).toEqual(proposal);
  });
});

describe('FEP-0837 export and import', () => {
  it('imports the FEP-0837 example offer', () => {
    const p = proposalFromFep0837(vector('offer-minimal.json'));
    expect(p).toMatchObject({
      id: 'https://market.example/objects/1',
      purpose: 'offer',
      proposer: 'https://market.example/users/alice',
      unitBased: true,
      eligibleLocation: { name: 'Market square', lat: 48.8566, long: 2.3522 },
    });
    expect(p.publishes[0]).toMatchObject({
      action: 'deliverService',
      resourceQuantity: { hasNumericalValue: 1, hasUnit: 'one' },
      minimumQuantity: { hasNumericalValue: 1, hasUnit: 'one' },
    });
    expect(p.reciprocal[0]).toMatchObject({
      action: 'transfer',
      resourceQuantity: { hasNumericalValue: 2, hasUnit: 'one' },
    });
  });

  it('export then import gives the same proposal back', () => {
    const p = proposalFromFep0837(vector('offer-minimal.json'));
    const again = proposalFromFep0837(JSON.parse(JSON.stringify(proposalToFep0837(p))));
    expect(again).toEqual({
      ...p,
      publishes: p.publishes.map((i) => ({ ...i, provider: 'https://market.example/users/alice' })),
      reciprocal: p.reciprocal.map((i) => ({ ...i, receiver: 'https://market.example/users/alice' })),
    });
  });

  it('exports what FEP-0837 requires, and it expands to ValueFlows and ActivityStreams IRIs', async () => {
    const p = readProposal({
      id: 'need-1',
      purpose: 'request',
      proposer: 'group-kitchen',
      name: 'Potatoes wanted',
      publishes: {
        id: 'i1',
        action: 'transfer',
        resourceClassifiedAs: 'wd:Q10998',
        resourceQuantity: { hasNumericalValue: 5, hasUnit: 'kilogram' },
      },
    });
    const doc = proposalToFep0837(p, { iri: (id) => `https://bridge.example/vf/${id}` });
    expect(doc).toMatchObject({
      type: 'Proposal',
      id: 'https://bridge.example/vf/need-1',
      attributedTo: 'https://bridge.example/vf/group-kitchen',
      purpose: 'request',
      unitBased: false,
      publishes: {
        type: 'Intent',
        receiver: 'https://bridge.example/vf/group-kitchen',
        resourceQuantity: { hasUnit: 'kilogram', hasNumericalValue: '5' },
      },
      to: ['https://www.w3.org/ns/activitystreams#Public'],
    });
    const [x] = await expand(doc);
    expect(x!['@type']).toEqual([`${VF}Proposal`]);
    expect(x!['https://www.w3.org/ns/activitystreams#attributedTo']).toEqual([
      { '@id': 'https://bridge.example/vf/group-kitchen' },
    ]);
    const intent = x![`${VF}publishes`]![0] as Record<string, unknown[]>;
    const q = intent[`${VF}resourceQuantity`]![0] as Record<string, unknown>;
    expect(q[`${OM2}hasUnit`]).toEqual([{ '@value': 'kilogram' }]);
  });

  it('rejects what is not a FEP-0837 proposal, naming the path', () => {
    const bad = (v: unknown) => {
      try {
        proposalFromFep0837(v);
      } catch (e) {
        return ValueflowsError.isInstance(e) ? [e.code, (e as { path?: string }).path] : ['other'];
      }
      return ['accepted'];
    };
    const ok = vector('offer-minimal.json');
    expect(bad({ ...ok, type: 'Note' })).toEqual(['VF_PARSE', 'type']);
    expect(bad({ ...ok, attributedTo: undefined })).toEqual(['VF_PARSE', 'attributedTo']);
    expect(bad({ ...ok, purpose: 'gift' })).toEqual(['VF_PARSE', 'purpose']);
    expect(
      bad({
        ...ok,
        publishes: { action: 'transfer', resourceQuantity: { hasUnit: 'one', hasNumericalValue: 'lots' } },
      }),
    ).toEqual(['VF_PARSE', 'publishes.resourceQuantity.hasNumericalValue']);
  });
});
