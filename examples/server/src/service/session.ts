/**
 * @module
 * The service's Matrix session, kept in its work folder: a restarted service reuses its access
 * token and so stays the same device, whose keys its crypto store holds.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createImagoClient, loginWithPassword, type MatrixSession } from '@imago/matrix-binding';
import type { ServiceConfig } from './config';

/**
 * The service's session: the one it kept in its work folder while its access token works (the same
 * device, whose keys its crypto store holds), else a new login, kept for the next start.
 *
 * @param config - the configuration (homeserver, account, work folder).
 * @returns a working session.
 */
export async function session(config: ServiceConfig): Promise<MatrixSession> {
  const file = join(config.workDir, 'session.json');
  let kept: MatrixSession | undefined;
  try {
    kept = JSON.parse(await readFile(file, 'utf8')) as MatrixSession;
  } catch {
    kept = undefined;
  }
  const usable = async (candidate: MatrixSession) => {
    try {
      const probe = await createImagoClient(candidate);
      const who = await probe.whoami();
      return who.user_id === candidate.userId
        ? { ...candidate, deviceId: who.device_id ?? candidate.deviceId }
        : undefined;
    } catch {
      return undefined;
    }
  };
  if (kept && kept.baseUrl === config.homeserverUrl) {
    const reused = await usable(kept);
    if (reused) return reused;
  }
  let fresh: MatrixSession;
  if (config.accessToken) {
    const userId = config.user.startsWith('@') ? config.user : '';
    const checked = await usable({
      baseUrl: config.homeserverUrl,
      userId,
      accessToken: config.accessToken,
      deviceId: config.deviceId ?? '',
    });
    if (!checked) throw new Error('the configured access token does not work');
    fresh = checked;
  } else {
    fresh = await loginWithPassword(
      config.homeserverUrl,
      config.user,
      config.password as string,
      config.deviceId ?? kept?.deviceId,
    );
  }
  await writeFile(file, JSON.stringify(fresh), { mode: 0o600 });
  return fresh;
}
