/** A relation's content: its type, note and the servers to reach the other group through. */
import { describe, expect, it } from 'vitest';
import { ContentProblem } from '../events/content-reader';
import { readRelationAssertion, SERVER_NAME_PATTERN } from './relation-assertion';

const problemAt = (content: unknown): string | undefined => {
  try {
    readRelationAssertion(content);
    return undefined;
  } catch (error) {
    return error instanceof ContentProblem ? error.path : 'not a content problem';
  }
};

describe('relation assertion', () => {
  it('reads servers to reach the other group through, without repeats', () => {
    expect(
      readRelationAssertion({
        type: 'partner',
        via: ['paris.example.org', 'localhost:8448', 'paris.example.org'],
      }),
    ).toEqual({ type: 'partner', via: ['paris.example.org', 'localhost:8448'] });
    expect(readRelationAssertion({ type: 'partner', via: [] })).toEqual({ type: 'partner' });
    expect(readRelationAssertion({ type: 'partner', note: 'Tools' })).toEqual({
      type: 'partner',
      note: 'Tools',
    });
    expect(readRelationAssertion({})).toBeNull();
  });

  it('names the entry of a via that is no server name', () => {
    expect(problemAt({ type: 'partner', via: 'paris.example.org' })).toBe('content.via');
    expect(problemAt({ type: 'partner', via: ['paris.example.org', 'https://evil.example/'] })).toBe(
      'content.via[1]',
    );
    expect(problemAt({ type: 'partner', via: ['a', 7] })).toBe('content.via[1]');
    expect(problemAt({ type: 'partner', via: Array.from({ length: 11 }, (_, i) => `s${i}.example`) })).toBe(
      'content.via',
    );
  });

  it('knows server names as the Matrix specification writes them', () => {
    for (const name of ['matrix.org', 'localhost:8448', '127.0.0.1', '[::1]:8448', 'a-b.c'])
      expect(SERVER_NAME_PATTERN.test(name), name).toBe(true);
    for (const name of ['', 'a b', 'a/b', '-a.example', 'a.example:port', '@u:a', 'a.example:123456'])
      expect(SERVER_NAME_PATTERN.test(name), name).toBe(false);
  });
});
