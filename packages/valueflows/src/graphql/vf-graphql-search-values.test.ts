/**
 * The fields with arguments on the bakery fixture: an agent's relationships and the records it
 * takes part in, filtered by their search parameters; a page refused; `myAgent`; what a place
 * lists.
 */
import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { query, schema } from '../../test/support/bakery-query';

describe('agents, with their search parameters', () => {
  it('relationships by role and side, roles', async () => {
    const data = await query(`{ person(id: "alice") {
      all: relationships { id } mentor: relationships(roleId: "role-mentor") { id }
      relationshipsAsSubject { id } relationshipsAsObject { id } roles { roleLabel }
    } }`);
    expect(data.person).toEqual({
      all: [{ id: 'alice-member-of-bakery' }, { id: 'bob-mentor-of-alice' }],
      mentor: [{ id: 'bob-mentor-of-alice' }],
      relationshipsAsSubject: [{ id: 'alice-member-of-bakery' }],
      relationshipsAsObject: [{ id: 'bob-mentor-of-alice' }],
      roles: [{ roleLabel: 'member of' }, { roleLabel: 'mentor of' }],
    });
  });

  it('events, resources, commitments, intents and proposals filtered', async () => {
    const data = await query(`{
      bakery: organization(id: "group-bakery") {
        consumed: economicEvents(filter: { action: "consume" }) { id }
        atMarket: economicEvents(filter: { searchString: "MARKET" }) { id }
        onTheSecond: economicEvents(filter: { startDate: "2026-03-02T00:00:00Z", endDate: "2026-03-02T23:59:59Z" }) { id }
        flour: inventoriedEconomicResources(filter: { searchString: "flour" }) { id }
        saturday: proposals(filter: { searchString: "saturday" }) { id }
      }
      mill: organization(id: "group-mill") {
        wheat: inventoriedEconomicResources(filter: { resourceClassification: "wd:Q36465" }) { id }
        finished: commitments(filter: { finished: true }) { id }
        open: commitments(filter: { finished: false }) { id }
      }
      alice: person(id: "alice") { produce: intents(filter: { action: "produce" }) { id } }
    }`);
    expect(data).toEqual({
      bakery: {
        consumed: [{ id: 'consume-flour' }, { id: 'sell-bread' }],
        atMarket: [{ id: 'deliver-flour' }],
        onTheSecond: [{ id: 'deliver-flour' }],
        flour: [{ id: 'bakery-flour' }],
        saturday: [{ id: 'proposal-bread' }],
      },
      mill: { wheat: [{ id: 'flour' }], finished: [{ id: 'commit-flour' }], open: [{ id: 'commit-pay' }] },
      alice: { produce: [{ id: 'intent-bread-out' }] },
    });
  });

  it('a page is refused (vf-graphql defines no page size), with the parameter named', async () => {
    const result = await graphql({
      schema,
      source:
        '{ organization(id: "group-bakery") { inventoriedEconomicResources(filter: { page: 2 }) { id } } }',
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'VF_PARSE', inputPath: 'filter.page' });
  });

  it('myAgent is the agent the API is served for', async () => {
    expect(await query('{ myAgent { id name } }')).toEqual({ myAgent: { id: 'alice', name: 'Alice' } });
  });
});

describe('places', () => {
  it('a place lists what is there', async () => {
    const data = await query(`{ spatialThing(id: "place-market") {
      name lat long agents { id } economicResources { id } economicEvents { id } commitments { id } intents { id }
    } }`);
    expect(data.spatialThing).toEqual({
      name: 'Market square',
      lat: 48.85,
      long: 2.35,
      agents: [{ id: 'group-bakery' }, { id: 'alice' }],
      economicResources: [{ id: 'flour' }, { id: 'bakery-flour' }, { id: 'bread' }],
      economicEvents: [{ id: 'deliver-flour' }, { id: 'bake-bread' }],
      commitments: [{ id: 'commit-flour' }],
      intents: [{ id: 'intent-offer-bread' }],
    });
  });
});
