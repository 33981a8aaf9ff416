import type { SecretElectionParameters } from '@imago/governance';
import { describe, expect, it } from 'vitest';
import { ballotsInTime, readSecretBallot, secretResultVerifier } from './secret-ballot-events';
import {
  castBallot,
  countedBallots,
  decryptTally,
  readSetup,
  setUpElection,
  verifiedResult,
} from './secret-election';

const parameters: SecretElectionParameters = {
  decision: '$decision',
  method: 'plurality',
  homomorphic: true,
  question: { question: 'Logo?', answers: ['Sun', 'Tree'], min: 1, max: 1 },
  voters: [
    { member: '@ana:x', weight: 1 },
    { member: '@bo:x', weight: 2 },
  ],
  totalWeight: 3,
  opensAt: 0,
  closesAt: 1000,
};

function election() {
  const setup = setUpElection(parameters, 'Logo?');
  const parsed = readSetup(setup.election, setup.trustee);
  if (!parsed) throw new Error('setup does not read back');
  return { setup, election: parsed };
}

describe('secret ballot run by the members', () => {
  it('decrypts the weighted total of the voters’ last ballots, and nothing else', () => {
    const { setup, election: e } = election();
    const posted = [
      { sender: '@ana:x', text: castBallot(e, [1, 0]).text },
      { sender: '@bo:x', text: castBallot(e, [1, 0]).text },
      { sender: '@bo:x', text: castBallot(e, [0, 1]).text },
      { sender: '@eve:x', text: castBallot(e, [1, 0]).text },
    ];
    const counted = countedBallots(e, posted, parameters.voters);
    expect(counted.map((b) => b.weight)).toEqual([1n, 2n]);
    const decryption = decryptTally(e, counted, setup.secretKey);
    expect(verifiedResult(e, counted, decryption)).toEqual([1, 2]);
  });

  it('refuses a decryption made with another key or for other ballots', () => {
    const { setup, election: e } = election();
    const other = election();
    const ballots = countedBallots(
      e,
      [{ sender: '@ana:x', text: castBallot(e, [0, 1]).text }],
      parameters.voters,
    );
    expect(verifiedResult(e, ballots, decryptTally(e, ballots, other.setup.secretKey))).toBeUndefined();
    const more = countedBallots(
      e,
      [
        { sender: '@ana:x', text: castBallot(e, [0, 1]).text },
        { sender: '@bo:x', text: castBallot(e, [1, 0]).text },
      ],
      parameters.voters,
    );
    expect(verifiedResult(e, more, decryptTally(e, ballots, setup.secretKey))).toBeUndefined();
  });

  it('ignores forged ballots and a setup whose trustee key is not the election key', () => {
    const { setup, election: e } = election();
    const good = castBallot(e, [1, 0]).text;
    const forged = good.replace(/"signature":\{"hash":"[^"]+"/, '"signature":{"hash":"AAAA"');
    expect(countedBallots(e, [{ sender: '@ana:x', text: forged }], parameters.voters)).toEqual([]);
    expect(readSetup(setup.election, election().setup.trustee)).toBeUndefined();
  });

  it('accepts a published result only when the room’s evidence gives it, counting ballots sent before the close', () => {
    const { setup, election: e } = election();
    const event = (id: string, sender: string, ts: number, type: string, content: object) => ({
      event_id: id,
      sender,
      origin_server_ts: ts,
      type,
      content: { decision: parameters.decision, ...content },
    });
    const ana = castBallot(e, [0, 1]).text;
    const late = castBallot(e, [1, 0]).text;
    const events = [
      event('$s', '@ana:x', 10, 'org.imago.example.helios.setup', {
        election: setup.election,
        trustee: setup.trustee,
      }),
      event('$b1', '@ana:x', 20, 'org.imago.example.helios.ballot', { ballot: ana }),
      event('$b2', '@bo:x', 2000, 'org.imago.example.helios.ballot', { ballot: late }),
    ];
    const record = readSecretBallot(events, parameters.decision, '@ana:x');
    const inTime = ballotsInTime(record, parameters);
    expect(inTime.map((b) => b.id)).toEqual(['$b1']);
    const decryption = decryptTally(e, countedBallots(e, inTime, parameters.voters), setup.secretKey);
    events.push(
      event('$d', '@ana:x', 3000, 'org.imago.example.helios.decryption', { partial_decryption: decryption }),
    );
    const verify = secretResultVerifier('!decisions:x', events, () => '@ana:x');
    expect(verify(parameters, { decision: parameters.decision, result: [0, 1] })).toBe(true);
    expect(verify(parameters, { decision: parameters.decision, result: [1, 1] })).toBe(false);
    // Only the proposer is the trustee: a setup by someone else is ignored.
    expect(
      secretResultVerifier(
        '!decisions:x',
        events,
        () => '@bo:x',
      )(parameters, {
        decision: parameters.decision,
        result: [0, 1],
      }),
    ).toBe(false);
  });
});
