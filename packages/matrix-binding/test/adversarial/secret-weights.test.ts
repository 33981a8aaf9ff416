/**
 * A delegation concurrent with a secret ballot's opening, on a live Synapse. The group's authority
 * is a service account running the election duties; Ana proposes a secret vote while Mallory, a
 * member speaking raw client-server HTTP, delegates her vote to Bo. Homeservers order such
 * concurrent events each their own way, so the delegation may come before the opening for one
 * reader and after it for another. The authority's Setup names the delegation events its weights
 * took into account, and every reader — a replay of the room's history, and one with the
 * delegation moved to the other side of the opening — accepts the same election with the same
 * weights. A weight list Mallory forges (a `counted` part for the Setup's list, a Setup of her own
 * naming other delegations) has no effect.
 */
import type { Decision } from '@imago/governance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendToRoomLog,
  createGroup,
  emptyRoomLog,
  fetchRoomHistory,
  initControlTable,
  joinGroup,
  propose,
  type RawMatrixEvent,
  replayDecisions,
  replaySecretBallots,
  secretResultVerifier,
  sendState,
  verifiedElections,
} from '../../src/index';
import { type ElectionMember, electionMember, until } from '../support/election-members';
import { type LiveUser, liveUser, stopAll } from '../support/live-users';
import { RawMatrix } from '../support/raw-matrix';

const NAMES = ['svc', 'ana', 'bo', 'mal'] as const;
type Name = (typeof NAMES)[number];
// Long enough for the authority to set the election up and Ana to vote on a loaded 2-core machine.
const VOTE = 60_000;
const DELEGATE = 'org.imago.governance.delegate';

describe('a secret ballot names the delegations its weights took: a delegation racing the opening (raw HTTP)', () => {
  const users = {} as Record<Name, LiveUser>;
  const members: ElectionMember[] = [];
  let room: string;
  const id = (n: Name) => users[n].userId;
  const raw = (n: Name) => new RawMatrix(users[n].session.baseUrl, users[n].session.accessToken);

  beforeAll(async () => {
    const list = await Promise.all(NAMES.map((n) => liveUser(n, { encryption: true })));
    NAMES.forEach((n, i) => {
      users[n] = list[i] as LiveUser;
    });
    const group = await createGroup(users.ana.client, {
      profile: { name: 'Poids' },
      rooms: ['chat', 'decisions'],
      authority: [id('svc')],
      invite: NAMES.filter((n) => n !== 'ana').map(id),
    });
    room = group.rooms.decisions as string;
    await sendState(users.ana.client, group.rooms.chat as string, 'm.room.encryption', '', {
      algorithm: 'm.megolm.v1.aes-sha2',
    });
    for (const n of NAMES.filter((n) => n !== 'ana')) await joinGroup(users[n].client, group);
    await initControlTable(
      users.ana.client,
      room,
      {
        rules: {
          'change-control-table': { protocol: 'consensus', duration: 3_600_000 },
          spend: {
            protocol: 'democracy',
            method: 'plurality',
            quorum: 0,
            threshold: 0.5,
            duration: VOTE,
            ballot: 'secret',
            delegation: true,
            groupDelegation: 'fractional',
            trustees: 'authority',
          },
        },
      },
      [id('svc')],
    );
    for (const n of NAMES)
      members.push(await electionMember(users[n], room, n === 'svc' ? { authority: true } : {}));
  }, 180_000);

  afterAll(() => {
    for (const member of members) member.stop();
    stopAll();
  });

  /** A replay of `events` with its elections verified, as every member's. */
  async function replayAll(events: RawMatrixEvent[]) {
    const log = appendToRoomLog(emptyRoomLog(room), events);
    const ballots = replaySecretBallots(log);
    const verified = await verifiedElections(ballots.elections);
    return {
      ballots,
      decisions: replayDecisions(log, { verifySecretResult: secretResultVerifier(ballots, verified) }),
    };
  }
  const weights = (decision: Decision | undefined) =>
    new Map(decision?.secret?.voters.map((v) => [v.member, v.weight]));

  it('settles alike whichever side of the opening the delegation came; a forged weight list has no effect', async () => {
    // Mallory delegates to Bo in raw HTTP while Ana's proposal opens the secret ballot.
    const [decision, delegation] = await Promise.all([
      propose(users.ana.client, room, {
        kind: 'spend',
        title: 'Paint the hall?',
        options: ['Yes', 'No'],
        action: {},
      }),
      raw('mal').sendOk(room, DELEGATE, { scope: { type: 'group' }, to: { member: id('bo') } }),
    ]);
    // Mallory forges the Setup's weight list: a part of it, and a Setup of her own naming it.
    const forgedPart = await raw('mal').sendOk(room, 'org.imago.governance.counted', {
      decision: `${decision}/weights`,
      part: 0,
      ids: [delegation],
    });
    const [svc, ana] = [members[0]!, members[1]!];
    await until(
      'Ana’s credentials',
      async () => (await ana.duties.participant!.status(room, decision)).credentials > 0,
    );
    await ana.duties.participant!.cast(room, decision, [[1, 0]], 'direct');
    const settled = () => svc.duties.last(room)?.decisions.state.decisions.get(decision);
    await until(
      'the decision settles',
      () => ['adopted', 'rejected'].includes(settled()?.status ?? ''),
      240_000,
    ).catch((error: Error) => {
      throw new Error(
        `${error.message}: ${settled()?.status}, ${JSON.stringify(svc.activity.slice(-5))} ${svc.errors}`,
      );
    });

    const events = await fetchRoomHistory(users.bo.client, room);
    const at = (eventId: string) => events.findIndex((e) => e.event_id === eventId);
    const first = at(delegation) < at(decision);
    // The other reader: the delegation on the other side of the opening.
    const moved = events.filter((e) => e.event_id !== delegation);
    moved.splice(
      moved.findIndex((e) => e.event_id === decision) + (first ? 1 : 0),
      0,
      events[at(delegation)]!,
    );
    const here = await replayAll(events);
    const there = await replayAll(moved);

    const setup = [...here.ballots.elections.values()].find((e) => e.decision === decision)!;
    expect(setup.administrator).toBe(id('svc'));
    // The authority's Setup names the delegation exactly when its server put it before the opening.
    const authorityFirst = (setup.delegations as readonly string[]).includes(delegation);
    expect(setup.delegations).toEqual(authorityFirst ? [delegation] : []);

    for (const reader of [here, there]) {
      const settled = reader.decisions.state.decisions.get(decision);
      expect(['adopted', 'rejected']).toContain(settled?.status);
      expect(
        reader.decisions.rejected.filter((r) => r.type === 'org.imago.governance.secret.result'),
      ).toEqual([]);
      const forged = reader.decisions.warnings.find((w) => w.eventId === forgedPart);
      expect([forged?.code, forged?.reason]).toEqual(['rejected', 'wrong-sender']);
    }
    const settledHere = here.decisions.state.decisions.get(decision);
    const settledThere = there.decisions.state.decisions.get(decision);
    expect(settledThere?.status).toBe(settledHere?.status);
    expect(weights(settledThere)).toEqual(weights(settledHere));
    // Mallory's weight goes to Bo exactly when the authority's Setup named her delegation.
    expect(weights(settledHere).get(id('bo'))).toBe(authorityFirst ? 2 : 1);
    expect(weights(settledHere).get(id('mal'))).toBe(authorityFirst ? undefined : 1);
    // Whichever reader had the delegation before the opening without the Setup naming it reports it.
    const unnamed = authorityFirst ? [] : [delegation];
    const uncounted = (reader: typeof here) =>
      reader.decisions.warnings.filter((w) => w.code === 'uncounted').map((w) => w.eventId);
    expect([...uncounted(here), ...uncounted(there)]).toEqual(unnamed);
  }, 300_000);
});
