import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendToRoomLog,
  type CreatedGroup,
  createGroup,
  emptyRoomLog,
  fetchRoomHistory,
  initControlTable,
  joinGroup,
  logWarnings,
  propose,
  readGroup,
  receivedAnnouncements,
  replayDecisions,
  sendEvent,
  sendGovernanceEvent,
  sendState,
  vote,
} from '../../src/index';
import { type LiveUser, liveUser, stopAll } from '../support/live-users';

describe('hostile and malformed events on a live Synapse', () => {
  let alice: LiveUser;
  let bob: LiveUser;
  let mallory: LiveUser;
  let group: CreatedGroup;

  beforeAll(async () => {
    [alice, bob, mallory] = await Promise.all([liveUser('alice'), liveUser('bob'), liveUser('mallory')]);
    group = await createGroup(alice.client, {
      profile: { name: 'Cible' },
      rooms: ['decisions', 'announcements'],
      invite: [bob.userId, mallory.userId],
    });
    await joinGroup(bob.client, group);
    await joinGroup(mallory.client, group);
  });
  afterAll(stopAll);

  it('the homeserver refuses forged state: another member’s delegations, the profile, someone else’s redaction', async () => {
    const room = group.rooms.decisions as string;
    await expect(
      sendState(mallory.client, room, 'org.imago.governance.delegations', alice.userId, { delegations: [] }),
    ).rejects.toMatchObject({ code: 'homeserver-error' });
    await expect(
      sendState(mallory.client, group.spaceId, 'org.imago.group', '', { name: 'pwned' }),
    ).rejects.toMatchObject({
      code: 'homeserver-error',
    });
    const decision = await propose(alice.client, room, { kind: 'x', action: {} }).catch(() => undefined);
    if (decision) await expect(mallory.client.redactEvent(room, decision)).rejects.toBeDefined();
  });

  it('ignores malformed, oversize, replayed and redacted events with typed warnings; the outcome is unchanged', async () => {
    const room = group.rooms.decisions as string;
    await initControlTable(alice.client, room, {
      rules: {
        'change-control-table': { protocol: 'consensus', duration: 3_600_000 },
        'spend-resource': {
          protocol: 'democracy',
          method: 'plurality',
          quorum: 0,
          threshold: 0.5,
          duration: 3_600_000,
          ballot: 'public',
          delegation: false,
          groupDelegation: 'majority',
        },
      },
    });
    const decision = await propose(alice.client, room, { kind: 'spend-resource', action: { amount: 1 } });
    const honest = await vote(bob.client, room, decision, [1, 0]);
    const reference = replayDecisions(
      appendToRoomLog(emptyRoomLog(room), await fetchRoomHistory(alice.client, room)),
    );

    const malformed = await sendGovernanceEvent(mallory.client, room, 'org.imago.governance.vote', {
      decision,
      ballot: 'yes',
    });
    const unknown = await sendGovernanceEvent(mallory.client, room, 'org.imago.governance.vote', {
      decision: '$nope',
      ballot: [1, 0],
    });
    const oversize = await sendEvent(mallory.client, room, 'org.imago.governance.vote', {
      decision,
      ballot: [0, 1],
      pad: 'x'.repeat(61_000),
    });
    const secondInit = await sendGovernanceEvent(mallory.client, room, 'org.imago.governance.init', {
      table: { rules: {} },
    });
    const unknownType = await sendEvent(mallory.client, room, 'org.imago.nonsense', { a: 1 });
    // Nobody but power 100 redacts in the decisions room, not even their own vote.
    const malloryVote = await vote(mallory.client, room, decision, [0, 1]);
    await expect(mallory.client.redactEvent(room, malloryVote)).rejects.toMatchObject({ httpStatus: 403 });
    // The same content sent again is a new event (a later ballot replaces the earlier one): resend Bob's.
    const again = await vote(bob.client, room, decision, [1, 0]);

    const history = await fetchRoomHistory(alice.client, room, { pageSize: 3 });
    const log = appendToRoomLog(appendToRoomLog(emptyRoomLog(room), history), history); // replayed pages
    const replayed = replayDecisions(log);
    const codeOf = (id: string) => replayed.warnings.find((w) => w.eventId === id)?.code;
    expect({
      malformed: codeOf(malformed),
      unknown: codeOf(unknown),
      oversize: codeOf(oversize),
      secondInit: codeOf(secondInit),
      unknownType: codeOf(unknownType),
    }).toEqual({
      malformed: 'malformed-content',
      unknown: 'rejected',
      oversize: 'oversize',
      secondInit: 'unauthorised',
      unknownType: 'malformed-content',
    });
    expect(codeOf(again)).toBeUndefined();
    expect(codeOf(honest)).toBeUndefined();
    expect(codeOf(malloryVote)).toBeUndefined();
    const ballots = (r: typeof replayed) => {
      const participation = r.state.decisions.get(decision)?.participation;
      return participation?.protocol === 'democracy'
        ? Object.fromEntries(participation.ballots.keys().map((k) => [k, participation.ballots.get(k)]))
        : {};
    };
    // Only the well-formed votes count: Bob's (the same as before) and Mallory's own.
    expect(ballots(replayed)).toEqual({ ...ballots(reference), [mallory.userId]: [0, 1] });
  });

  it('a malformed profile or announcement never crashes a reader', async () => {
    await sendState(alice.client, group.spaceId, 'org.imago.group', '', {
      name: 'Cible',
      themes: ['not-a-qid'],
    });
    const view = await readGroup(bob.client, group.spaceId);
    expect(view.profile).toBeUndefined();
    expect(view.warnings.map((w) => [w.code, w.path])).toEqual([['malformed-content', 'content.themes[0]']]);
    const room = group.rooms.announcements as string;
    const bad = await sendEvent(mallory.client, room, 'org.imago.announcement', {
      kind: 'offer',
      title: 42,
      origin: { group: group.spaceId, room },
    });
    const log = appendToRoomLog(emptyRoomLog(room), await fetchRoomHistory(bob.client, room));
    expect(receivedAnnouncements(log, undefined, [view]).announcements).toEqual([]);
    expect(logWarnings(log).find((w) => w.eventId === bad)).toMatchObject({
      code: 'malformed-content',
      path: 'content.title',
    });
  });
});
