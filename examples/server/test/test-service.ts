/** The example service on the test homeserver, as the suites start it. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerUser, type TestHomeserver } from '@imago/matrix-binding/testing';
import { loadConfig, type ServiceConfig } from '../src/service/config';
import type { ServiceLog } from '../src/service/log';
import { type ImagoService, startService } from '../src/service/service';

/**
 * Registers a bot account and starts the service as it, closing decisions 100 ms after their end.
 *
 * @param homeserver - the test homeserver.
 * @param localpart - the bot's localpart (made unique by the caller).
 * @param log - where the service logs.
 * @param overrides - further configuration (e.g. `checkpointEvery`).
 * @returns the running service.
 */
export async function startTestService(
  homeserver: TestHomeserver,
  localpart: string,
  log: ServiceLog,
  overrides: Partial<ServiceConfig> = {},
): Promise<ImagoService> {
  const bot = await registerUser(homeserver, localpart);
  return startService(
    loadConfig({
      env: {},
      overrides: {
        homeserverUrl: homeserver.baseUrl,
        user: bot.userId,
        password: bot.password,
        workDir: await mkdtemp(join(tmpdir(), `imago-${localpart}-`)),
        closeMarginMs: 100,
        ...overrides,
      },
    }),
    { log },
  );
}
