// Two federating Synapses for one test file (scripts/synapse.sh SYNAPSE_FEDERATION=1): started
// before its tests, stopped and deleted after them. Starting one takes seconds.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { TestHomeserver } from '../../src/testing/index';
import { DedicatedSynapse } from './dedicated-synapse';
import { run, stopAll } from './live-users';
import { type ForgingAppservice, forgingAppservice } from './raw-matrix';

export type FederatedHomeserver = TestHomeserver & { serverName: string };

export interface FederatedPair {
  a: () => FederatedHomeserver;
  b: () => FederatedHomeserver;
  /** The application service of a server (with `appservices`), which registers ghosts and forges clocks. */
  appservice: (server: 'a' | 'b') => ForgingAppservice;
}

/**
 * Registers the hooks of a pair named after `file`; its servers are there once `beforeAll` ran.
 *
 * @param options.appservices - the ghosts' localpart prefix of an application service to
 *   register on each server (the run's suffix is added).
 */
export function federatedPair(
  file: string,
  options: { appservices?: { a: string; b: string } } = {},
): FederatedPair {
  let work: string | undefined;
  let synapses: DedicatedSynapse[] = [];
  let services: ForgingAppservice[] = [];
  let servers: FederatedHomeserver[] | undefined;
  beforeAll(async () => {
    const prefixes = options.appservices;
    if (prefixes) {
      const dir = await mkdtemp(join(tmpdir(), `imago-${file}-`));
      work = dir;
      services = await Promise.all(
        [prefixes.a, prefixes.b].map((p) => forgingAppservice(dir, `${p}${run}_`)),
      );
    }
    synapses = (['a', 'b'] as const).map((side, i) => {
      const appservices = services[i] ? { appservices: [services[i].registration] } : {};
      return new DedicatedSynapse(`${file}-${side}-${run}`, { federation: true, ...appservices });
    });
    servers = await Promise.all(synapses.map((synapse) => synapse.start()));
  }, 180_000);
  afterAll(async () => {
    stopAll();
    await Promise.all(synapses.map((synapse) => synapse.reset()));
    if (work) await rm(work, { recursive: true, force: true });
  });
  const started = (i: 0 | 1) => {
    const server = servers?.[i];
    if (server === undefined) throw new Error('the federated pair is not started yet');
    return server;
  };
  const appservice = (side: 'a' | 'b') => {
    const service = services[side === 'a' ? 0 : 1];
    if (service === undefined) throw new Error(`no application service on server ${side}`);
    return service;
  };
  return { a: () => started(0), b: () => started(1), appservice };
}
