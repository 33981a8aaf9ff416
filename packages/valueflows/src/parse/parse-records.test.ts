import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValueflowsError } from '../errors/valueflows-error';
import { acceptProposal } from '../exchange/accept-proposal';
import { readProposal } from './parse-proposal';
import {
  readAgent,
  readAgreement,
  readClaim,
  readCommitment,
  readProcess,
  readResourceSpecification,
} from './parse-records';

const pathOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (ValueflowsError.isInstance(e) && e.code === 'VF_PARSE') return (e as { path?: string }).path;
    throw e;
  }
  return undefined;
};

describe('parsing ValueFlows records', () => {
  it('agents: a group is an Organization, people are Persons', () => {
    expect(readAgent({ id: 'g', type: 'Organization', name: 'Garden', classifiedAs: 'wd:Q7075' })).toEqual({
      id: 'g',
      type: 'Organization',
      name: 'Garden',
      classifiedAs: ['wd:Q7075'],
    });
    expect(pathOf(() => readAgent({ id: 'g', type: 'Robot', name: 'x' }))).toBe('type');
    expect(pathOf(() => readAgent({ id: 'g', type: 'Person' }))).toBe('name');
  });

  it('resource specifications and processes', () => {
    expect(
      readResourceSpecification({
        id: 's',
        name: 'Flour',
        defaultUnitOfResource: 'om2:kilogram',
        mediumOfExchange: false,
      }),
    ).toEqual({ id: 's', name: 'Flour', defaultUnitOfResource: 'kilogram', mediumOfExchange: false });
    expect(readProcess({ id: 'p', name: 'Milling', basedOn: { id: 'ps:milling' } })).toEqual({
      id: 'p',
      name: 'Milling',
      basedOn: 'ps:milling',
    });
    expect(pathOf(() => readProcess({ id: 'p', name: 'x', hasEnd: 'soon' }))).toBe('hasEnd');
  });

  it('commitments and agreements read back what acceptProposal made', () => {
    const offer = readProposal({
      id: 'p1',
      purpose: 'offer',
      proposer: 'g',
      publishes: {
        id: 'i1',
        action: 'transfer',
        resourceQuantity: { hasNumericalValue: 2, hasUnit: 'kilogram' },
      },
      reciprocal: {
        id: 'i2',
        action: 'transfer',
        resourceQuantity: { hasNumericalValue: 3, hasUnit: 'one' },
      },
    });
    const { agreement, commitments } = acceptProposal(offer, {
      agreementId: 'a1',
      counterparty: 'k',
      created: '2026-11-26T00:00:00Z',
    });
    const json = JSON.parse(JSON.stringify({ agreement, commitments }));
    expect(readAgreement(json.agreement)).toEqual(agreement);
    expect(json.commitments.map((c: unknown) => readCommitment(c))).toEqual(commitments);
    expect(pathOf(() => readCommitment({ ...json.commitments[0], receiver: undefined }))).toBe('receiver');
  });

  it('claims need what triggered them', () => {
    const claim = {
      id: 'c',
      action: 'transfer',
      provider: 'g',
      receiver: 'a',
      triggeredBy: 'w1',
      resourceQuantity: { hasNumericalValue: 3, hasUnit: 'one' },
    };
    expect(readClaim(claim)).toEqual(claim);
    expect(pathOf(() => readClaim({ ...claim, triggeredBy: undefined }))).toBe('triggeredBy');
  });

  it('never throws anything but VF_PARSE on arbitrary JSON', () => {
    const parsers = [
      readAgent,
      readAgreement,
      readClaim,
      readCommitment,
      readProcess,
      readResourceSpecification,
    ];
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        for (const parse of parsers) {
          try {
            parse(v);
          } catch (e) {
            expect(ValueflowsError.isInstance(e) && e.code).toBe('VF_PARSE');
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
