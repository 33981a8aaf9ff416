/**
 * @module
 * The story's first stage: a group created with the bridge's bot, published on the fediverse by
 * a decision; its actor, moderators and WebFinger address as a fediverse server reads them.
 */
import { type CreatedGroup, createImagoClient, type MatrixClient } from '@imago/matrix-binding';
import { registerUser, type TestHomeserver } from '@imago/matrix-binding/testing';
import { expect } from 'vitest';
import { ActivitypubActionKinds } from '../../src/index';
import type { RunningBridge } from '../../src/node/index';
import { run, silent } from './bridge-harness';
import { ACTIVITY_JSON, groupWithBot, publishByDecision } from './bridged-group';
import type { Json, Peer } from './peer';

/** The story's cast and places, which its stages share. */
export interface Story {
  readonly groupServer: TestHomeserver;
  readonly bridge: RunningBridge;
  readonly peer: Peer;
  /** Distinguishes the names of one telling from another's on the same servers. */
  readonly name: string;
  readonly handle: string;
  readonly groupIri: string;
  readonly inbox: string;
  /** The group's creator, its administrator. */
  readonly ana: MatrixClient;
  readonly anaSession: { readonly userId: string; readonly accessToken: string };
  readonly group: CreatedGroup;
  readonly chat: string;
  readonly decisions: string;
}

/**
 * Creates the group and publishes it by decision; checks the actor the fediverse then reads.
 *
 * @returns the story's cast and places.
 */
export async function publishGroup(options: {
  groupServer: TestHomeserver;
  bridge: RunningBridge;
  peer: Peer;
  name: string;
}): Promise<Story> {
  const { groupServer, bridge, name } = options;
  const origin = bridge.origin;
  const handle = `g_${name}_${run}`.replace(/[^a-z0-9_]/g, '_').slice(0, 64);
  const groupIri = `${origin}/actors/${handle}`;

  // A group whose control table gives the bridge's kinds to its administrator (oligarchy, 1 of 1).
  const anaSession = await registerUser(groupServer, `ana-${name}-${run}`);
  const ana = await createImagoClient({ ...anaSession, logger: silent as never });
  const group = await groupWithBot(
    groupServer,
    { client: ana, ...anaSession },
    {
      profile: {
        name: 'Repair Café Croix-Rousse',
        description: 'Monthly repair sessions and a tool library.',
        places: ['Q456'],
        themes: ['Q132580'],
        coordinates: { lat: 45.7745, lon: 4.8289 },
      },
      bot: bridge.bridge.botUserId,
      kinds: [ActivitypubActionKinds.publish, ActivitypubActionKinds.agreement],
      // Bridged to the fediverse: a public group, whose chat the repliers' ghost users join.
      joinRule: 'public',
    },
  );
  const chat = group.rooms.chat as string;
  const decisions = group.rooms.decisions as string;

  // Publication by decision: not before the decision is adopted.
  const actor = await publishByDecision(ana, decisions, groupIri, {
    kind: ActivitypubActionKinds.publish,
    title: 'Show the group on the fediverse',
    action: { handle },
    statusBefore: 404,
  });
  expect(actor.type).toBe('Group');
  expect(actor.name).toBe('Repair Café Croix-Rousse');
  expect(actor.summary).toBe('Monthly repair sessions and a tool library.');
  expect(JSON.stringify(actor.tag)).toContain('https://www.wikidata.org/wiki/Q132580');
  expect(JSON.stringify(actor.attachment)).toContain('https://www.wikidata.org/wiki/Q456');
  expect((actor.location as Json).latitude).toBe(45.7745);
  expect(actor.attributedTo).toBe(`${groupIri}/moderators`);
  const moderators = (await (await fetch(`${groupIri}/moderators`, ACTIVITY_JSON)).json()) as Json;
  const [moderator, ...others] = moderators.orderedItems as string[];
  expect(others).toEqual([]);
  const person = (await (await fetch(moderator as string, ACTIVITY_JSON)).json()) as Json;
  expect(person.type).toBe('Person');
  expect(person.name).toBe(anaSession.userId);
  // FEP-8b32: an Ed25519 multikey among the assertion methods.
  expect(JSON.stringify(actor.assertionMethod)).toContain('Multikey');
  const webfinger = await fetch(
    `${origin}/.well-known/webfinger?resource=${encodeURIComponent(`acct:${handle}@${new URL(origin).host}`)}`,
  );
  expect(webfinger.status).toBe(200);
  return {
    ...options,
    handle,
    groupIri,
    inbox: `${groupIri}/inbox`,
    ana,
    anaSession,
    group,
    chat,
    decisions,
  };
}
