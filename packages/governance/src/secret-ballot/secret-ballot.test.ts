import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { beleniosVector } from '../../../../test-support/belenios-vectors';
import { DAY, EventLog, members, tableJson } from '../decisions/event-log.fixture';
import type { GovernanceContext } from '../decisions/governance-context';
import { evaluateAt, replay } from '../decisions/replay';
import type { SecretResultContent } from '../events/event-types';
import {
  credentialWeights,
  type SecretElectionParameters,
  secretElectionParameters,
  voterCredentialWeights,
} from './election-parameters';

const fixture = beleniosVector('nh-rfc');
const voters = Array.from({ length: 8 }, (_, i) => `voter${i + 1}`);

/** Accepts a result only if it names the evidence the test election produced. */
function verifying(evidence: string, seen: SecretElectionParameters[] = []): GovernanceContext {
  return {
    ...members(...voters),
    verifySecretResult: (parameters: SecretElectionParameters, content: SecretResultContent) => {
      seen.push(parameters);
      return content.evidence === evidence;
    },
  };
}

function secretDecision(
  rule: Record<string, unknown>,
  options?: string[],
  proposal: Record<string, unknown> = {},
) {
  const log = new EventLog();
  log.add('voter1', 0, 'init', {
    table: tableJson({
      'admit-member': {
        protocol: 'democracy',
        ballot: 'secret',
        duration: DAY,
        trustees: 'authority',
        ...rule,
      },
    }),
  });
  const decision = log.add('voter1', 1000, 'propose', {
    kind: 'admit-member',
    title: 'Rank the sites (1 = best)',
    action: { member: '@new:example.org' },
    ...(options === undefined ? {} : { options }),
    ...proposal,
  });
  return { log, decision };
}

/** Members voter1 … voter8; the sub-group `tech` is voter6, voter7, voter8. */
const withTech: GovernanceContext = {
  ...members(...voters),
  resolveGroup: (group) => (group === 'tech' ? new Set(['voter6', 'voter7', 'voter8']) : undefined),
};

/** voter3 → voter2 → voter1; voter4 and voter5 → the sub-group tech (set before the proposal). */
function withDelegations(log: EventLog): typeof log.events {
  const delegations = new EventLog();
  const to = (member: string, target: Record<string, string>, id: string) =>
    delegations.add(member, 10, 'delegate', { scope: { type: 'group' }, to: target }, id);
  to('voter3', { member: 'voter2' }, '$d1');
  to('voter2', { member: 'voter1' }, '$d2');
  to('voter4', { group: 'tech' }, '$d3');
  to('voter5', { group: 'tech' }, '$d4');
  return [log.events[0]!, ...delegations.events, ...log.events.slice(1)];
}

describe('secret ballots: election parameters', () => {
  it('asks a homomorphic question for plurality; delegated weight, to members and to a group, is fixed at opening', () => {
    const { log, decision } = secretDecision({ method: 'plurality', delegation: true });
    const { state } = replay(withDelegations(log), withTech);
    const parameters = secretElectionParameters(state, decision);
    expect(parameters.homomorphic).toBe(true);
    expect(parameters.question).toEqual({
      kind: 'homomorphic',
      question: 'Rank the sites (1 = best)',
      answers: ['yes', 'no'],
      min: 1,
      max: 1,
      blank: false,
      blankPresent: false,
    });
    // The group's 2 votes are shared by its 3 credential holders: whole votes by largest
    // remainders (2/3 each), remainder ties to the smaller member id.
    expect(parameters.voters).toEqual([
      { member: 'voter1', weight: 3 },
      { member: 'voter6', weight: 2 },
      { member: 'voter7', weight: 2 },
      { member: 'voter8', weight: 1 },
    ]);
    expect(parameters.totalWeight).toBe(8);
    // One credential per voter, carrying the voter's weight.
    expect(credentialWeights(parameters)).toEqual([1, 2, 2, 3]);
    expect(state.decisions.get(decision)?.secret?.delegation?.groups).toEqual([
      {
        group: 'tech',
        weight: 2,
        voters: 3,
        casts: [
          { position: 'voter6', weight: 1 },
          { position: 'voter7', weight: 1 },
        ],
      },
    ]);
  });

  it('asks a non-homomorphic question for Schulze; weight travels as one credential of weight 1 per vote', () => {
    const { log, decision } = secretDecision({ method: 'schulze', delegation: true }, [
      'North',
      'South',
      'East',
      'West',
    ]);
    const { state } = replay(withDelegations(log), withTech);
    const parameters = secretElectionParameters(state, decision);
    expect(parameters.question).toEqual({
      kind: 'non-homomorphic',
      question: 'Rank the sites (1 = best)',
      answers: ['North', 'South', 'East', 'West'],
      value: { question: 'Rank the sites (1 = best)', answers: ['North', 'South', 'East', 'West'] },
    });
    expect(parameters.voters.map((v) => v.weight)).toEqual([3, 2, 2, 1]);
    expect(credentialWeights(parameters)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(voterCredentialWeights(parameters, 3)).toEqual([1, 1, 1]);
  });

  it('gives every eligible member one credential of weight 1 without delegation', () => {
    const { log, decision } = secretDecision({ method: 'plurality' });
    const { state } = replay(withDelegations(log), withTech);
    const parameters = secretElectionParameters(state, decision);
    expect(parameters.voters).toEqual(voters.map((member) => ({ member, weight: 1 })));
  });

  it('takes its trustees from the rule, else from the proposal; refuses a proposal naming others or none', () => {
    const trustees = { members: ['voter2', 'voter3', 'voter4'], threshold: 2 };
    const byRule = secretDecision({ method: 'plurality', trustees });
    expect(
      secretElectionParameters(replay(byRule.log.events, members(...voters)).state, byRule.decision).trustees,
    ).toEqual(trustees);
    const alone = secretDecision({ method: 'plurality' });
    expect(
      secretElectionParameters(replay(alone.log.events, members(...voters)).state, alone.decision).trustees,
    ).toEqual({
      members: [],
    });
    const byProposal = secretDecision({ method: 'plurality', trustees: undefined }, undefined, { trustees });
    expect(
      secretElectionParameters(replay(byProposal.log.events, members(...voters)).state, byProposal.decision)
        .trustees,
    ).toEqual(trustees);
    const both = secretDecision({ method: 'plurality', trustees }, undefined, {
      trustees: { members: ['voter5'] },
    });
    const none = secretDecision({ method: 'plurality', trustees: undefined });
    expect(replay(both.log.events, members(...voters)).rejected.map((r) => r.reason)).toEqual([
      'invalid-trustees',
    ]);
    expect(replay(none.log.events, members(...voters)).rejected.map((r) => r.reason)).toEqual([
      'no-trustees',
    ]);
  });

  it('reads trustees at the boundary: distinct members, a threshold only among two or more, within their number', () => {
    const bad = [
      { members: [] },
      { members: ['voter2', 'voter2'] },
      { members: ['voter2'], threshold: 1 },
      { members: ['voter2', 'voter3'], threshold: 3 },
      { members: ['voter2', 'voter3'], threshold: 0 },
      { members: ['voter2'], extra: true },
      'everyone',
    ];
    for (const trustees of bad) {
      const { log } = secretDecision({ method: 'plurality', trustees: undefined }, undefined, { trustees });
      const { rejected } = replay(log.events, members(...voters));
      expect(rejected.map((r) => [r.reason, r.error?.path])).toEqual([
        ['malformed', expect.stringMatching(/^content\.trustees/)],
      ]);
    }
  });

  it('lets a challenged act escalate to a secret vote only with trustees: without any, it expires (no-trustees)', () => {
    const log = new EventLog();
    const escalation = { protocol: 'democracy', method: 'plurality', ballot: 'secret', duration: DAY };
    log.add('voter1', 0, 'init', {
      table: tableJson({ 'admit-member': { protocol: 'do-ocracy', window: DAY, escalation } }),
    });
    const act = log.add('voter1', 1000, 'propose', { kind: 'admit-member', action: {} });
    log.add('voter2', 2000, 'challenge', { decision: act, reason: 'not without a vote' });
    const { state } = replay(log.events, members(...voters));
    const settled = evaluateAt(state, 3000 + DAY, members(...voters)).state.decisions.get(act);
    expect(settled?.outcome).toMatchObject({ status: 'expired', reason: 'no-trustees' });
  });

  it('refuses public ballots on a secret decision and parameters of a public one', () => {
    const { log, decision } = secretDecision({ method: 'plurality' });
    log.add('voter2', 2000, 'vote', { decision, ballot: [1, 0] });
    const { state, rejected } = replay(log.events, members(...voters));
    expect(rejected.map((r) => r.reason)).toEqual(['secret-ballot']);
    expect(() => secretElectionParameters(state, 'nope')).toThrow(
      expect.objectContaining({ code: 'SECRET_BALLOT_UNAVAILABLE' }),
    );
  });
});

describe('secret ballots: feeding back a verified Belenios result (fixture nh-rfc)', () => {
  const [yesNo, rankings] = JSON.parse(readFileSync(`${fixture}/expected-result.json`, 'utf8')) as [
    number[],
    number[][],
  ];

  it('counts the non-homomorphic ballots with Schulze exactly as belenios-tool does', async () => {
    const { log, decision } = secretDecision({ method: 'schulze' }, ['North', 'South', 'East', 'West']);
    log.add('voter1', 2000 + DAY, 'secret.result', { decision, result: rankings, evidence: 'archive-hash' });
    const seen: SecretElectionParameters[] = [];
    const { state, rejected } = replay(log.events, verifying('archive-hash', seen));
    expect(rejected).toEqual([]);
    expect(seen[0]?.decision).toBe(decision);
    const outcome = state.decisions.get(decision)?.outcome;
    expect(outcome?.tally?.count.ranking).toEqual(await beleniosSchulze(rankings, 4));
    expect(outcome?.reason).toBe('tie');
  });

  it('counts homomorphic totals; a 4–4 motion is a tie; unverified results and results from anyone but the authority are refused', () => {
    const { log, decision } = secretDecision({ method: 'plurality' });
    // voter2 is a member, not the group's authority: even a verified result from them is refused.
    log.add('voter2', 2000 + DAY, 'secret.result', { decision, result: [5, 3], evidence: 'archive-hash' });
    log.add('voter1', 2000 + DAY, 'secret.result', { decision, result: yesNo, evidence: 'forged' });
    log.add('voter1', 2000 + DAY, 'secret.result', { decision, result: [5, 4], evidence: 'archive-hash' });
    log.add('voter1', 2000 + DAY, 'secret.result', { decision, result: yesNo, evidence: 'archive-hash' });
    const { state, rejected } = replay(log.events, verifying('archive-hash'));
    expect(rejected.map((r) => r.reason)).toEqual(['wrong-sender', 'unverified-result', 'unverified-result']);
    expect(state.decisions.get(decision)?.outcome).toMatchObject({ status: 'rejected', reason: 'tie' });
  });

  it('waits in status closed between the end of the period and the result', () => {
    const { log, decision } = secretDecision({ method: 'plurality' });
    const { state } = replay(log.events, verifying('x'));
    expect(evaluateAt(state, 1000 + DAY, verifying('x')).state.decisions.get(decision)?.status).toBe(
      'closed',
    );
    const withoutVerifier = new EventLog();
    withoutVerifier.add(
      'voter1',
      2000 + DAY,
      'secret.result',
      { decision, result: [5, 3], evidence: 'x' },
      '$result',
    );
    const fed = replay(withoutVerifier.events, members(...voters), state);
    expect(fed.rejected.map((r) => r.reason)).toEqual(['unverified-result']);
  });
});

async function beleniosSchulze(ballots: number[][], nchoices: number): Promise<number[][]> {
  return new Promise((resolve, reject) => {
    const child = spawn('belenios-tool', [
      'method',
      'schulze',
      '--nchoices',
      String(nchoices),
      '--blank-allowed',
      'false',
    ]);
    let output = '';
    child.on('error', (error) =>
      reject(
        new Error(`belenios-tool is required for this test (apt install belenios-tool): ${error.message}`),
      ),
    );
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`belenios-tool exited with ${code}`));
      else resolve((JSON.parse(output) as { winners: number[][] }).winners);
    });
    child.stdin.end(JSON.stringify(ballots));
  });
}
