/**
 * @module
 * The fediverse scene of the demo: the ActivityPub bridge (`@imago/activitypub`, registered with
 * the demo's Synapse by `scripts/demo-activitypub.sh`) runs in this process; a tool library
 * publishes itself on the fediverse by a decision, the independent ActivityPub server
 * (`scripts/activitypub-peer.sh`) follows it, receives its offer, replies, and offers an
 * agreement that the group decides.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActivitypubActionKinds } from '@imago/activitypub';
import { readRegistration, startBridge } from '@imago/activitypub/node';
import {
  appendToRoomLog,
  createGroup,
  createImagoClient,
  emptyRoomLog,
  fetchRoomHistory,
  initControlTable,
  logEvents,
  propose,
  publishProposal,
  readAgreementRecords,
  sendGovernanceEvent,
} from '@imago/matrix-binding';
import { registerUser, type TestHomeserver } from '@imago/matrix-binding/testing';
import { quietLogger } from '../service/quiet-logger';

type Json = Record<string, unknown>;

async function until<T>(what: string, read: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`the fediverse scene timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Plays the fediverse scene.
 *
 * @param homeserver - the demo's Synapse (with the bridge's registration loaded).
 * @param options - the registration file, the peer's URL, where progress lines go.
 * @returns the lines of the report.
 */
export async function runFediverseScene(
  homeserver: TestHomeserver,
  options: { registration: string; peerUrl: string; say: (line: string) => void },
): Promise<string[]> {
  const { say, peerUrl } = options;
  const peerActor = `${peerUrl}/actor`;
  const running = await startBridge({
    registration: await readRegistration(options.registration),
    homeserverUrl: homeserver.baseUrl,
    store: join(await mkdtemp(join(tmpdir(), 'imago-demo-ap-')), 'bridge.sqlite'),
    allowPrivateAddress: true,
  });
  const peerInbox = async (): Promise<Json[]> =>
    ((await (await fetch(`${peerUrl}/_peer/inbox`)).json()) as { items: Json[] }).items;
  const peerSend = async (inbox: string, name: string, activity: Json) => {
    const id = `${peerUrl}/objects/${name}`;
    await fetch(`${peerUrl}/_peer/objects/${name}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...activity, id }),
    });
    await fetch(`${peerUrl}/_peer/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ inbox, activity: { ...activity, id } }),
    });
    return id;
  };
  try {
    const run = Date.now().toString(36);
    const session = await registerUser(homeserver, `jeanne-${run}`, { displayName: 'Jeanne' });
    const jeanne = await createImagoClient({ ...session, logger: quietLogger() as never });
    const group = await createGroup(jeanne, {
      profile: {
        name: 'Outilthèque de la Guillotière',
        description: 'A tool library: drills, ladders and sewing machines to borrow.',
        places: ['Q456'],
        themes: ['Q132580'],
        coordinates: { lat: 45.7537, lon: 4.8434 },
      },
      rooms: ['chat', 'decisions'],
      invite: [running.bridge.botUserId],
      // Bridged to the fediverse: a public group, whose chat the repliers' ghost users join.
      joinRule: 'public',
    });
    const decisions = group.rooms.decisions as string;
    const chat = group.rooms.chat as string;
    const jeanneDecides = {
      protocol: 'oligarchy',
      deciders: { members: [session.userId] },
      required: 1,
      duration: 3_600_000,
    };
    await initControlTable(jeanne, decisions, {
      rules: {
        'change-control-table': { protocol: 'consensus', duration: 3_600_000 },
        [ActivitypubActionKinds.publish]: jeanneDecides,
        [ActivitypubActionKinds.agreement]: jeanneDecides,
      },
    } as never);
    const handle = `outiltheque_${run}`;
    const actorIri = `${running.origin}/actors/${handle}`;
    await until('the bridge in the decisions room', async () => {
      const events = logEvents(
        appendToRoomLog(emptyRoomLog(decisions), await fetchRoomHistory(jeanne, decisions)),
      );
      return (
        events.some((e) => e.kind === 'membership' && e.stateKey === running.bridge.botUserId) || undefined
      );
    });
    const publish = await propose(jeanne, decisions, {
      kind: ActivitypubActionKinds.publish,
      title: 'Show the tool library on the fediverse',
      action: { handle },
    } as never);
    await sendGovernanceEvent(jeanne, decisions, 'org.imago.governance.approve', { decision: publish });
    await until('the group actor', async () => {
      const response = await fetch(actorIri, { headers: { accept: 'application/activity+json' } });
      return response.ok || undefined;
    });
    say(
      `fediverse: "Outilthèque de la Guillotière" published by decision as ${handle}@${new URL(running.origin).host}`,
    );

    const follow = await peerSend(`${actorIri}/inbox`, `follow-${run}`, {
      '@context': 'https://www.w3.org/ns/activitystreams',
      type: 'Follow',
      actor: peerActor,
      object: actorIri,
    });
    await until('the Accept', async () =>
      (await peerInbox()).find((a) => a.type === 'Accept' && JSON.stringify(a.object).includes(follow)),
    );
    say(
      'fediverse: the independent ActivityPub server (fediverse-pasture + bovine) followed it and got a signed Accept',
    );

    const offer = await publishProposal(jeanne, chat, {
      purpose: 'offer',
      name: 'Ladder to lend',
      note: 'A 3 m ladder, for a week.',
      proposer: 'group:outiltheque',
      unitBased: false,
      publishes: [
        {
          id: 'ladder',
          action: 'transferCustody',
          resourceQuantity: { hasNumericalValue: 1, hasUnit: 'one' },
        },
      ],
      reciprocal: [],
    });
    const created = await until('the Proposal', async () =>
      (await peerInbox()).find((a) => (a.object as Json | undefined)?.type === 'Proposal'),
    );
    const proposal = created.object as Json;
    say(`fediverse: the peer received the offer as a FEP-0837 Proposal: ${String(proposal.content)}`);

    const note = {
      type: 'Note',
      attributedTo: peerActor,
      inReplyTo: proposal.id,
      audience: actorIri,
      content: '<p>Could we borrow it on Saturday?</p>',
    };
    const noteId = `${peerUrl}/objects/note-${run}`;
    await peerSend(`${actorIri}/inbox`, `create-${run}`, {
      '@context': 'https://www.w3.org/ns/activitystreams',
      type: 'Create',
      actor: peerActor,
      object: { ...note, id: noteId },
    });
    const reply = await until('the reply in Matrix', async () =>
      (await fetchRoomHistory(jeanne, chat)).find(
        (e) => e.type === 'm.room.message' && e.sender !== session.userId,
      ),
    );
    say(
      `fediverse: the peer's reply is in the offer's thread on Matrix, sent by the ghost user ${String(reply.sender)}`,
    );

    const offerId = await peerSend(`${actorIri}/inbox`, `offer-${run}`, {
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
      actor: peerActor,
      object: {
        type: 'Agreement',
        stipulates: {
          type: 'Commitment',
          satisfies: `${String(proposal.id)}#primary`,
          resourceQuantity: { hasUnit: 'one', hasNumericalValue: '1' },
        },
      },
    });
    const decision = await until('the agreement decision', async () =>
      logEvents(appendToRoomLog(emptyRoomLog(decisions), await fetchRoomHistory(jeanne, decisions))).find(
        (e) =>
          e.type === 'org.imago.governance.propose' &&
          (e.content as Json).kind === ActivitypubActionKinds.agreement,
      ),
    );
    say(
      'fediverse: the peer offered an agreement (Offer(Agreement)); the bridge made it a decision of the group',
    );
    await sendGovernanceEvent(jeanne, decisions, 'org.imago.governance.approve', {
      decision: decision.eventId,
    });
    await until('the Accept of the offer', async () =>
      (await peerInbox()).find((a) => a.type === 'Accept' && JSON.stringify(a.object).includes(offerId)),
    );
    const records = readAgreementRecords(
      appendToRoomLog(emptyRoomLog(chat), await fetchRoomHistory(jeanne, chat)),
    ).records;
    say(
      `fediverse: Jeanne approved; the agreement (${records.length} record, ${records[0]?.commitments.length ?? 0} commitment) is in the group's ledger room and the peer received Accept`,
    );
    jeanne.stopClient();
    return [
      `Fediverse: ${handle}@${new URL(running.origin).host} — followed, offer published (offer event ${offer}), reply bridged, agreement accepted.`,
    ];
  } finally {
    await running.close();
  }
}
