import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBallot, readCredential, readElection, readStepMessage, readTrusteeKey } from './election-events';

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
      readStepMessage(
        {
          decision: '$d',
          step: 'decrypt',
          trustee: '@a:x',
          trustee_id: 3,
          archive: 'mxc://x/y',
          decryption_key: 'k',
        },
        'archive',
      ),
    ).toEqual({
      decision: '$d',
      step: 'decrypt',
      trustee: '@a:x',
      trusteeId: 3,
      uri: 'mxc://x/y',
      decryptionKey: 'k',
    });
    expect(
      readElection({ decision: '$d', uuid: 'u', archive: 'mxc://x/y', trustees: ['server', 7] }),
    ).toEqual({
      decision: '$d',
      uuid: 'u',
      archive: 'mxc://x/y',
      trustees: ['server'],
    });
  });

  it('refuse what does not fit', () => {
    expect(readTrusteeKey({ decision: '$d', certificate: '{}', cert_id: '../etc/passwd' })).toBeUndefined();
    expect(
      readStepMessage({ decision: '$d', step: 'rm', trustee_id: 2, archive: 'mxc://x/y' }, 'archive'),
    ).toBeUndefined();
    expect(
      readStepMessage({ decision: '$d', step: 'shuffle', trustee_id: 2.5, archive: 'mxc://x/y' }, 'archive'),
    ).toBeUndefined();
    expect(
      readStepMessage({ decision: '$d', step: 'shuffle', trustee_id: 2, payload: 'mxc://x/y' }, 'archive'),
    ).toBeUndefined();
    expect(readBallot({ decision: '$d', ballot: 42 })).toBeUndefined();
    expect(readCredential({ decision: '$d', uuid: 'u' })).toBeUndefined();
  });

  it('never throw on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        readTrusteeKey(value);
        readElection(value);
        readBallot(value);
        readStepMessage(value, 'archive');
        readStepMessage(value, 'payload');
        readCredential(value);
      }),
      { numRuns: 300 },
    );
  });
});
