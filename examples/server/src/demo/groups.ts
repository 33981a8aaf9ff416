/**
 * @module
 * The groups of the demo, each on its founder's homeserver with that server's service as its
 * authority, and their relations: each side asserts in its own space, on its own server, naming
 * the servers to reach the other group through (`via`), and only what both sides assert is accepted.
 */
import {
  assertRelation,
  type CreatedGroup,
  createGroup,
  type GroupProfileInput,
  type GroupRoomRole,
  joinGroup,
} from '@imago/matrix-binding';
import { type Cast, type City, serverOf } from './cast';

/** A group of the demo. */
export interface DemoGroup {
  readonly name: string;
  readonly city: City;
  readonly created: CreatedGroup;
  readonly profile: GroupProfileInput;
}

/** The groups of the demo. */
export interface DemoGroups {
  readonly repair: CreatedGroup;
  readonly velo: CreatedGroup;
  readonly garden: CreatedGroup;
  readonly grenoble: CreatedGroup;
  readonly stEtienne: CreatedGroup;
  readonly paris: CreatedGroup;
  /** Every group, by space id. */
  readonly all: ReadonlyMap<string, DemoGroup>;
}

/** The Repair Café's members besides Amélie, its founder (David lives in Paris). */
export const REPAIR_MEMBERS = ['bruno', 'chloe', 'david', 'emma', 'farid'] as const;

/**
 * Creates the groups: founders on their own servers, members joining over federation when they
 * live elsewhere. Each group takes join requests (knock, the default), and its founder sets it up
 * with its first members: invited at creation, they join before the control table is set, so they
 * are its founding members in the governance roll. Anyone who comes later knocks, and counts once
 * an `admit-member` decision is adopted (the service's admission duty proposes it and invites them).
 *
 * @param cast - the people.
 * @param services - the service account of each city (the authority of that city's groups).
 * @returns the groups.
 */
export async function createDemoGroups(
  cast: Cast,
  services: Readonly<Record<City, string>>,
): Promise<DemoGroups> {
  const all = new Map<string, DemoGroup>();
  const make = async (
    founder: string,
    members: readonly string[],
    profile: GroupProfileInput,
    rooms: readonly GroupRoomRole[],
    parent?: CreatedGroup,
  ): Promise<CreatedGroup> => {
    const city = cast.person(founder).city;
    const bot = services[city];
    const created = await createGroup(cast.person(founder).client, {
      profile,
      rooms,
      invite: [bot, ...members.map(cast.id)],
      // The service of the group's server is its authority: runs elections, closes decisions, speaks for it.
      authority: [bot],
      ...(parent ? { parent: parent.spaceId } : {}),
    });
    all.set(created.spaceId, { name: profile.name, city, created, profile });
    await Promise.all(members.map((m) => joinGroup(cast.person(m).client, created)));
    return created;
  };
  const repair = await make(
    'amelie',
    REPAIR_MEMBERS,
    {
      name: 'Repair Café Lyon',
      description: 'Monthly repair sessions at the Croix-Rousse, and a tool library.',
      places: ['Q456'],
      themes: ['Q132580', 'Q11442'],
      coordinates: { lat: 45.7745, lon: 4.8289 },
    },
    ['chat', 'decisions', 'announcements', 'debate'],
  );
  const [velo, garden, grenoble, stEtienne, paris] = await Promise.all([
    make(
      'amelie',
      ['chloe', 'david'],
      {
        name: 'Atelier vélo',
        description: 'The bicycle workshop of the Repair Café.',
        places: ['Q456'],
        themes: ['Q11442'],
        coordinates: { lat: 45.7485, lon: 4.8467 },
      },
      ['chat'],
      repair,
    ),
    make(
      'gaelle',
      [],
      {
        name: 'Jardin partagé de Villeurbanne',
        places: ['Q582'],
        themes: ['Q48803', 'Q132580'],
        coordinates: { lat: 45.7719, lon: 4.8902 },
      },
      ['chat', 'announcements'],
    ),
    make(
      'hugo',
      [],
      {
        name: 'Ressourcerie de Grenoble',
        places: ['Q1289'],
        themes: ['Q132580'],
        coordinates: { lat: 45.1885, lon: 5.7245 },
        accepts: ['need'],
      },
      ['chat'],
    ),
    make(
      'ines',
      [],
      {
        name: 'Vélo Solidaire Saint-Étienne',
        places: ['Q42716'],
        themes: ['Q11442'],
        coordinates: { lat: 45.4397, lon: 4.3872 },
      },
      ['chat', 'announcements'],
    ),
    make(
      'jules',
      ['david'],
      {
        name: 'Recyclerie Paris 11e',
        places: ['Q90'],
        themes: ['Q132580'],
        coordinates: { lat: 48.8589, lon: 2.3801 },
      },
      ['chat', 'decisions', 'announcements'],
    ),
  ]);
  return { repair, velo, garden, grenoble, stEtienne, paris, all };
}

/**
 * The relations: each side asserts in its own space, naming the other group's server (`via`), so
 * that a server in none of the other group's rooms reaches it from the relation alone.
 *
 * @param cast - the people.
 * @param groups - the groups.
 * @returns what was asserted, in words.
 */
export async function assertDemoRelations(cast: Cast, groups: DemoGroups): Promise<string> {
  const { repair, garden, stEtienne, grenoble, paris } = groups;
  const via = (group: CreatedGroup) => ({ via: [...group.via] });
  await Promise.all([
    assertRelation(cast.person('amelie').client, repair.spaceId, garden.spaceId, 'partner', {
      note: 'Shared compost and tools',
      ...via(garden),
    }),
    assertRelation(cast.person('gaelle').client, garden.spaceId, repair.spaceId, 'partner', via(repair)),
    assertRelation(
      cast.person('amelie').client,
      repair.spaceId,
      stEtienne.spaceId,
      'partner',
      via(stEtienne),
    ),
    assertRelation(cast.person('ines').client, stEtienne.spaceId, repair.spaceId, 'partner', via(repair)),
    assertRelation(cast.person('amelie').client, repair.spaceId, grenoble.spaceId, 'partner', via(grenoble)),
    // Across servers: the Lyon side names the Paris server, the Paris side the Lyon server.
    assertRelation(cast.person('amelie').client, repair.spaceId, paris.spaceId, 'partner', via(paris)),
    assertRelation(cast.person('jules').client, paris.spaceId, repair.spaceId, 'partner', via(repair)),
    assertRelation(cast.person('jules').client, paris.spaceId, stEtienne.spaceId, 'follows', via(stEtienne)),
  ]);
  return `relations asserted: Repair Café ⇄ Jardin (partner), Repair Café ⇄ Vélo Solidaire (partner), Repair Café ⇄ Recyclerie Paris 11e (partner, across the two servers, via ${serverOf(cast.id('jules'))} and ${serverOf(cast.id('amelie'))}), Repair Café → Ressourcerie (proposed), Recyclerie → Vélo Solidaire (proposed)`;
}
