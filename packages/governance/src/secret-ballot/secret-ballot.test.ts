import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { beleniosVector } from '../../../../test-support/belenios-vectors';
import { DAY, EventLog, members, tableJson } from '../decisions/event-log.fixture';
import type { GovernanceContext } from '../decisions/governance-state';
import { evaluateAt, replay } from '../decisions/replay';
import type { SecretResultContent } from '../events/event-types';
import { type SecretElectionParameters, secretElectionParameters } from './election-parameters';

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

function secretDecision(rule: Record<string, unknown>, options?: string[]) {
  const log = new EventLog();
  log.add('voter1', 0, 'init', {
    table: tableJson({ 'admit-member': { protocol: 'democracy', ballot: 'secret', duration: DAY, ...rule } }),
  });
  const decision = log.add('voter1', 1000, 'propose', {
    kind: 'admit-member',
    title: 'Rank the sites (1 = best)',
    action: { member: '@new:example.org' },
    ...(options === undefined ? {} : { options }),
  });
  return { log, decision };
}

describe('secret ballots: election parameters', () => {
  it('asks a homomorphic question for plurality, with weights from delegation fixed at opening', () => {
    const { log, decision } = secretDecision({ method: 'plurality', delegation: true });
    // before the proposal: voter3 → voter2 → voter1; voter5 → a group (not available secretly)
    const delegations = new EventLog();
    delegations.add('voter3', 10, 'delegate', { scope: { type: 'group' }, to: { member: 'voter2' } }, '$d1');
    delegations.add('voter2', 10, 'delegate', { scope: { type: 'group' }, to: { member: 'voter1' } }, '$d2');
    delegations.add('voter5', 10, 'delegate', { scope: { type: 'group' }, to: { group: 'tech' } }, '$d3');
    const events = [log.events[0]!, ...delegations.events, log.events[1]!];
    const { state } = replay(events, members(...voters));
    const parameters = secretElectionParameters(state, decision);
    expect(parameters.homomorphic).toBe(true);
    expect(parameters.question).toEqual({
      question: 'Rank the sites (1 = best)',
      answers: ['yes', 'no'],
      min: 1,
      max: 1,
    });
    expect(parameters.voters).toEqual([
      { member: 'voter1', weight: 3 },
      { member: 'voter4', weight: 1 },
      { member: 'voter5', weight: 1 },
      { member: 'voter6', weight: 1 },
      { member: 'voter7', weight: 1 },
      { member: 'voter8', weight: 1 },
    ]);
    expect(parameters.totalWeight).toBe(8);
  });

  it('asks a non-homomorphic question for Schulze, every voter with weight 1', () => {
    const { log, decision } = secretDecision({ method: 'schulze', delegation: true }, [
      'North',
      'South',
      'East',
      'West',
    ]);
    const { state } = replay(log.events, members(...voters));
    const parameters = secretElectionParameters(state, decision);
    expect(parameters.question).toEqual({
      type: 'NonHomomorphic',
      value: { question: 'Rank the sites (1 = best)', answers: ['North', 'South', 'East', 'West'] },
    });
    expect(parameters.voters.every((voter) => voter.weight === 1)).toBe(true);
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
