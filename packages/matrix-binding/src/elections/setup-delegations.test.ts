import { sha256Hex } from '@imago/helios-c';
import { describe, expect, it } from 'vitest';
import { ContentProblem } from '../events/content-reader';
import { countedClose } from '../governance/counted-close';
import { readSecretBallotStep } from './election-step';

const setup = (more: Record<string, unknown>) => ({
  election: 'AbCdEfGhJk12',
  type: 'Setup',
  data: [],
  timestamp: 1,
  decision: '$decision',
  ...more,
});

describe('a Setup names the delegations its weights took into account', () => {
  it('reads the list inline or as the number and digest of its parts', () => {
    expect(readSecretBallotStep(setup({ delegations: ['$d1', '$d2/group'] })).delegations).toEqual([
      '$d1',
      '$d2/group',
    ]);
    const digest = sha256Hex('[]');
    expect(readSecretBallotStep(setup({ delegations: { parts: 2, digest } })).delegations).toEqual({
      parts: 2,
      digest,
    });
  });

  it('refuses a list on another step, or one that is neither ids nor parts, naming the field', () => {
    const refused = (content: unknown) => {
      try {
        readSecretBallotStep(content);
      } catch (error) {
        return error instanceof ContentProblem ? [error.code, error.path] : error;
      }
      return undefined;
    };
    expect(refused({ ...setup({ delegations: [] }), type: 'EndBallots', decision: undefined })).toEqual([
      'malformed-content',
      'content.delegations',
    ]);
    expect(refused(setup({ delegations: [1] }))).toEqual(['malformed-content', 'content.delegations[0]']);
    expect(refused(setup({ delegations: { parts: 0, digest: 'x' } }))).toEqual([
      'malformed-content',
      'content.delegations.parts',
    ]);
  });

  it('sends a list longer than the budget in counted parts whose digest the Setup names', () => {
    const ids = Array.from({ length: 1_000 }, (_, i) => `$delegation${i}`);
    const key = '$decision/weights';
    const { parts, close } = countedClose(key, { [key]: ids }, 8_000);
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.every((p) => p.decision === key)).toBe(true);
    expect(parts.flatMap((p) => p.ids)).toEqual(ids);
    expect(close.counted[key]).toEqual({ parts: parts.length, digest: sha256Hex(JSON.stringify(ids)) });
    expect(countedClose(key, { [key]: ids.slice(0, 3) }, 8_000).close.counted[key]).toEqual(ids.slice(0, 3));
  });
});
