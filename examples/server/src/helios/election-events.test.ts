import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readContribution, readCredential, readStepRequest, readTrusteeKey } from './election-events';

describe('secret-election event readers', () => {
  it('read well-formed contents', () => {
    expect(readTrusteeKey({ decision: '$d', public_key: '{"pok":1}' })).toEqual({
      decision: '$d',
      publicKey: '{"pok":1}',
    });
    expect(readTrusteeKey({ decision: '$d', certificate: '{}', cert_id: 'ab12' })).toEqual({
      decision: '$d',
      certificate: '{}',
      certId: 'ab12',
    });
    expect(
      readStepRequest({
        decision: '$d',
        step: 'decrypt',
        trustee: '@a:x',
        trustee_id: 3,
        election: 'u',
        decryption_key: 'k',
      }),
    ).toEqual({
      decision: '$d',
      step: 'decrypt',
      trustee: '@a:x',
      trusteeId: 3,
      election: 'u',
      decryptionKey: 'k',
    });
    expect(
      readStepRequest({
        decision: '$d',
        step: 'polynomial',
        trustee: '@a:x',
        trustee_id: 2,
        input: 'mxc://x/y',
        threshold: 2,
      }),
    ).toEqual({
      decision: '$d',
      step: 'polynomial',
      trustee: '@a:x',
      trusteeId: 2,
      input: 'mxc://x/y',
      threshold: 2,
    });
    expect(
      readContribution({ decision: '$d', step: 'voutput', trustee_id: 2, payload: 'mxc://x/y' }),
    ).toEqual({ decision: '$d', step: 'voutput', trusteeId: 2, uri: 'mxc://x/y' });
    expect(readCredential({ decision: '$d', uuid: 'u', credential: 'c' })).toEqual({
      decision: '$d',
      uuid: 'u',
      credential: 'c',
    });
  });

  it('refuse what does not fit', () => {
    expect(readTrusteeKey({ decision: '$d', certificate: '{}', cert_id: '../etc/passwd' })).toBeUndefined();
    const request = { decision: '$d', trustee: '@a:x', trustee_id: 2 };
    expect(readStepRequest({ ...request, step: 'rm', election: 'u' })).toBeUndefined();
    expect(readStepRequest({ ...request, step: 'shuffle', trustee_id: 2.5, election: 'u' })).toBeUndefined();
    // Key-establishment steps need their input, election steps the election.
    expect(readStepRequest({ ...request, step: 'shuffle', input: 'mxc://x/y' })).toBeUndefined();
    expect(readStepRequest({ ...request, step: 'polynomial', election: 'u' })).toBeUndefined();
    expect(
      readContribution({ decision: '$d', step: 'shuffle', trustee_id: 2, payload: 'mxc://x/y' }),
    ).toBeUndefined();
    expect(readCredential({ decision: '$d', uuid: 'u' })).toBeUndefined();
  });

  it('never throw on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        readTrusteeKey(value);
        readStepRequest(value);
        readContribution(value);
        readCredential(value);
      }),
      { numRuns: 300 },
    );
  });
});
