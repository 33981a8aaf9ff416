import { heliosQuestion, type SecretElectionParameters } from '@imago/governance';
import { ownedStep } from '@imago/helios-c';
import { describe, expect, it } from 'vitest';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { appendToRoomLog, emptyRoomLog } from '../replay/room-log';
import { checkElectionOfDecision } from './election-of-decision';
import { type PreparedElection, prepareElection } from './election-setup';
import type { SecretBallotReplay } from './election-state';
import { replaySecretBallots, type TrusteeContributions } from './replay-secret-ballots';
import { secretResultVerifier } from './secret-result';
import { dueContribution, type TrusteeSecret } from './trustee-key-establishment';

// The decision asks a plurality question of four voters weighing 1, 2, 1, 1, with three member
// trustees; the authority prepares the election from the keys they posted. Each mismatch between
// an election and its decision is named by the check, and the verifier refuses the result.
const authority = '@service:example.org';
const trusteeIds = ['@bo:example.org', '@cy:example.org', '@dee:example.org'];

function parametersWith(overrides: Partial<SecretElectionParameters> = {}): SecretElectionParameters {
  return {
    decision: '$decision',
    method: 'plurality',
    homomorphic: true,
    question: heliosQuestion('plurality', 'Delegate?', ['Ana', 'Bo']),
    voters: [
      { member: '@ana:example.org', weight: 1 },
      { member: '@bo:example.org', weight: 2 },
      { member: '@cy:example.org', weight: 1 },
      { member: '@dee:example.org', weight: 1 },
    ],
    totalWeight: 5,
    trustees: { members: trusteeIds },
    opensAt: 0,
    closesAt: 1,
    ...overrides,
  };
}

/** Runs key establishment in memory: every trustee posts what is due until nothing is. */
function establish(parameters: SecretElectionParameters): Map<string, TrusteeContributions> {
  const contributions = new Map<string, Record<string, { text: string; eventId: string }>>();
  const secrets = new Map<string, TrusteeSecret>();
  for (let round = 0; round < 4; round++) {
    for (const member of parameters.trustees.members) {
      const due = dueContribution(parameters, member, contributions, secrets.get(member));
      if (!due) continue;
      secrets.set(member, due.secret);
      contributions.set(member, {
        ...contributions.get(member),
        [due.contribution.step]: { text: due.contribution.text, eventId: `$${member}${round}` },
      });
    }
  }
  return contributions;
}

function replayOf(
  prepared: PreparedElection,
  overrides: Partial<SecretBallotReplay> = {},
): SecretBallotReplay {
  return {
    election: prepared.uuid,
    administrator: authority,
    decision: prepared.decision,
    trustees: prepared.trustees,
    timestamp: prepared.timestamp,
    phase: 'voting',
    steps: [{ ...prepared.setup, eventId: '$setup', sender: authority }],
    ...overrides,
  };
}

function prepared(parameters: SecretElectionParameters, contributions: Map<string, TrusteeContributions>) {
  const made = prepareElection(parameters, contributions, authority, 1_800_000_000_000);
  if (!('uuid' in made)) throw new Error(JSON.stringify(made));
  return made;
}

const checks = (report: ReturnType<typeof checkElectionOfDecision>) => report.issues.map((i) => i.check);

describe('checkElectionOfDecision: the election must be the one the decision asked for', () => {
  const parameters = parametersWith();
  const contributions = establish(parameters);
  const election = prepared(parameters, contributions);

  it('accepts the election prepared from the decision and the keys its trustees posted', () => {
    expect(checkElectionOfDecision(replayOf(election), parameters, contributions)).toEqual({
      ok: true,
      issues: [],
    });
    // Credentials carry the voters' weights: one of weight 2, three of weight 1.
    expect(Object.values(election.credentials ?? {}).map((c) => c.length)).toEqual([1, 1, 1, 1]);
  });

  it('waits for every trustee’s key before preparing, and refuses a key that does not prove its secret', () => {
    const partial = new Map([...contributions].slice(0, 2));
    expect(prepareElection(parameters, partial, authority, 0)).toEqual({ waiting: [trusteeIds[2]] });
    const forged = new Map(contributions);
    const text = contributions.get(trusteeIds[0]!)?.key?.text ?? '';
    forged.set(trusteeIds[0]!, {
      key: { text: text.replace(/"response":"\d/, '"response":"1'), eventId: '$x' },
    });
    expect(prepareElection(parameters, forged, authority, 0)).toMatchObject({ member: trusteeIds[0] });
  });

  it('names another question, other weights, and a credential more or less', () => {
    const other = parametersWith({ question: heliosQuestion('plurality', 'Delegate?', ['Bo', 'Ana']) });
    expect(checks(checkElectionOfDecision(replayOf(election), other, contributions))).toEqual(['question']);
    const approval = parametersWith({ question: heliosQuestion('approval', 'Delegate?', ['Ana', 'Bo']) });
    expect(checks(checkElectionOfDecision(replayOf(election), approval, contributions))).toEqual([
      'question',
    ]);
    const equal = parametersWith({ voters: parameters.voters.map((v) => ({ ...v, weight: 1 })) });
    expect(checks(checkElectionOfDecision(replayOf(election), equal, contributions))).toEqual([
      'credentials',
    ]);
    const more = parametersWith({
      voters: [...parameters.voters, { member: '@eve:example.org', weight: 1 }],
    });
    expect(checks(checkElectionOfDecision(replayOf(election), more, contributions))).toEqual(['credentials']);
  });

  it('names trustees that are not the authority and the decision’s members with the keys they posted', () => {
    const reordered = {
      ...replayOf(election),
      trustees: [authority, trusteeIds[1]!, trusteeIds[0]!, trusteeIds[2]!],
    };
    expect(checks(checkElectionOfDecision(reordered, parameters, contributions))).toEqual(['trustees']);
    // The authority made up a member's key: its own election, decryptable without that member.
    const otherKeys = establish(parameters);
    expect(checks(checkElectionOfDecision(replayOf(election), parameters, otherKeys))).toEqual(['trustees']);
    // The authority alone, where the decision names member trustees.
    const alone = prepared(parametersWith({ trustees: { members: [] } }), new Map());
    expect(checks(checkElectionOfDecision(replayOf(alone), parameters, contributions))).toEqual(['trustees']);
    expect(
      checks(checkElectionOfDecision(replayOf(election, { decision: '$other' }), parameters, contributions)),
    ).toEqual(['decision']);
  });

  it('checks a threshold election’s certificates and threshold', () => {
    const threshold = parametersWith({ trustees: { members: trusteeIds, threshold: 2 } });
    const keys = establish(threshold);
    const made = prepared(threshold, keys);
    expect(checkElectionOfDecision(replayOf(made), threshold, keys).ok).toBe(true);
    const stricter = parametersWith({ trustees: { members: trusteeIds, threshold: 3 } });
    expect(checks(checkElectionOfDecision(replayOf(made), stricter, keys))).toEqual(['trustees']);
    expect(checks(checkElectionOfDecision(replayOf(made), threshold, establish(threshold)))).toEqual([
      'trustees',
    ]);
  });

  it('requires the shuffles of as many member trustees as must decrypt on a non-homomorphic question', () => {
    const ranked = parametersWith({
      method: 'schulze',
      homomorphic: false,
      question: heliosQuestion('schulze', 'Rank', ['A', 'B', 'C']),
      trustees: { members: trusteeIds, threshold: 2 },
    });
    const keys = establish(ranked);
    const made = prepared(ranked, keys);
    // One credential of weight 1 per unit of weight: Bo holds two.
    expect(made.credentials?.['@bo:example.org']).toHaveLength(2);
    const shuffle = (owner: number, sender: string) => ({
      ...ownedStep('Shuffle', owner, `{"s":${owner}}`),
      eventId: `$s${owner}`,
      sender,
    });
    const base = replayOf(made).steps;
    const end = { type: 'EndShuffles' as const, data: [], eventId: '$end', sender: authority };
    const once = replayOf(made, { phase: 'tallied', steps: [...base, shuffle(2, trusteeIds[0]!), end] });
    expect(checks(checkElectionOfDecision(once, ranked, keys))).toEqual(['shuffles']);
    const twice = replayOf(made, {
      phase: 'tallied',
      steps: [...base, shuffle(2, trusteeIds[0]!), shuffle(3, trusteeIds[1]!), end],
    });
    expect(checkElectionOfDecision(twice, ranked, keys).ok).toBe(true);
  });

  it('lets the verifier refuse a result of an election not verified or not finished', () => {
    const ballots = {
      elections: new Map([[election.uuid, replayOf(election)]]),
      contributions: new Map([['$decision', contributions]]),
    };
    const verify = secretResultVerifier(ballots, new Set([election.uuid]));
    expect(verify(parameters, { decision: '$decision', result: [0, 0] })).toBe(false);
    const done = {
      ...ballots,
      elections: new Map([
        [election.uuid, replayOf(election, { phase: 'done', result: '{"result":[[0,0]]}' })],
      ]),
    };
    expect(secretResultVerifier(done, new Set())(parameters, { decision: '$decision', result: [0, 0] })).toBe(
      false,
    );
  });
});

describe('replaySecretBallots: trustees’ steps are held to the accounts the Setup names', () => {
  const parameters = parametersWith();
  const contributions = establish(parameters);
  const election = prepared(parameters, contributions);
  const event = (id: string, sender: string, content: Record<string, unknown>): RawMatrixEvent => ({
    type: 'org.imago.helios.step',
    event_id: id,
    sender,
    room_id: '!decisions:example.org',
    origin_server_ts: 1000,
    content: { election: election.uuid, ...content },
  });
  const setup = event('$setup', authority, {
    type: 'Setup',
    payload: election.setup.payload,
    data: election.setup.data,
    timestamp: election.timestamp,
    decision: '$decision',
    trustees: election.trustees,
  });
  const tally = { type: 'EncryptedTally', payload: 'c'.repeat(64), data: ['x'] };

  it('refuses a partial decryption or shuffle from another account than its trustee’s, and a second one of a trustee', () => {
    const pd = (owner: number) => ownedStep('PartialDecryption', owner, `{"pd":${owner}}`);
    const log = appendToRoomLog(emptyRoomLog('!decisions:example.org'), [
      setup,
      event('$end', authority, { type: 'EndBallots', data: [] }),
      event('$tally', authority, { ...tally, payload: undefined, data: [] }),
      event('$pd-forged', '@eve:example.org', {
        type: 'PartialDecryption',
        payload: pd(2).payload,
        data: pd(2).data,
      }),
      event('$pd-bo', trusteeIds[0]!, {
        type: 'PartialDecryption',
        payload: pd(2).payload,
        data: pd(2).data,
      }),
      event('$pd-bo-again', trusteeIds[0]!, {
        type: 'PartialDecryption',
        payload: pd(2).payload,
        data: pd(2).data,
      }),
    ]);
    const { elections, warnings } = replaySecretBallots(log, {
      checkBallots: false,
      authorityAt: () => [authority],
    });
    const code = (id: string) => warnings.find((w) => w.eventId === id)?.code;
    expect(code('$pd-forged')).toBe('unauthorised');
    expect(code('$pd-bo-again')).toBe('duplicate');
    expect(elections.get(election.uuid)?.steps.map((s) => s.eventId)).toEqual([
      '$setup',
      '$end',
      '$tally',
      '$pd-bo',
    ]);
  });

  it('refuses a Setup that does not name its sender as trustee 1, and a trustee contribution posted twice', () => {
    const wrong = {
      ...setup,
      event_id: '$wrong',
      content: { ...(setup.content as object), trustees: [trusteeIds[0]] },
    };
    const contribution = (id: string) => ({
      type: 'org.imago.helios.trustee',
      event_id: id,
      sender: trusteeIds[0]!,
      room_id: '!decisions:example.org',
      origin_server_ts: 1000,
      content: { decision: '$decision', step: 'key', text: contributions.get(trusteeIds[0]!)?.key?.text },
    });
    const log = appendToRoomLog(emptyRoomLog('!decisions:example.org'), [
      wrong,
      contribution('$k1'),
      contribution('$k2'),
    ]);
    const replay = replaySecretBallots(log, { authorityAt: () => [authority] });
    expect(replay.warnings.map((w) => [w.eventId, w.code])).toEqual([
      ['$wrong', 'malformed-content'],
      ['$k2', 'duplicate'],
    ]);
    expect(replay.contributions.get('$decision')?.get(trusteeIds[0]!)?.key?.eventId).toBe('$k1');
  });
});
