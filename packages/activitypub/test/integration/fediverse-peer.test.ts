// Done-when of the bridge on one homeserver: live Synapse (with the bridge's registration), the
// bridge, and an independent ActivityPub server (fediverse-pasture + bovine) as the peer.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { RunningBridge } from '../../src/node/index';
import { playAttacks } from '../support/attacks';
import { newRegistration, run, runBridge } from '../support/bridge-harness';
import { playDecidedFollowers } from '../support/decided-followers';
import { Peer } from '../support/peer';
import { type PlayedScenario, playScenario } from '../support/scenario';
import { resetPeer, resetSynapse, startPeer, startSynapse } from '../support/services';

describe('a group on the fediverse, with an independent ActivityPub server as its peer', () => {
  const synapse = `ap-main-${run}`;
  const peerName = `ap-peer-${run}`;
  let bridge: RunningBridge;
  let peer: Peer;
  let homeserver: Awaited<ReturnType<typeof startSynapse>>;
  const lines: Record<string, unknown>[] = [];
  let workDir: string | undefined;
  let played: PlayedScenario | undefined;

  beforeAll(async () => {
    const { registration, file, dir } = await newRegistration();
    workDir = dir;
    const [hs, p] = await Promise.all([startSynapse(synapse, { appservices: [file] }), startPeer(peerName)]);
    homeserver = hs;
    peer = new Peer(p.url, p.dir);
    bridge = await runBridge(registration, homeserver, dir, lines);
  });
  afterAll(async () => {
    await bridge?.close();
    if (workDir !== undefined) await rm(workDir, { recursive: true, force: true });
    if (!process.env.IMAGO_KEEP) await Promise.all([resetSynapse(synapse), resetPeer(peerName)]);
  });

  it('follows, publishes, replies and agrees across the bridge; forged requests change nothing', async () => {
    try {
      played = await playScenario({ groupServer: homeserver, bridge, peer, name: 'main' });
    } catch (error) {
      await mkdir('test-artifacts', { recursive: true });
      await writeFile('test-artifacts/bridge-log-main.json', JSON.stringify(lines, null, 1));
      throw error;
    }
  });

  it('refuses unsigned, forged, stale, unknown-key, oversize, malformed, replayed and flooding requests, and offers from non-moderators', async () => {
    if (played === undefined) throw new Error('the story did not play');
    try {
      await playAttacks({ groupServer: homeserver, bridge, peer, played });
    } catch (error) {
      await mkdir('test-artifacts', { recursive: true });
      await writeFile('test-artifacts/bridge-log-attacks.json', JSON.stringify(lines, null, 1));
      throw error;
    }
  });

  it('lets a group decide each follower under its control table (refused → Reject, approved → Accept), withdraws it when it turns on encryption, and leaves nothing to a later group under its handle', async () => {
    try {
      await playDecidedFollowers({ groupServer: homeserver, bridge, peer });
    } catch (error) {
      await mkdir('test-artifacts', { recursive: true });
      await writeFile('test-artifacts/bridge-log-followers.json', JSON.stringify(lines, null, 1));
      throw error;
    }
  });
});
