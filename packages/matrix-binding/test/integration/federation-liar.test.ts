import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendToRoomLog,
  createGroup,
  emptyRoomLog,
  fetchRoomHistory,
  GROUP_CARD_KEY,
  groupCardContent,
  readGroup,
  readGroupAnywhere,
  readRelatedGroup,
  receivedAnnouncements,
} from '../../src/index';
import { eventually } from '../support/eventually';
import { federatedPair } from '../support/federated-pair';
import { type LiveUser, liveUser } from '../support/live-users';
import { type LyingServer, startLyingServer } from '../support/lying-server';
import { RawMatrix } from '../support/raw-matrix';

const pair = federatedPair('fed-liar');

/*
 * A relation whose `via` names a lying server. Mallory (raw client-server HTTP on B) asserts, in
 * her own group's space, a partnership with a garden on A, and names as the server to reach it
 * through a server she runs: a TLS endpoint that answers federation requests with what she wrote
 * (a space hierarchy for a space it is in none of), signing nothing. Synapse relays such a
 * hierarchy to its client and keeps it for every later reader of the space (five minutes, by
 * room, whoever answered): the binding takes a card only when the authority it pins lives on a
 * server the reader was told to ask, so neither the liar nor the poisoned cache puts a card naming
 * Mallory in anyone's hands; a join through the liar yields nothing; and a card naming an account
 * on the liar itself lets nobody else speak for the garden.
 */
describe('a relation naming a lying server to reach a group through', () => {
  let liar: LyingServer;
  let flora: LiveUser; // on A: founds the gardens
  let cy: LiveUser; // on B: reads Mallory's group and its relations
  let mallory: LiveUser; // on B, raw HTTP
  let raw: RawMatrix;
  let serverA: string;
  /** What the liar says is the card of each space, by space id. */
  const lies = new Map<string, { authority: string; room: string }>();

  const hierarchyLie = (path: string) => {
    const spaceId = decodeURIComponent(path.split('/')[5]?.split('?')[0] ?? '');
    const lie = lies.get(spaceId);
    if (!lie) return { status: 404, body: { errcode: 'M_NOT_FOUND' } };
    const card = groupCardContent({
      profile: { name: 'Jardin (vrai)', places: ['Q456'], themes: [], blocks: [] },
      pin: { decisions: `!${'D'.repeat(43)}`, authority: [lie.authority] },
      relations: new Map(),
    });
    return {
      status: 200,
      body: {
        room: {
          room_id: spaceId,
          room_type: 'm.space',
          name: 'Jardin (vrai)',
          num_joined_members: 1,
          world_readable: true,
          guest_can_join: false,
          join_rule: 'public',
          children_state: [
            {
              type: 'm.space.child',
              state_key: lie.room,
              sender: lie.authority,
              origin_server_ts: Date.now(),
              content: { via: [liar.serverName], 'org.imago.room': 'announcements', [GROUP_CARD_KEY]: card },
            },
          ],
        },
        children: [],
        inaccessible_children: [],
      },
    };
  };

  /** Mallory's group: a space of hers asserting a partnership with `target` through the liar. */
  const mallorysGroup = async (target: string) => {
    const created = await raw.request('POST', '/createRoom', {
      creation_content: { type: 'm.space' },
      name: 'Mallory',
      preset: 'public_chat',
    });
    const space = created.body.room_id as string;
    expect(
      (await raw.state(space, 'org.imago.relation', target, { type: 'partner', via: [liar.serverName] }))
        .status,
    ).toBe(200);
    await cy.client.joinRoom(space);
    return eventually(
      () => readGroup(cy.client, space),
      (view) => view.relations.has(target),
    );
  };

  beforeAll(async () => {
    serverA = pair.a().serverName;
    liar = await startLyingServer({ '/_matrix/federation/v1/hierarchy/': hierarchyLie });
    [flora, cy, mallory] = await Promise.all([
      liveUser('flora-l', { homeserver: pair.a() }),
      liveUser('cy-l', { homeserver: pair.b() }),
      liveUser('mallory-l', { homeserver: pair.b() }),
    ]);
    raw = new RawMatrix(mallory.session.baseUrl, mallory.session.accessToken);
  });
  afterAll(async () => {
    await liar?.close();
  });

  it('takes no card naming Mallory, through the liar or from the cache it poisoned', async () => {
    const garden = await createGroup(flora.client, {
      profile: { name: 'Jardin (vrai)', places: ['Q456'] },
      rooms: ['decisions', 'announcements'],
    });
    lies.set(garden.spaceId, { authority: mallory.userId, room: `!${'F'.repeat(43)}` });
    const mine = await mallorysGroup(garden.spaceId);
    expect(mine.relations.get(garden.spaceId)).toEqual({ type: 'partner', via: [liar.serverName] });

    await expect(readRelatedGroup(cy.client, mine, garden.spaceId)).rejects.toMatchObject({
      code: 'uncorroborated-card',
      authority: [mallory.userId],
      servers: [liar.serverName],
    });
    expect(liar.asked.some((path) => decodeURIComponent(path).includes(garden.spaceId))).toBe(true);
    // Cy's server now holds the lie for the space (five minutes): asked through the garden's own
    // server, it serves the lie again without asking A — and the card is refused again.
    await expect(readGroupAnywhere(cy.client, garden.spaceId, [serverA])).rejects.toMatchObject({
      code: 'uncorroborated-card',
      authority: [mallory.userId],
      servers: [serverA],
    });
    // Joining through the liar: it has no room to give, and signs nothing a server would take.
    const joined = await new RawMatrix(cy.session.baseUrl, cy.session.accessToken).join(
      garden.rooms.announcements as string,
      [liar.serverName],
    );
    expect(joined.status).not.toBe(200);
    expect(cy.client.getRoom(garden.rooms.announcements as string)?.getMyMembership()).not.toBe('join');
  });

  it('a card naming an account on the liar lets nobody else speak for the group', async () => {
    const garden = await createGroup(flora.client, {
      profile: { name: 'Jardin (vrai)', places: ['Q456'] },
      rooms: ['decisions', 'announcements'],
    });
    // The liar names an account of its own: the card passes (the only server asked vouches for it).
    const forgedRoom = `!${'G'.repeat(43)}`;
    lies.set(garden.spaceId, { authority: `@gardener:${liar.serverName}`, room: forgedRoom });
    const mine = await mallorysGroup(garden.spaceId);
    const read = await readRelatedGroup(cy.client, mine, garden.spaceId);
    expect(read.source).toBe('card');
    expect(read.view.authority?.authority).toEqual([`@gardener:${liar.serverName}`]);
    // Mallory relays, in a room of hers on B, an offer in the garden's name from its "announcements
    // room": a reader who knows the garden only by that card refuses it (she is not its authority).
    const room = (await raw.request('POST', '/createRoom', { preset: 'public_chat' })).body.room_id as string;
    const forged = await raw.sendOk(room, 'org.imago.announcement', {
      kind: 'offer',
      title: 'Plants de tomates (faux)',
      origin: { group: garden.spaceId, room: forgedRoom, event: `$${'E'.repeat(43)}` },
    });
    await cy.client.joinRoom(room);
    const received = await eventually(
      async () =>
        receivedAnnouncements(
          appendToRoomLog(emptyRoomLog(room), await fetchRoomHistory(cy.client, room)),
          undefined,
          [read.view],
        ),
      (r) => r.warnings.length > 0,
    );
    expect(received.announcements).toEqual([]);
    expect(received.warnings.map((w) => [w.eventId, w.code, w.reason])).toEqual([
      [forged, 'unauthorised', 'not-origin-authority'],
    ]);
  });
});
