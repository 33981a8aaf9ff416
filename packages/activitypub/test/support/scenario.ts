// The story both integration tests tell, on whatever homeservers they set up: a group publishes
// itself on the fediverse by a decision, the peer follows it and gets a signed Accept, the group
// publishes an offer and the peer gets a Proposal, the peer replies and a ghost user's message
// appears in the offer's thread, the peer offers an agreement, the group decides and the peer gets
// Accept; forged and unsigned requests are refused and change nothing.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendToRoomLog,
  createGroup,
  createImagoClient,
  emptyRoomLog,
  encodeDecimals,
  fetchRoomHistory,
  initControlTable,
  logEvents,
  propose,
  publishProposal,
  readAgreementRecords,
  sendGovernanceEvent,
} from '@imago/matrix-binding';
import { registerUser, type TestHomeserver } from '@imago/matrix-binding/testing';
import { acceptProposal, readProposal } from '@imago/valueflows';
import { expect } from 'vitest';
import { ActivitypubActionKinds } from '../../src/index';
import {
  type BridgeRegistration,
  createRegistration,
  type RunningBridge,
  startBridge,
} from '../../src/node/index';
import { attackerKey, type Json, type Peer, post, signedRequest } from './peer';
import { eventually, freePort } from './services';

export const run = Date.now().toString(36);

/** A registration file for a bridge listening for transactions on a free port. */
export async function newRegistration(): Promise<{
  registration: BridgeRegistration;
  file: string;
  dir: string;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'imago-ap-'));
  const port = await freePort();
  const { registration, yaml } = createRegistration({ url: `http://127.0.0.1:${port}` });
  const file = join(dir, 'registration.yaml');
  await writeFile(file, yaml);
  return { registration, file, dir };
}

export async function runBridge(
  registration: BridgeRegistration,
  homeserver: TestHomeserver,
  dir: string,
  lines: Json[],
): Promise<RunningBridge> {
  return startBridge({
    registration,
    homeserverUrl: homeserver.baseUrl,
    store: join(dir, 'bridge.sqlite'),
    allowPrivateAddress: true,
    // 40 requests per connecting address (and per verified server), refilled at one a minute: the
    // flood in the attacks meets the limit however slowly a loaded machine sends it (each test
    // file sends far fewer from 127.0.0.1, the peer's and the tests' address).
    guard: { rateLimit: { burst: 40, perMinute: 1 } },
    log: (entry) => lines.push(entry as unknown as Json),
  });
}

const HOUR = 3_600_000;
const PUBLIC = 'https://www.w3.org/ns/activitystreams#Public';
const none = () => undefined;
/** A matrix-js-sdk logger that says nothing (the SDK logs every request). */
const silent = { trace: none, debug: none, info: none, warn: none, error: none, getChild: () => silent };

async function roomEvents(client: Awaited<ReturnType<typeof createImagoClient>>, roomId: string) {
  return logEvents(appendToRoomLog(emptyRoomLog(roomId), await fetchRoomHistory(client, roomId)));
}

async function rawHistory(homeserver: TestHomeserver, token: string, roomId: string): Promise<Json[]> {
  const url = `${homeserver.baseUrl}/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/messages?dir=b&limit=200`;
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return ((await response.json()) as { chunk: Json[] }).chunk;
}

/**
 * Plays the story. `groupServer` hosts the group's members; the bridge is registered with its own
 * homeserver (the same one, or another of a federation).
 */
export async function playScenario(options: {
  groupServer: TestHomeserver;
  bridge: RunningBridge;
  peer: Peer;
  name: string;
}): Promise<PlayedScenario> {
  const { groupServer, bridge, peer } = options;
  const bot = bridge.bridge.botUserId;
  const origin = bridge.origin;
  const handle = `g_${options.name}_${run}`.replace(/[^a-z0-9_]/g, '_').slice(0, 64);
  const groupIri = `${origin}/actors/${handle}`;
  const inbox = `${groupIri}/inbox`;

  // A group whose control table gives the bridge's kinds to its administrator (oligarchy, 1 of 1).
  const anaSession = await registerUser(groupServer, `ana-${options.name}-${run}`);
  const ana = await createImagoClient({ ...anaSession, logger: silent as never });
  const group = await createGroup(ana, {
    profile: {
      name: 'Repair Café Croix-Rousse',
      description: 'Monthly repair sessions and a tool library.',
      places: ['Q456'],
      themes: ['Q132580'],
      coordinates: { lat: 45.7745, lon: 4.8289 },
    },
    rooms: ['chat', 'decisions'],
    invite: [bot],
    // Bridged to the fediverse: a public group, whose chat the repliers' ghost users join.
    joinRule: 'public',
  });
  const chat = group.rooms.chat as string;
  const decisions = group.rooms.decisions as string;
  const alone = {
    protocol: 'oligarchy',
    deciders: { members: [anaSession.userId] },
    required: 1,
    duration: HOUR,
  };
  await initControlTable(ana, decisions, {
    rules: {
      'change-control-table': { protocol: 'consensus', duration: HOUR },
      [ActivitypubActionKinds.publish]: alone,
      [ActivitypubActionKinds.agreement]: alone,
    },
  } as never);
  await eventually(
    'the bot to join the decisions room',
    async () =>
      (await rawHistory(groupServer, anaSession.accessToken, decisions)).some(
        (e) => e.type === 'm.room.member' && e.state_key === bot && (e.content as Json).membership === 'join',
      ),
    (joined) => joined,
    60_000,
  );

  // Publication by decision.
  const publish = await propose(ana, decisions, {
    kind: ActivitypubActionKinds.publish,
    title: 'Show the group on the fediverse',
    action: { handle },
  } as never);
  const accept = { headers: { accept: 'application/activity+json' } };
  expect((await fetch(groupIri, accept)).status).toBe(404); // not before the decision is adopted
  await sendGovernanceEvent(ana, decisions, 'org.imago.governance.approve', { decision: publish });
  const actor = (await eventually(
    'the group actor',
    async () => {
      const response = await fetch(groupIri, accept);
      return response.ok ? ((await response.json()) as Json) : undefined;
    },
    (value) => value !== undefined,
  )) as Json;
  expect(actor.type).toBe('Group');
  expect(actor.name).toBe('Repair Café Croix-Rousse');
  expect(actor.summary).toBe('Monthly repair sessions and a tool library.');
  expect(JSON.stringify(actor.tag)).toContain('https://www.wikidata.org/wiki/Q132580');
  expect(JSON.stringify(actor.attachment)).toContain('https://www.wikidata.org/wiki/Q456');
  expect((actor.location as Json).latitude).toBe(45.7745);
  expect(actor.attributedTo).toBe(`${groupIri}/moderators`);
  const moderators = (await (await fetch(`${groupIri}/moderators`, accept)).json()) as Json;
  const [moderator, ...others] = moderators.orderedItems as string[];
  expect(others).toEqual([]);
  const person = (await (await fetch(moderator as string, accept)).json()) as Json;
  expect(person.type).toBe('Person');
  expect(person.name).toBe(anaSession.userId);
  // FEP-8b32: an Ed25519 multikey among the assertion methods.
  expect(JSON.stringify(actor.assertionMethod)).toContain('Multikey');
  const webfinger = await fetch(
    `${origin}/.well-known/webfinger?resource=${encodeURIComponent(`acct:${handle}@${new URL(origin).host}`)}`,
  );
  expect(webfinger.status).toBe(200);

  // Follow → Accept, signed (the peer's inbox only takes requests whose signature it verified).
  const follow = {
    '@context': 'https://www.w3.org/ns/activitystreams',
    type: 'Follow',
    actor: peer.actor,
    object: groupIri,
  };
  const followId = await peer.publish(`follow-${options.name}-${run}`, follow);
  expect((await peer.send(inbox, { ...follow, id: followId })).status).toBe(202);
  const accepted = await peer.waitFor(
    'Accept(Follow)',
    (a) => a.type === 'Accept' && JSON.stringify(a.object).includes(followId),
  );
  expect(accepted.actor).toBe(groupIri);

  // The group publishes an offer: the peer receives a Proposal with readable content.
  const offerContent = {
    purpose: 'offer',
    name: 'Cargo bike to lend',
    note: 'A Bullitt cargo bike, free to borrow for a month.',
    proposer: 'group:repair-cafe',
    unitBased: false,
    publishes: [
      {
        id: 'lend-cargo-bike',
        action: 'transferCustody',
        resourceInventoriedAs: 'cargo-bike',
        resourceQuantity: { hasNumericalValue: 1, hasUnit: 'one' },
      },
    ],
    reciprocal: [],
  } as const;
  const offerEvent = await publishProposal(ana, chat, offerContent);
  const created = await peer.waitFor(
    'Create(Proposal)',
    (a) => a.type === 'Create' && (a.object as Json | undefined)?.type === 'Proposal',
  );
  const proposal = created.object as Json;
  expect(proposal.purpose).toBe('offer');
  expect(proposal.content).toContain('Cargo bike to lend');
  expect(proposal.content).toContain('transferCustody 1 one cargo-bike');
  expect(proposal.attributedTo).toBe(groupIri);
  expect(proposal.audience).toBe(groupIri);
  const proposalIri = proposal.id as string;
  expect(((proposal.publishes as Json).id as string).endsWith('#primary')).toBe(true);
  expect((await fetch(proposalIri, accept)).status).toBe(200);

  // The group announces a need (org.imago.announcement, in raw HTTP): its followers get a Note
  // with a readable name and content. A copy delivered from another group is not re-published.
  const announceRaw = async (content: Json) => {
    const response = await fetch(
      `${groupServer.baseUrl}/_matrix/client/v3/rooms/${encodeURIComponent(chat)}/send/org.imago.announcement/a${Date.now()}${Math.random()}`,
      {
        method: 'PUT',
        headers: { authorization: `Bearer ${anaSession.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(content),
      },
    );
    expect(response.status).toBe(200);
  };
  await announceRaw({
    kind: 'offer',
    title: 'Relayed: bread from another group',
    origin: { group: '!other:elsewhere.example', room: '!room:elsewhere.example', event: '$original' },
  });
  await announceRaw({
    kind: 'need',
    title: 'Someone to fix a sewing machine',
    body: 'Our Singer 201 skips stitches.\n\nSaturday mornings <3',
    origin: { group: group.spaceId, room: chat },
  });
  const needCreate = await peer.waitFor(
    'Create(Note) of the need',
    (a) => a.type === 'Create' && (a.object as Json | undefined)?.name === 'Someone to fix a sewing machine',
  );
  const need = needCreate.object as Json;
  expect(need.type).toBe('Note');
  expect(need.attributedTo).toBe(groupIri);
  expect(need.content).toBe(
    '<p>Need: Someone to fix a sewing machine</p><p>Our Singer 201 skips stitches.</p><p>Saturday mornings &#60;3</p>',
  );
  expect(((await (await fetch(need.id as string, accept)).json()) as Json).content).toBe(need.content);
  // The copy went first in the same room: it was handled before the need, and sent nowhere.
  await bridge.bridge.idle();
  expect((await peer.inbox()).some((a) => JSON.stringify(a).includes('Relayed: bread'))).toBe(false);

  // The peer replies: a ghost user's message in the offer's thread.
  const note = {
    type: 'Note',
    attributedTo: peer.actor,
    inReplyTo: proposalIri,
    audience: groupIri,
    content: '<p>We would love to borrow it &amp; bring it back!</p>',
    to: [PUBLIC],
    cc: [groupIri],
  };
  const noteId = await peer.publish(`note-${options.name}-${run}`, note);
  const create = {
    '@context': 'https://www.w3.org/ns/activitystreams',
    type: 'Create',
    actor: peer.actor,
    object: { ...note, id: noteId },
    to: [PUBLIC],
    cc: [groupIri],
  };
  const createId = await peer.publish(`create-${options.name}-${run}`, create);
  expect((await peer.send(inbox, { ...create, id: createId })).status).toBe(202);
  const threaded = (await eventually(
    'the ghost reply in the thread',
    async () =>
      (
        await rawHistory(groupServer, anaSession.accessToken, chat)
      ).find(
        (e) =>
          e.type === 'm.room.message' &&
          ((e.content as Json)['m.relates_to'] as Json | undefined)?.event_id === offerEvent,
      ),
    (e) => e !== undefined,
  )) as Json;
  expect(((threaded.content as Json)['m.relates_to'] as Json).rel_type).toBe('m.thread');
  expect((threaded.content as Json).body).toBe('We would love to borrow it & bring it back!');
  expect(threaded.sender as string).toMatch(new RegExp(`^@${bridge.bridge.botUserId.slice(1, 4)}`));
  expect(threaded.sender).not.toBe(bot);
  // FEP-1b12: the group announces the reply to its followers, the activity as the peer sent it.
  const announce = await peer.waitFor('Announce(Create)', (a) => a.type === 'Announce');
  expect((announce.object as Json).id ?? announce.object).toBe(createId);

  // A reply addressed to the group only reaches the thread, and is not announced to the followers.
  const privateNote = { ...note, content: '<p>Between us: is the lock code still 1234?</p>', to: [groupIri] };
  delete (privateNote as Partial<typeof note>).cc;
  const privateNoteId = await peer.publish(`private-note-${options.name}-${run}`, privateNote);
  const privateCreate = { ...create, object: { ...privateNote, id: privateNoteId }, to: [groupIri] };
  delete (privateCreate as Partial<typeof create>).cc;
  const privateCreateId = await peer.publish(`private-create-${options.name}-${run}`, privateCreate);
  expect((await peer.send(inbox, { ...privateCreate, id: privateCreateId })).status).toBe(202);
  await eventually(
    'the private reply in the thread',
    async () =>
      (await rawHistory(groupServer, anaSession.accessToken, chat)).map((e) => (e.content as Json).body),
    (bodies) => bodies.includes('Between us: is the lock code still 1234?'),
  );
  // Once the reply is recorded as bridged, its announcement (if any) is under way: wait for it.
  await eventually(
    'the private reply recorded',
    () => bridge.bridge.store.bridged(privateCreateId),
    (eventId) => eventId !== undefined,
  );
  await bridge.bridge.idle();
  expect(
    (await peer.inbox()).filter((a) => a.type === 'Announce').map((a) => JSON.stringify(a.object)),
  ).not.toContainEqual(expect.stringContaining(privateCreateId));

  // Offer(Agreement) → a decision of the group → Accept, and the agreement in the ledger room.
  const offer = {
    '@context': [
      'https://www.w3.org/ns/activitystreams',
      {
        vf: 'https://w3id.org/valueflows/ont/vf#',
        om2: 'http://www.ontology-of-units-of-measure.org/resource/om-2/',
        Agreement: 'vf:Agreement',
        Commitment: 'vf:Commitment',
        stipulates: 'vf:stipulates',
        satisfies: { '@id': 'vf:satisfies', '@type': '@id' },
        resourceQuantity: 'vf:resourceQuantity',
        hasUnit: 'om2:hasUnit',
        hasNumericalValue: 'om2:hasNumericalValue',
      },
    ],
    type: 'Offer',
    actor: peer.actor,
    object: {
      type: 'Agreement',
      stipulates: {
        type: 'Commitment',
        satisfies: `${proposalIri}#primary`,
        resourceQuantity: { hasUnit: 'one', hasNumericalValue: '1' },
      },
    },
    to: groupIri,
  };
  const offerId = await peer.publish(`offer-${options.name}-${run}`, offer);
  expect((await peer.send(inbox, { ...offer, id: offerId })).status).toBe(202);
  const agreementDecision = await eventually(
    'the agreement decision',
    async () =>
      (await roomEvents(ana, decisions)).find(
        (e) =>
          e.type === 'org.imago.governance.propose' &&
          (e.content as Json).kind === ActivitypubActionKinds.agreement &&
          ((e.content as Json).action as Json).offer === offerId,
      ),
    (e) => e !== undefined,
  );
  expect(await peer.inbox()).not.toContainEqual(
    expect.objectContaining({ type: 'Accept', object: expect.objectContaining({ id: offerId }) }),
  );
  // An attack on the ledger, in raw HTTP: a member who is not the group's authority records the
  // agreement first, naming the pending decision and the offer, with a counterparty of their own.
  const forger = await registerUser(groupServer, `forger-${options.name}-${run}`);
  const asForger = (path: string, method: string, body: unknown) =>
    fetch(`${groupServer.baseUrl}/_matrix/client/v3${path}`, {
      method,
      headers: { authorization: `Bearer ${forger.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  expect((await asForger(`/join/${encodeURIComponent(chat)}`, 'POST', {})).status).toBe(200);
  const forgedTerms = acceptProposal(readProposal({ ...offerContent, id: offerEvent }, 'content'), {
    agreementId: offerId,
    counterparty: 'https://attacker.example/actor',
    quantity: { hasNumericalValue: 1, hasUnit: 'one' },
  });
  const forgedRecord = await asForger(
    `/rooms/${encodeURIComponent(chat)}/send/org.imago.vf.agreement/forged-${run}`,
    'PUT',
    encodeDecimals({
      agreement: forgedTerms.agreement,
      commitments: forgedTerms.commitments,
      decision: agreementDecision?.eventId,
      origin: offerId,
    }),
  );
  expect(forgedRecord.status).toBe(200);
  await sendGovernanceEvent(ana, decisions, 'org.imago.governance.approve', {
    decision: agreementDecision?.eventId,
  });
  const acceptedOffer = await peer.waitFor(
    'Accept(Offer)',
    (a) => a.type === 'Accept' && JSON.stringify(a.object).includes(offerId),
  );
  expect(acceptedOffer.actor).toBe(groupIri);
  const ledger = appendToRoomLog(emptyRoomLog(chat), await fetchRoomHistory(ana, chat));
  const all = readAgreementRecords(ledger).records;
  // The forged record is in the room, and counted for nothing: the bridge recorded the agreement.
  expect(all.filter((r) => r.sender === forger.userId)).toHaveLength(1);
  const records = all.filter((r) => r.sender === bot);
  expect(records).toHaveLength(1);
  expect(records[0]?.decision).toBe(agreementDecision?.eventId);
  expect(records[0]?.agreement.proposal).toBe(offerEvent);
  expect(records[0]?.commitments[0]?.resourceQuantity).toEqual({ hasNumericalValue: 1, hasUnit: 'one' });

  // An unsigned request and one signed with a key that is not the peer's are refused, and change nothing.
  const before = {
    followers: await bridge.bridge.store.followers(handle),
    chat: (await rawHistory(groupServer, anaSession.accessToken, chat)).length,
  };
  const forgedFollow = JSON.stringify({
    ...follow,
    id: `${peer.url}/objects/forged-${run}`,
    actor: peer.actor,
  });
  expect(await post(inbox, forgedFollow, { 'content-type': 'application/activity+json' })).toBe(401);
  const forged = signedRequest(inbox, forgedFollow, `${peer.actor}#main`, attackerKey());
  expect(await post(inbox, forged.body, forged.headers)).toBe(401);
  expect(await bridge.bridge.store.followers(handle)).toEqual(before.followers);
  expect((await rawHistory(groupServer, anaSession.accessToken, chat)).length).toBe(before.chat);
  ana.stopClient();
  return { handle, groupIri, inbox, proposalIri, chat, decisions, spaceId: group.spaceId, ana: anaSession };
}

/** What the story leaves for the attacks. */
export interface PlayedScenario {
  readonly handle: string;
  readonly groupIri: string;
  readonly inbox: string;
  readonly proposalIri: string;
  readonly chat: string;
  readonly decisions: string;
  readonly spaceId: string;
  readonly ana: { readonly userId: string; readonly accessToken: string };
}

export { rawHistory };

/**
 * A group that decides its followers (`followers: 'decided'`): each Follow becomes a decision of
 * kind `org.imago.activitypub.follower`; a refusal is answered Reject, an approval Accept.
 */
export async function playDecidedFollowers(options: {
  groupServer: TestHomeserver;
  bridge: RunningBridge;
  peer: Peer;
}): Promise<void> {
  const { groupServer, bridge, peer } = options;
  const bot = bridge.bridge.botUserId;
  const handle = `decided_${run}`;
  const groupIri = `${bridge.origin}/actors/${handle}`;
  const inbox = `${groupIri}/inbox`;
  const beaSession = await registerUser(groupServer, `bea-${run}`);
  const bea = await createImagoClient({ ...beaSession, logger: silent as never });
  const group = await createGroup(bea, {
    profile: { name: 'Conseil de quartier' },
    rooms: ['chat', 'decisions'],
    invite: [bot],
    // Bridged to the fediverse: a public group, whose chat the repliers' ghost users join.
    joinRule: 'public',
  });
  const decisions = group.rooms.decisions as string;
  const alone = {
    protocol: 'oligarchy',
    deciders: { members: [beaSession.userId] },
    required: 1,
    duration: HOUR,
  };
  await initControlTable(bea, decisions, {
    rules: {
      'change-control-table': { protocol: 'consensus', duration: HOUR },
      [ActivitypubActionKinds.publish]: alone,
      [ActivitypubActionKinds.follower]: alone,
    },
  } as never);
  await eventually(
    'the bot to join',
    async () =>
      (await rawHistory(groupServer, beaSession.accessToken, decisions)).some(
        (e) => e.type === 'm.room.member' && e.state_key === bot && (e.content as Json).membership === 'join',
      ),
    (joined) => joined,
    60_000,
  );
  const publish = await propose(bea, decisions, {
    kind: ActivitypubActionKinds.publish,
    action: { handle, followers: 'decided' },
  } as never);
  await sendGovernanceEvent(bea, decisions, 'org.imago.governance.approve', { decision: publish });
  const actor = (await eventually(
    'the group actor',
    async () => {
      const response = await fetch(groupIri, { headers: { accept: 'application/activity+json' } });
      return response.ok ? ((await response.json()) as Json) : undefined;
    },
    (value) => value !== undefined,
  )) as Json;
  expect(actor.manuallyApprovesFollowers).toBe(true);

  const followDecision = async (followId: string) =>
    (await eventually(
      'the follower decision',
      async () =>
        (
          await roomEvents(bea, decisions)
        ).find(
          (e) =>
            e.type === 'org.imago.governance.propose' &&
            (e.content as Json).kind === ActivitypubActionKinds.follower &&
            ((e.content as Json).action as Json).activity === followId,
        ),
      (e) => e !== undefined,
    )) as { eventId: string };
  const follow = {
    '@context': 'https://www.w3.org/ns/activitystreams',
    type: 'Follow',
    actor: peer.actor,
    object: groupIri,
  };
  const first = await peer.publish(`decided-1-${run}`, follow);
  expect((await peer.send(inbox, { ...follow, id: first })).status).toBe(202);
  const refused = await followDecision(first);
  expect(await bridge.bridge.store.followers(handle)).toEqual([]);
  await sendGovernanceEvent(bea, decisions, 'org.imago.governance.refuse', { decision: refused.eventId });
  await peer.waitFor(
    'Reject(Follow)',
    (a) => a.type === 'Reject' && JSON.stringify(a.object).includes(first),
  );
  expect(await bridge.bridge.store.followers(handle)).toEqual([]);

  const second = await peer.publish(`decided-2-${run}`, follow);
  expect((await peer.send(inbox, { ...follow, id: second })).status).toBe(202);
  const approved = await followDecision(second);
  await sendGovernanceEvent(bea, decisions, 'org.imago.governance.approve', { decision: approved.eventId });
  await peer.waitFor(
    'Accept(Follow)',
    (a) => a.type === 'Accept' && JSON.stringify(a.object).includes(second),
  );
  expect((await bridge.bridge.store.followers(handle)).map((f) => f.id)).toEqual([peer.actor]);

  // A repeated Follow from an accepted follower is accepted again, with no new decision.
  const third = await peer.publish(`decided-again-${run}`, follow);
  expect((await peer.send(inbox, { ...follow, id: third })).status).toBe(202);
  await peer.waitFor(
    'Accept of the repeated Follow',
    (a) => a.type === 'Accept' && JSON.stringify(a.object).includes(third),
  );
  const proposedFor = async (followId: string) =>
    (await roomEvents(bea, decisions)).filter(
      (e) =>
        e.type === 'org.imago.governance.propose' &&
        ((e.content as Json).action as Json | undefined)?.activity === followId,
    ).length;
  expect(await proposedFor(third)).toBe(0);

  // Undo(Follow) through the shared inbox removes the follower; a new Follow is decided again.
  const undo = {
    '@context': 'https://www.w3.org/ns/activitystreams',
    type: 'Undo',
    actor: peer.actor,
    object: { ...follow, id: second },
  };
  const undoId = await peer.publish(`decided-undo-${run}`, undo);
  expect((await peer.send(`${bridge.origin}/inbox`, { ...undo, id: undoId })).status).toBe(202);
  await eventually(
    'the follower removed',
    () => bridge.bridge.store.followers(handle),
    (list) => list.length === 0,
  );
  const fourth = await peer.publish(`decided-4-${run}`, follow);
  expect((await peer.send(inbox, { ...follow, id: fourth })).status).toBe(202);
  const again = await followDecision(fourth);
  // While that decision is open, the same actor's next Follow proposes nothing more.
  const fifth = await peer.publish(`decided-5-${run}`, follow);
  expect((await peer.send(inbox, { ...follow, id: fifth })).status).toBe(202);
  await sendGovernanceEvent(bea, decisions, 'org.imago.governance.approve', { decision: again.eventId });
  await peer.waitFor(
    'Accept(Follow) again',
    (a) => a.type === 'Accept' && JSON.stringify(a.object).includes(fourth),
  );
  expect(await proposedFor(fifth)).toBe(0);
  expect((await bridge.bridge.store.followers(handle)).map((f) => f.id)).toEqual([peer.actor]);
  const oldKey = ((actor.publicKey as Json).publicKeyPem as string) ?? '';
  expect(oldKey).toContain('PUBLIC KEY');

  // The group turns on end-to-end encryption in its chat room (raw HTTP): its messages must never
  // leave in clear, so the bridge withdraws it; its followers are told, its keys and followers
  // deleted, and its actor is a tombstone.
  const chat = group.rooms.chat as string;
  const encryption = await fetch(
    `${groupServer.baseUrl}/_matrix/client/v3/rooms/${encodeURIComponent(chat)}/state/m.room.encryption/`,
    {
      method: 'PUT',
      headers: { authorization: `Bearer ${beaSession.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ algorithm: 'm.megolm.v1.aes-sha2' }),
    },
  );
  expect(encryption.status).toBe(200);
  const gone = await eventually(
    'the withdrawn actor',
    () => fetch(groupIri, { headers: { accept: 'application/activity+json' } }),
    (response) => response.status === 410,
  );
  expect(((await gone.json()) as Json).type).toBe('Tombstone');
  await peer.waitFor('Delete of the actor', (a) => a.type === 'Delete' && a.object === groupIri);
  expect(await bridge.bridge.store.keys(handle)).toBeUndefined();
  expect(await bridge.bridge.store.followers(handle)).toEqual([]);
  expect(
    (await peer.send(inbox, { ...follow, id: await peer.publish(`decided-3-${run}`, follow) })).status,
  ).not.toBe(202);

  // A later group takes the same handle: a new key, no follower of the old one.
  const later = await createGroup(bea, {
    profile: { name: 'Another group' },
    rooms: ['chat', 'decisions'],
    invite: [bot],
  });
  const laterDecisions = later.rooms.decisions as string;
  await initControlTable(bea, laterDecisions, {
    rules: {
      'change-control-table': { protocol: 'consensus', duration: HOUR },
      [ActivitypubActionKinds.publish]: alone,
    },
  } as never);
  await eventually(
    'the bot to join the later group',
    async () =>
      (await rawHistory(groupServer, beaSession.accessToken, laterDecisions)).some(
        (e) => e.type === 'm.room.member' && e.state_key === bot && (e.content as Json).membership === 'join',
      ),
    (joined) => joined,
    60_000,
  );
  const republish = await propose(bea, laterDecisions, {
    kind: ActivitypubActionKinds.publish,
    action: { handle },
  } as never);
  await sendGovernanceEvent(bea, laterDecisions, 'org.imago.governance.approve', { decision: republish });
  const reborn = (await eventually(
    'the later group actor',
    async () => {
      const response = await fetch(groupIri, { headers: { accept: 'application/activity+json' } });
      return response.ok ? ((await response.json()) as Json) : undefined;
    },
    (value) => value !== undefined,
  )) as Json;
  expect(reborn.name).toBe('Another group');
  expect((reborn.publicKey as Json).publicKeyPem).not.toBe(oldKey);
  expect(await bridge.bridge.store.followers(handle)).toEqual([]);
  bea.stopClient();
}
