import { describe, expect, it } from 'vitest';
import { reachError, viaOf } from './reach-room';

describe('viaOf', () => {
  const children = [
    { roomId: '!inbox', via: ['b.example', 'c.example'] },
    { roomId: '!bare', via: [] },
  ];
  it('takes the child’s via first, then the servers of the pinned authority, without repeats', () => {
    const authority = { authority: ['@gus:b.example', '@ana:a.example:8448'] };
    expect(viaOf({ children, authority }, '!inbox')).toEqual(['b.example', 'c.example', 'a.example:8448']);
    expect(viaOf({ children, authority }, '!bare')).toEqual(['b.example', 'a.example:8448']);
  });
  it('names no server for a child without via in a group whose authority is unknown', () => {
    expect(viaOf({ children }, '!bare')).toEqual([]);
    expect(viaOf({ children }, '!elsewhere')).toEqual([]);
  });
});

describe('reachError', () => {
  const matrix = (httpStatus: number, errcode: string) => ({ httpStatus, errcode, data: { error: 'no' } });
  it('says why a room could not be reached', () => {
    expect(reachError(matrix(403, 'M_FORBIDDEN'), true).reason).toBe('not-allowed');
    expect(reachError(matrix(404, 'M_NOT_FOUND'), true)).toMatchObject({
      reason: 'unreachable',
      status: 404,
    });
    expect(reachError(matrix(404, 'M_NOT_FOUND'), false).reason).toBe('refused');
    expect(reachError(matrix(502, 'M_UNKNOWN'), false).reason).toBe('unreachable');
    expect(reachError(new Error('socket hang up'), true).reason).toBe('unreachable');
  });
});
