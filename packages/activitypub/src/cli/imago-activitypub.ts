#!/usr/bin/env node
/**
 * @module
 * `imago-activitypub`: writes the application service registration, and runs the bridge.
 *
 *   imago-activitypub register --url URL --out FILE [--id ID] [--sender LOCALPART] [--prefix PREFIX]
 *   imago-activitypub serve --registration FILE --homeserver URL --store FILE
 *                           [--listen HOST:PORT] [--origin URL] [--allow-private-address]
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ActivitypubError } from '../errors/activitypub-error';
import { InvalidConfigError } from '../errors/invalid-config-error';
import { createRegistration, readRegistration } from '../node/registration';

const HELP = `imago-activitypub — Imago groups on the fediverse (a Matrix application service on Fedify)

  imago-activitypub register --url URL --out FILE [--id ID] [--sender LOCALPART] [--prefix PREFIX]
      Writes a registration file with fresh tokens. URL is where the homeserver reaches the
      bridge's application service listener; give FILE to the homeserver (Synapse:
      app_service_config_files, or SYNAPSE_APPSERVICES=FILE scripts/synapse.sh start) and restart it.
      Defaults: --id imago-activitypub, --sender _ap_bridge, --prefix _ap_ (ghost users @_ap_…).

  imago-activitypub serve --registration FILE --homeserver URL --store FILE
                          [--listen HOST:PORT] [--origin URL] [--allow-private-address]
      Runs the bridge: transactions on the registration's URL, ActivityPub on --listen
      (default 127.0.0.1:8790), public base URL --origin (default http://LISTEN), Fedify's and
      the bridge's records in the SQLite file --store. --allow-private-address lets it talk to
      loopback peers over plain HTTP (tests, the demo; never in production).
      Log lines (JSON) go to standard error; it stops on SIGINT or SIGTERM.

  imago-activitypub --help | --version

Exit codes: 0 success, 1 rejected input (a registration file that cannot be read or is not one,
named with the place in it) or a bridge that cannot run, 2 a bad command line.
`;

/** Rejected input or a bridge that cannot run: exit 1. */
class RunError extends Error {}

function fail(message: string, code: 1 | 2): never {
  process.stderr.write(`imago-activitypub: ${message.replace(/\s+/g, ' ')}\n`);
  process.exit(code);
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new InvalidConfigError(flag, 'is required');
  return value;
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return;
  }
  if (command === '--version') {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    process.stdout.write(`imago-activitypub ${version} (@imago/activitypub)\n`);
    return;
  }
  if (command === 'register') {
    const { values } = parseArgs({
      args: rest,
      options: {
        url: { type: 'string' },
        out: { type: 'string' },
        id: { type: 'string' },
        sender: { type: 'string' },
        prefix: { type: 'string' },
      },
    });
    const { yaml } = createRegistration({
      url: required(values.url, '--url'),
      ...(values.id ? { id: values.id } : {}),
      ...(values.sender ? { senderLocalpart: values.sender } : {}),
      ...(values.prefix ? { ghostPrefix: values.prefix } : {}),
    });
    await writeFile(required(values.out, '--out'), yaml, { mode: 0o600 });
    process.stderr.write(`registration written to ${values.out}\n`);
    return;
  }
  if (command === 'serve') {
    const { values } = parseArgs({
      args: rest,
      options: {
        registration: { type: 'string' },
        homeserver: { type: 'string' },
        store: { type: 'string' },
        listen: { type: 'string' },
        origin: { type: 'string' },
        'allow-private-address': { type: 'boolean' },
      },
    });
    const registrationFile = required(values.registration, '--registration');
    const registration = await readRegistration(registrationFile).catch((error: unknown) => {
      if (!ActivitypubError.isInstance(error)) throw error;
      throw new RunError(`${registrationFile}: ${error.message}`);
    });
    const [host, port] = (values.listen ?? '127.0.0.1:8790').split(/:(?=\d+$)/);
    if (!host || !port || !/^\d+$/.test(port)) throw new InvalidConfigError('--listen', 'expected HOST:PORT');
    // Loaded only to serve: --help and register stay quick.
    const { startBridge } = await import('../node/bridge-server');
    const options = {
      registration,
      homeserverUrl: required(values.homeserver, '--homeserver'),
      store: required(values.store, '--store'),
      listen: { host, port: Number(port) },
      ...(values.origin ? { origin: values.origin } : {}),
      allowPrivateAddress: values['allow-private-address'] === true,
      log: (entry: object) =>
        process.stderr.write(`${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`),
    };
    const running = await startBridge(options).catch((error: unknown) => {
      throw new RunError(error instanceof Error ? error.message : String(error));
    });
    const stop = () => {
      void running.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return;
  }
  fail(`unknown command ${command} (see --help)`, 2);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof RunError) fail(error.message, 1);
  if (ActivitypubError.isInstance(error)) fail(error.message, 2);
  if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
    fail(error.message, 2);
  fail(error instanceof Error ? error.message : String(error), 1);
});
