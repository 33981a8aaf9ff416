import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countsToName } from './counted-evidence';
import { event, fold } from './counted-fold.fixture';
import { DAY, EventLog, members, type TestEvent, tableJson } from './event-log.fixture';

const context = members('ana', 'bo', 'cy', 'dee', 'eve');
const CLOSES = 1000 + DAY;
const democracy = { protocol: 'democracy', method: 'plurality', duration: DAY } as const;

/** A public motion proposed by bo, which bo, cy and dee approve; ana is the authority. */
function motion() {
  const log = new EventLog();
  log.add('ana', 0, 'init', { table: tableJson({ 'publish-text': democracy }) });
  const decision = log.add('bo', 1000, 'propose', { kind: 'publish-text', action: { text: 'hi' } });
  const votes = ['bo', 'cy', 'dee'].map((voter, i) =>
    log.add(voter, 2000 + i, 'vote', { decision, ballot: [1, 0] }),
  );
  return { log, decision, votes };
}

/** A do-ocracy act of bo's whose challenge escalates it to a vote; ana is the authority. */
function act() {
  const log = new EventLog();
  const rule = { protocol: 'do-ocracy', window: DAY, escalation: democracy };
  log.add('ana', 0, 'init', { table: tableJson({ 'publish-text': rule }) });
  const decision = log.add('bo', 1000, 'propose', { kind: 'publish-text', action: { text: 'done' } });
  return { log, decision };
}

const closing = (decision: string, counted: readonly string[], at = CLOSES + 10) =>
  event('$close', 'ana', at, 'close', { decision, counted: { [decision]: counted } });

describe('a counted close names the withdrawals and challenges it took into account', () => {
  it('gives no effect to a withdrawal it does not name, even one this reader has before it', () => {
    const { log, decision, votes } = motion();
    const withdraw = event('$w', 'bo', CLOSES - 100, 'withdraw', { decision });
    const close = closing(decision, votes);
    const before = fold([...log.events, withdraw, close], context);
    const after = fold([...log.events, close, withdraw], context);
    expect(before.state.decisions.get(decision)?.outcome).toMatchObject({ status: 'adopted' });
    expect(after.state.decisions.get(decision)).toEqual(before.state.decisions.get(decision));
    expect(before.issues).toEqual([{ code: 'uncounted', decision, ids: ['$w'] }]);
    expect(after.rejected).toEqual(['$w:not-open']);
    expect(before.state.provisional.size).toBe(0);
  });

  it('withdraws the decision for every reader when it names the withdrawal, one without it waiting', () => {
    const { log, decision, votes } = motion();
    const withdraw = event('$w', 'bo', CLOSES - 100, 'withdraw', { decision });
    const close = closing(decision, [...votes, '$w']);
    const before = fold([...log.events, withdraw, close], context);
    const waiting = fold([...log.events, close], context);
    expect(waiting.state.decisions.get(decision)).toMatchObject({
      status: 'closed',
      count: { missing: ['$w'] },
    });
    expect(waiting.issues).toEqual([{ code: 'awaiting-evidence', decision, ids: ['$w'] }]);
    const after = fold([...log.events, close, withdraw], context);
    expect(before.state.decisions.get(decision)?.outcome).toEqual({
      status: 'withdrawn',
      reason: 'withdrawn',
      at: CLOSES - 100,
    });
    expect(after.state.decisions.get(decision)).toEqual(before.state.decisions.get(decision));
    expect(before.issues).toEqual([]);
    expect(after.issues).toEqual(waiting.issues);
  });

  it('does not count a named withdrawal by someone else, redacted, or of another decision', () => {
    const { log, decision, votes } = motion();
    const other = log.add('bo', 1500, 'propose', { kind: 'publish-text', action: { text: 'other' } });
    const stolen = event('$cy', 'cy', CLOSES - 100, 'withdraw', { decision });
    const gone = event('$gone', 'bo', CLOSES - 90, 'withdraw', { decision });
    const elsewhere = event('$else', 'bo', CLOSES - 80, 'withdraw', { decision: other });
    const close = closing(decision, [...votes, '$cy', '$gone', '$else']);
    for (const order of [
      [stolen, gone, elsewhere, close],
      [close, stolen, gone, elsewhere],
    ]) {
      const { state, issues } = fold([...log.events, ...order], context, ['$gone']);
      expect(state.decisions.get(decision)?.outcome).toMatchObject({ status: 'adopted' });
      expect(issues.filter((issue) => issue.code === 'invalid-evidence')).toEqual([
        { code: 'invalid-evidence', decision, ids: ['$cy'], reason: 'wrong-sender' },
        { code: 'invalid-evidence', decision, ids: ['$gone'], reason: 'redacted' },
        { code: 'invalid-evidence', decision, ids: ['$else'], reason: 'other-decision' },
      ]);
    }
  });

  it('keeps today’s behaviour for a close that names nothing', () => {
    const { log, decision } = motion();
    const withdraw = event('$w', 'bo', CLOSES - 100, 'withdraw', { decision });
    const close = event('$close', 'ana', CLOSES + 10, 'close', { decision });
    const before = fold([...log.events, withdraw, close], context);
    expect(before.state.decisions.get(decision)?.status).toBe('withdrawn');
    expect(before.rejected).toEqual(['$close:not-open']);
    const after = fold([...log.events, close, withdraw], context);
    expect(after.state.decisions.get(decision)?.status).toBe('adopted');
  });

  it('settles an act unchallenged when the close does not name the challenge, on either side', () => {
    const { log, decision } = act();
    const challenge = event('$c', 'cy', CLOSES - 100, 'challenge', { decision, reason: 'no' });
    const close = closing(decision, []);
    const before = fold([...log.events, challenge, close], context);
    const after = fold([...log.events, close, challenge], context);
    expect(before.state.decisions.get(decision)?.outcome).toMatchObject({
      status: 'adopted',
      reason: 'unchallenged',
    });
    expect(after.state.decisions.get(decision)).toEqual(before.state.decisions.get(decision));
    expect(before.issues).toEqual([{ code: 'uncounted', decision, ids: ['$c'] }]);
    expect(before.rejected).toEqual([]);
  });

  it('does not count a named challenge by the actor itself, on either side of the close', () => {
    const { log, decision } = act();
    const own = event('$own', 'bo', CLOSES - 100, 'challenge', { decision, reason: 'mine' });
    const close = closing(decision, ['$own']);
    for (const order of [
      [own, close],
      [close, own],
    ]) {
      const { state, issues } = fold([...log.events, ...order], context);
      expect(state.decisions.get(decision)?.outcome).toMatchObject({ reason: 'unchallenged' });
      expect(issues).toContainEqual({
        code: 'invalid-evidence',
        decision,
        ids: ['$own'],
        reason: 'wrong-sender',
      });
    }
  });

  it('escalates the act for every reader when the close names the challenge, and the vote that follows settles alike', () => {
    const { log, decision } = act();
    const challenge = event('$c', 'cy', CLOSES - 100, 'challenge', { decision, reason: 'no' });
    const close = closing(decision, ['$c']);
    const before = fold([...log.events, challenge, close], context);
    const after = fold([...log.events, close, challenge], context);
    const escalated = before.state.decisions.get(decision);
    expect(escalated).toMatchObject({
      status: 'open',
      challenge: { id: '$c' },
      closesAt: CLOSES - 100 + DAY,
    });
    expect(after.state.decisions.get(decision)).toEqual(escalated);
    expect([before.rejected, after.rejected]).toEqual([[], []]);
    const no = event('$no', 'cy', CLOSES + 100, 'vote', { decision, ballot: [0, 1] });
    const end = CLOSES + DAY;
    const voted = fold([...log.events, challenge, close, no], context).state;
    const final = event('$end', 'ana', end, 'close', { decision, counted: countsToName(voted, end) });
    const settled = [before, after].map(
      (reader) =>
        fold(
          [...log.events, ...(reader === before ? [challenge, close] : [close, challenge]), no, final],
          context,
        ).state,
    );
    expect(settled[0]?.decisions.get(decision)?.outcome).toMatchObject({ status: 'rejected' });
    expect(settled[1]?.decisions.get(decision)).toEqual(settled[0]?.decisions.get(decision));
  });
  it('counts an escalated vote on a close naming only its participation, as closes did before challenges were named', () => {
    const { log, decision } = act();
    log.add('cy', CLOSES - 100, 'challenge', { decision, reason: 'no' });
    log.add('ana', CLOSES + 10, 'tick', {}); // ends the act's window naming nothing: the challenge stands
    const no = log.add('dee', CLOSES + 100, 'vote', { decision, ballot: [0, 1] });
    const end = CLOSES - 100 + DAY + 10;
    const { state, issues } = fold([...log.events, closing(decision, [no], end)], context);
    expect(state.decisions.get(decision)?.outcome).toMatchObject({
      status: 'rejected',
      reason: 'motion-defeated',
    });
    expect(state.decisions.get(decision)?.challenge?.id).toBe('$e2');
    expect(issues.filter((issue) => issue.code !== 'uncounted')).toEqual([]);
  });
});

describe('a withdrawal or challenge racing the close', () => {
  const placement = fc.record({ seenByAuthority: fc.boolean(), afterClose: fc.boolean() });

  /** The authority's log and another reader's, each event on its side of the close. */
  function logs(
    base: readonly TestEvent[],
    racing: readonly TestEvent[],
    flags: { seenByAuthority: boolean; afterClose: boolean }[],
    decision: string,
  ) {
    const seen = racing.filter((_, i) => flags[i]!.seenByAuthority);
    const authority = fold([...base, ...seen], context).state;
    const close = closing(decision, countsToName(authority, CLOSES + 10)[decision] ?? []);
    const truth = [...base, ...seen, close, ...racing.filter((e) => !seen.includes(e))];
    const before = racing.filter((_, i) => !flags[i]!.afterClose);
    const reader = [...base, ...before, close, ...racing.filter((e) => !before.includes(e))];
    return { truth, reader };
  }

  it('gives every reader the authority’s outcome for a withdrawal and votes placed anywhere', () => {
    const voters = ['cy', 'dee', 'eve'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ voter: fc.constantFrom(...voters), yes: fc.boolean() }), { maxLength: 5 }),
        fc.array(placement, { minLength: 6, maxLength: 6 }),
        (votes, flags) => {
          const { log, decision } = motion();
          const cast = votes.map((v, i) =>
            event(`$v${i}`, v.voter, 5000 + i, 'vote', { decision, ballot: v.yes ? [1, 0] : [0, 1] }),
          );
          const racing = [...cast, event('$w', 'bo', 9000, 'withdraw', { decision })];
          const { truth, reader } = logs(log.events, racing, flags.slice(6 - racing.length), decision);
          const expected = fold(truth, context).state.decisions.get(decision);
          expect(fold(reader, context).state.decisions.get(decision)).toEqual(expected);
          expect(expected?.count?.missing).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives every reader the authority’s outcome for a challenge placed anywhere, and for the escalated vote', () => {
    fc.assert(
      fc.property(placement, fc.array(fc.boolean(), { maxLength: 3 }), (flags, ballots) => {
        const { log, decision } = act();
        const challenge = event('$c', 'cy', CLOSES - 100, 'challenge', { decision, reason: 'no' });
        const { truth, reader } = logs(log.events, [challenge], [flags], decision);
        const authority = fold(truth, context).state;
        expect(fold(reader, context).state.decisions.get(decision)).toEqual(
          authority.decisions.get(decision),
        );
        // The escalated vote, if any, and its own counted close.
        const cast = ballots.map((yes, i) =>
          event(`$v${i}`, ['bo', 'dee', 'eve'][i]!, CLOSES + 100 + i, 'vote', {
            decision,
            ballot: yes ? [1, 0] : [0, 1],
          }),
        );
        const end = CLOSES + 2 * DAY;
        const voted = fold([...truth, ...cast], context).state;
        const final = event('$end', 'ana', end, 'close', { decision, counted: countsToName(voted, end) });
        const settled = [truth, reader].map((events) =>
          fold([...events, ...cast, final], context).state.decisions.get(decision),
        );
        expect(settled[1]).toEqual(settled[0]);
        const unchallenged = settled[0]?.outcome?.reason === 'unchallenged';
        expect(unchallenged).toBe(!flags.seenByAuthority);
      }),
      { numRuns: 100 },
    );
  });
});
