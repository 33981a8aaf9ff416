// Two federating Synapses for one test file (scripts/synapse.sh SYNAPSE_FEDERATION=1): started
// before its tests, stopped and deleted after them. Starting one takes seconds.
import { afterAll, beforeAll } from 'vitest';
import type { TestHomeserver } from '../../src/testing/index';
import { DedicatedSynapse } from './dedicated-synapse';
import { run, stopAll } from './live-users';

export type FederatedHomeserver = TestHomeserver & { serverName: string };

/** Registers the hooks of a pair named after `file`; its servers are there once `beforeAll` ran. */
export function federatedPair(file: string): { a: () => FederatedHomeserver; b: () => FederatedHomeserver } {
  const one = new DedicatedSynapse(`${file}-a-${run}`, { federation: true });
  const two = new DedicatedSynapse(`${file}-b-${run}`, { federation: true });
  let servers: [FederatedHomeserver, FederatedHomeserver] | undefined;
  beforeAll(async () => {
    servers = await Promise.all([one.start(), two.start()]);
  });
  afterAll(async () => {
    stopAll();
    await Promise.all([one.reset(), two.reset()]);
  });
  const started = (i: 0 | 1) => {
    if (servers === undefined) throw new Error('the federated pair is not started yet');
    return servers[i];
  };
  return { a: () => started(0), b: () => started(1) };
}
