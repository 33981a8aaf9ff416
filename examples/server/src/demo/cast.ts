/**
 * @module
 * The people of the demo and the homeserver each one lives on: the Lyon server hosts the groups of
 * Lyon and its region, the Paris server the groups of Paris. David moved to Paris and stays a
 * member (and a trustee) of the Repair Café Lyon; Jules runs the Recyclerie Paris 11e.
 */
import { createImagoClient, type MatrixClient } from '@imago/matrix-binding';
import { registerUser, startSynced, type TestHomeserver } from '@imago/matrix-binding/testing';
import { quietLogger } from '../service/quiet-logger';

/** The two homeservers of the demo. */
export type City = 'lyon' | 'paris';

/** The homeservers of the demo, by city. */
export type DemoHomeservers = Readonly<Record<City, TestHomeserver>>;

/** One person of the demo, signed in on their own homeserver. */
export interface Person {
  readonly key: string;
  readonly name: string;
  readonly city: City;
  readonly client: MatrixClient;
  readonly password: string;
}

const PEOPLE: readonly (readonly [key: string, name: string, city: City])[] = [
  ['amelie', 'Amélie', 'lyon'],
  ['bruno', 'Bruno', 'lyon'],
  ['chloe', 'Chloé', 'lyon'],
  ['david', 'David', 'paris'],
  ['emma', 'Emma', 'lyon'],
  ['farid', 'Farid', 'lyon'],
  ['gaelle', 'Gaëlle', 'lyon'],
  ['hugo', 'Hugo', 'lyon'],
  ['ines', 'Inès', 'lyon'],
  ['jules', 'Jules', 'paris'],
];

/** The people of the demo, by key. */
export interface Cast {
  readonly people: ReadonlyMap<string, Person>;
  /** The person of a key (throws for a key nobody has). */
  person(key: string): Person;
  /** The user id of a key. */
  id(key: string): string;
}

/**
 * Registers everyone on their city's homeserver, with end-to-end encryption (credentials come
 * Olm-encrypted, ballots go to the service so), and starts their clients.
 *
 * @param homeservers - the two homeservers.
 * @param run - a suffix that makes the accounts of this run unique.
 * @returns the cast.
 */
export async function registerCast(homeservers: DemoHomeservers, run: string): Promise<Cast> {
  const people = new Map<string, Person>();
  await Promise.all(
    PEOPLE.map(async ([key, name, city]) => {
      const session = await registerUser(homeservers[city], `${key}-${run}`, { displayName: name });
      const client = await createImagoClient({
        ...session,
        encryption: true,
        logger: quietLogger() as never,
      });
      await startSynced(client);
      people.set(key, { key, name, city, client, password: session.password });
    }),
  );
  const person = (key: string): Person => {
    const found = people.get(key);
    if (!found) throw new Error(`nobody is called ${key} in the demo`);
    return found;
  };
  return { people, person, id: (key) => person(key).client.getSafeUserId() };
}

/** The server name of a Matrix user id (`@a:localhost:8448` → `localhost:8448`). */
export function serverOf(userId: string): string {
  return userId.slice(userId.indexOf(':') + 1);
}
