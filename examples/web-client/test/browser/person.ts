import {
  registerUser,
  type TestHomeserver,
  testHomeserverFromEnvironment,
} from '@imago/matrix-binding/testing';
import type { Page } from 'playwright-core';
import { clientUrl } from './chromium';

/** A registered test user. */
export interface Person {
  localpart: string;
  userId: string;
  password: string;
  /** The person's homeserver (default: the test homeserver of the environment). */
  baseUrl?: string;
}

let counter = 0;

/** Registers a fresh user on the test homeserver (or on the one given). */
export async function newPerson(
  prefix: string,
  homeserver: TestHomeserver = testHomeserverFromEnvironment(),
): Promise<Person> {
  counter += 1;
  const localpart = `${prefix}-${Date.now().toString(36)}-${counter}`;
  const session = await registerUser(homeserver, localpart, { displayName: prefix });
  return { localpart, userId: session.userId, password: session.password, baseUrl: homeserver.baseUrl };
}

/** Logs the person in through the login form and waits for the groups page. */
export async function logIn(page: Page, person: Person): Promise<void> {
  const homeserver = person.baseUrl ?? testHomeserverFromEnvironment().baseUrl;
  await page.goto(clientUrl());
  await page.getByLabel('Homeserver').fill(homeserver);
  await page.getByLabel('User name').fill(person.localpart);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Groups' }).waitFor();
}

/** Creates a group through the form and waits for its page. */
export async function createGroupThroughForm(
  page: Page,
  name: string,
  options: {
    topic?: string;
    parent?: string;
    method?: 'Majority judgment' | 'Plurality (one choice)' | 'Approval (any number of choices)';
    minutes?: number;
    secret?: boolean;
    protocol?: 'democracy' | 'consensus' | 'consent';
    /** A service account that becomes part of the group's authority. */
    service?: string;
  } = {},
): Promise<void> {
  await page.getByRole('link', { name: 'Groups', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Groups' }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill(name);
  if (options.topic) await page.getByLabel('What the group is about').fill(options.topic);
  if (options.parent) await page.getByLabel('Sub-group of').selectOption({ label: options.parent });
  if (options.method) await page.getByLabel('Counting method').selectOption({ label: options.method });
  if (options.protocol) await page.getByLabel('Protocol').selectOption({ value: options.protocol });
  if (options.minutes !== undefined)
    await page.getByLabel('Decision period (minutes)').fill(String(options.minutes));
  if (options.secret) await page.getByRole('radio', { name: /^Secret/ }).check();
  if (options.service) await page.getByLabel(/^Service acting for the group/).fill(options.service);
  await page.getByRole('button', { name: 'Create the group' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/**
 * Admits `invitee` to the open group through its Members tab: proposes their admission, approves
 * it (the group's founder decides admissions alone at first), and waits for the invitation that
 * follows the adopted decision.
 */
export async function admitThroughForm(page: Page, invitee: Person): Promise<void> {
  await page.getByRole('link', { name: 'Members' }).click();
  await page.getByLabel('Admit (Matrix user id)').fill(invitee.userId);
  await page.getByRole('button', { name: 'Propose to admit' }).click();
  const decision = page.getByRole('article', { name: `Admit ${invitee.userId}` });
  await decision.getByRole('button', { name: 'Approve' }).click();
  await page
    .getByRole('region', { name: 'Members' })
    .locator('li', { hasText: invitee.userId })
    .getByText('invited')
    .waitFor();
}

/** Accepts the invitation to the named group from the groups page, and waits for the group. */
export async function joinThroughInvitation(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Groups', exact: true }).click();
  await page.getByRole('button', { name: `Join ${name}` }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Proposes a decision from the open group's Decisions tab. */
export async function proposeThroughForm(page: Page, title: string, options: string[] = []): Promise<void> {
  await page.getByRole('link', { name: 'Decisions' }).click();
  await page.getByLabel('Title').fill(title);
  if (options.length > 0) await page.getByLabel(/^Options, one per line/).fill(options.join('\n'));
  await page.getByRole('button', { name: 'Propose', exact: true }).click();
  await page.getByRole('heading', { level: 3, name: title }).waitFor();
}
