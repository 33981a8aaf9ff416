#!/usr/bin/env node
/**
 * @module
 * `imago-example-server [--config FILE]`: runs the service until interrupted.
 * Configuration: the JSON file, then `IMAGO_*` environment variables (see the README).
 */
import { loadConfig } from './service/config';
import { quietConsole } from './service/quiet-console';
import { startService } from './service/service';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(
    'Usage: imago-example-server [--config FILE]\n\nActs for groups on a Matrix homeserver: closes due decisions and publishes outcomes,\napplies adopted control tables, runs the server trustee of secret elections, propagates\nannouncements, keeps the ValueFlows ledger view. Configuration: FILE (JSON) and IMAGO_*\nenvironment variables (IMAGO_HOMESERVER_URL, IMAGO_SERVICE_USER, IMAGO_SERVICE_PASSWORD...).\n',
  );
  process.exit(0);
}
const index = args.indexOf('--config');
const file = index >= 0 ? args[index + 1] : process.env.IMAGO_SERVICE_CONFIG;
quietConsole();
try {
  const service = await startService(loadConfig(file ? { file } : {}));
  const stop = () => void service.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  process.stderr.write(`imago-example-server: ${(error as Error).message}\n`);
  process.exit(1);
}
