import { sha256Hex } from '@imago/helios-c';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countsToName } from './counted-evidence';
import { event, fold as readerFold } from './counted-fold.fixture';
import { DAY, EventLog, members, type TestEvent, tableJson } from './event-log.fixture';
import { replay } from './replay';

const context = members('ana', 'bo', 'cy', 'dee', 'eve');
const CLOSES = 1000 + DAY;

/** A public motion with delegation, proposed by bo; ana is the authority. */
function motion() {
  const log = new EventLog();
  log.add('ana', 0, 'init', {
    table: tableJson({
      'publish-text': { protocol: 'democracy', method: 'plurality', duration: DAY, delegation: true },
    }),
  });
  const decision = log.add('bo', 1000, 'propose', { kind: 'publish-text', action: { text: 'hi' } });
  const yes = log.add('bo', 2000, 'vote', { decision, ballot: [1, 0] });
  const no = log.add('cy', 3000, 'vote', { decision, ballot: [0, 1] });
  return { log, decision, yes, no };
}

function fold(events: readonly TestEvent[], redacted: readonly string[] = [], known = context) {
  return readerFold(events, known, redacted);
}

describe('a close names what it counted', () => {
  it('does not count a vote it does not name, even one this reader has before the close', () => {
    const { log, decision, yes, no } = motion();
    const late = event('$late', 'dee', CLOSES - 100, 'vote', { decision, ballot: [1, 0] });
    const close = event('$close', 'ana', CLOSES + 10, 'close', {
      decision,
      counted: { [decision]: [yes, no] },
    });
    const before = fold([...log.events, late, close]);
    const after = fold([...log.events, close, late]);
    for (const reader of [before, after]) {
      expect(reader.state.decisions.get(decision)?.outcome).toMatchObject({
        status: 'rejected',
        reason: 'tie',
      });
    }
    expect(before.state.decisions.get(decision)).toEqual(after.state.decisions.get(decision));
    expect(before.issues).toEqual([{ code: 'uncounted', decision, ids: ['$late'] }]);
    expect(after.rejected).toEqual(['$late:too-late']);
  });

  it('counts a named vote this reader has after the close, waiting for it meanwhile', () => {
    const { log, decision, yes, no } = motion();
    const late = event('$late', 'dee', CLOSES - 100, 'vote', { decision, ballot: [1, 0] });
    const counted = { [decision]: [yes, no, '$late'] };
    const close = event('$close', 'ana', CLOSES + 10, 'close', { decision, counted });
    const before = fold([...log.events, late, close]);
    const waiting = fold([...log.events, close]);
    expect(waiting.state.decisions.get(decision)).toMatchObject({
      status: 'closed',
      count: { missing: ['$late'] },
    });
    expect(waiting.issues).toEqual([{ code: 'awaiting-evidence', decision, ids: ['$late'] }]);
    const after = fold([...log.events, close, late]);
    expect(after.state.decisions.get(decision)?.outcome).toMatchObject({
      status: 'adopted',
      reason: 'approved',
    });
    expect(after.state.decisions.get(decision)).toEqual(before.state.decisions.get(decision));
    expect(after.rejected).toEqual([]);
  });

  it('refuses named events of a non-member, about another decision, or redacted; settles without them', () => {
    const { log, decision, yes, no } = motion();
    const other = log.add('bo', 1500, 'propose', { kind: 'publish-text', action: { text: 'other' } });
    const elsewhere = log.add('dee', 4000, 'vote', { decision: other, ballot: [1, 0] });
    const stranger = event('$mal', 'mal', 4000, 'vote', { decision, ballot: [1, 0] });
    const redacted = event('$gone', 'eve', 4000, 'vote', { decision, ballot: [1, 0] });
    const counted = { [decision]: [yes, no, elsewhere, '$mal', '$gone'] };
    const close = event('$close', 'ana', CLOSES + 10, 'close', { decision, counted });
    const { state, issues } = fold([...log.events, stranger, close, redacted], ['$gone']);
    expect(state.decisions.get(decision)?.outcome).toMatchObject({ status: 'rejected', reason: 'tie' });
    expect(issues.filter((issue) => issue.code === 'invalid-evidence')).toEqual([
      { code: 'invalid-evidence', decision, ids: [elsewhere], reason: 'other-decision' },
      { code: 'invalid-evidence', decision, ids: ['$mal'], reason: 'not-a-member' },
      { code: 'invalid-evidence', decision, ids: ['$gone'], reason: 'redacted' },
    ]);
  });

  it('applies only the delegations it names, wherever this reader has them', () => {
    const { log, decision, yes, no } = motion();
    const toBo = event('$deleg', 'dee', CLOSES - 50, 'delegate', {
      scope: { type: 'group' },
      to: { member: 'bo' },
    });
    const unnamed = fold([
      ...log.events,
      toBo,
      event('$c', 'ana', CLOSES, 'close', { decision, counted: { [decision]: [yes, no] } }),
    ]);
    expect(unnamed.state.decisions.get(decision)?.outcome).toMatchObject({ reason: 'tie' });
    const named = { [decision]: [yes, no, '$deleg'] };
    const close = event('$c', 'ana', CLOSES, 'close', { decision, counted: named });
    const first = fold([...log.events, toBo, close]);
    const second = fold([...log.events, close, toBo]);
    expect(first.state.decisions.get(decision)?.outcome).toMatchObject({ status: 'adopted' });
    expect(second.state.decisions.get(decision)).toEqual(first.state.decisions.get(decision));
    // Awaited or not, the delegation stands for later decisions too.
    expect(second.state.delegations.get('dee')).toEqual(first.state.delegations.get('dee'));
    expect(second.state.delegations.get('dee')?.group).toEqual({ member: 'bo' });
  });

  it('keeps today’s behaviour for a close that names nothing; members’ events never end a period', () => {
    const { log, decision } = motion();
    log.add('ana', CLOSES - 1000, 'vote', { decision, ballot: [1, 0] });
    log.add('dee', CLOSES - 100, 'vote', { decision, ballot: [1, 0] });
    log.add('eve', CLOSES + 60_000, 'vote', { decision, ballot: [0, 1] });
    const pending = replay(log.events, context);
    expect(pending.state.decisions.get(decision)?.status).toBe('open');
    expect(pending.rejected.map((r) => r.reason)).toEqual(['too-late']);
    log.add('ana', CLOSES + 70_000, 'close', { decision });
    const { state } = replay(log.events, context);
    expect(state.decisions.get(decision)?.outcome).toMatchObject({ status: 'adopted', at: CLOSES });
    expect(state.decisions.get(decision)?.count).toBeUndefined();
  });

  it('ends no period at the authority’s own vote or proposal after a deadline: only its close does', () => {
    for (const own of [
      (decision: string) => event('$own', 'ana', CLOSES + 5, 'vote', { decision, ballot: [1, 0] }),
      () => event('$own', 'ana', CLOSES + 5, 'propose', { kind: 'publish-text', action: { text: 'next' } }),
    ]) {
      const { log, decision, yes, no } = motion();
      // dee's vote reached this reader before the authority's event, not the authority.
      const unseen = event('$unseen', 'dee', CLOSES - 100, 'vote', { decision, ballot: [1, 0] });
      const close = event('$close', 'ana', CLOSES + 10, 'close', {
        decision,
        counted: { [decision]: [yes, no] },
      });
      const reader = fold([...log.events, unseen, own(decision), close]);
      const authority = fold([...log.events, own(decision), close, unseen]);
      expect(reader.state.decisions.get(decision)).toEqual(authority.state.decisions.get(decision));
      expect(reader.state.decisions.get(decision)?.outcome).toMatchObject({
        status: 'rejected',
        reason: 'tie',
      });
      expect(reader.issues).toEqual([{ code: 'uncounted', decision, ids: ['$unseen'] }]);
      const open = fold([...log.events, unseen, own(decision)]).state.decisions.get(decision);
      expect(open?.status).toBe('open');
    }
  });

  it('reads a long list from parts checked against their digest, and refuses a close whose parts do not match', () => {
    const { log, decision, yes, no } = motion();
    const ids = [yes, no];
    log.add('ana', CLOSES, 'counted', { decision, part: 0, ids: [yes] });
    log.add('ana', CLOSES, 'counted', { decision, part: 1, ids: [no] });
    log.add('mal', CLOSES, 'counted', { decision, part: 2, ids: ['$x'] });
    const good = { decision, counted: { [decision]: { parts: 2, digest: sha256Hex(JSON.stringify(ids)) } } };
    const bad = { decision, counted: { [decision]: { parts: 2, digest: sha256Hex('[]') } } };
    const refused = fold([...log.events, event('$bad', 'ana', CLOSES + 1, 'close', bad)]);
    expect(refused.rejected).toContain('$bad:incomplete-count');
    const { state } = fold([...log.events, event('$c', 'ana', CLOSES + 1, 'close', good)]);
    expect(state.decisions.get(decision)?.count?.counted).toEqual(ids);
  });

  it('gives every reader the authority’s outcome, whatever side of the close each concurrent event falls', () => {
    const voters = ['bo', 'cy', 'dee', 'eve'];
    const arbitraryVote = fc.record({
      voter: fc.constantFrom(...voters),
      yes: fc.boolean(),
      seenByAuthority: fc.boolean(),
      afterClose: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arbitraryVote, { maxLength: 8 }), (votes) => {
        const { log, decision } = motion();
        const cast = votes.map((vote, index) =>
          event(`$v${index}`, vote.voter, 5000 + index, 'vote', {
            decision,
            ballot: vote.yes ? [1, 0] : [0, 1],
          }),
        );
        // The authority's log: what it saw, then its close naming what its state counted.
        const seen = cast.filter((_, index) => votes[index]!.seenByAuthority);
        const authority = fold([...log.events, ...seen]).state;
        const counted = countsToName(authority, CLOSES + 10);
        const close = event('$close', 'ana', CLOSES + 10, 'close', { decision, counted });
        const truth = fold([...log.events, ...seen, close, ...cast.filter((e) => !seen.includes(e))]);
        // Another reader: each vote before or after the close, as its homeserver ordered it.
        const before = cast.filter((_, index) => !votes[index]!.afterClose);
        const reader = fold([...log.events, ...before, close, ...cast.filter((e) => !before.includes(e))]);
        expect(reader.state.decisions.get(decision)).toEqual(truth.state.decisions.get(decision));
        expect(truth.state.decisions.get(decision)?.count?.missing).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
