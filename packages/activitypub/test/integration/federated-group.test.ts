// The same story for a group that lives on another homeserver of a two-Synapse federation
// (SYNAPSE_FEDERATION=1): the bridge is registered with server A, the group and its members are on
// server B, the bridge's bot and ghost users join the group's rooms over federation.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBridge } from '../../src/node/index';
import { newRegistration, run, runBridge } from '../support/bridge-harness';
import { Peer } from '../support/peer';
import { playScenario } from '../support/scenario';
import { resetPeer, resetSynapse, startPeer, startSynapse } from '../support/services';

describe('a group on another homeserver of a federation, on the fediverse through the bridge of the first', () => {
  const bridgeServer = `ap-fed-a-${run}`;
  const groupServer = `ap-fed-b-${run}`;
  const peerName = `ap-fed-peer-${run}`;
  let bridge: RunningBridge;
  let peer: Peer;
  let home: Awaited<ReturnType<typeof startSynapse>>;
  let remote: Awaited<ReturnType<typeof startSynapse>>;
  const lines: Record<string, unknown>[] = [];
  let workDir: string | undefined;

  beforeAll(async () => {
    const { registration, file, dir } = await newRegistration();
    workDir = dir;
    const [a, b, p] = await Promise.all([
      startSynapse(bridgeServer, { federation: true, appservices: [file] }),
      startSynapse(groupServer, { federation: true }),
      startPeer(peerName),
    ]);
    home = a;
    remote = b;
    peer = new Peer(p.url, p.dir);
    bridge = await runBridge(registration, home, dir, lines);
  });
  afterAll(async () => {
    await bridge?.close();
    if (workDir !== undefined) await rm(workDir, { recursive: true, force: true });
    if (!process.env.IMAGO_KEEP) {
      await Promise.all([resetSynapse(bridgeServer), resetSynapse(groupServer), resetPeer(peerName)]);
    }
  });

  it('follows, publishes, replies and agrees; the bot and the ghost are on the other server', async () => {
    expect(remote.serverName).not.toBe(home.serverName);
    expect(bridge.bridge.botUserId.endsWith(`:${home.serverName}`)).toBe(true);
    try {
      await playScenario({ groupServer: remote, bridge, peer, name: 'fed' });
    } catch (error) {
      await mkdir('test-artifacts', { recursive: true });
      await writeFile('test-artifacts/bridge-log-federation.json', JSON.stringify(lines, null, 1));
      throw error;
    }
  });
});
