// The bridge's IRIs: a proposal's IRI read back to its group and event, and anything else, a
// malformed percent-encoding included (remote documents write these IRIs), is not a proposal.
import { describe, expect, it } from 'vitest';
import { BridgeIris } from './bridge-iris';

const iris = new BridgeIris('https://bridge.example');

describe('the bridge’s IRIs', () => {
  it('reads a proposal IRI back to its group and Matrix event', () => {
    const iri = iris.proposal('tools', '$event:hs.example');
    expect(iri).toBe('https://bridge.example/groups/tools/proposals/%24event%3Ahs.example');
    expect(iris.proposalOf(iri)).toEqual({ handle: 'tools', eventId: '$event:hs.example' });
  });

  it('is not a proposal when another origin, another path, or a malformed percent-encoding', () => {
    expect(iris.proposalOf('https://other.example/groups/tools/proposals/x')).toBeUndefined();
    expect(iris.proposalOf('https://bridge.example/groups/tools/notes/x')).toBeUndefined();
    expect(iris.proposalOf('https://bridge.example/groups/tools/proposals/%E0%A4%A')).toBeUndefined();
    expect(iris.proposalOf('https://bridge.example/groups/tools/proposals/%')).toBeUndefined();
  });

  it('names the handle of an actor IRI of this bridge only', () => {
    expect(iris.handleOf('https://bridge.example/actors/tools')).toBe('tools');
    expect(iris.handleOf('https://other.example/actors/tools')).toBeUndefined();
    expect(iris.handleOf(undefined)).toBeUndefined();
  });
});
