/**
 * @module
 * The demo: plays the scenario on two federating homeservers, Lyon's named by
 * `IMAGO_HOMESERVER_URL` and `IMAGO_SYNAPSE_SHARED_SECRET`, Paris's by `IMAGO_PARIS_HOMESERVER_URL`
 * and `IMAGO_PARIS_SYNAPSE_SHARED_SECRET` (`scripts/demo.sh` starts both with
 * `SYNAPSE_FEDERATION=1 scripts/synapse.sh start`), with a service for each running in this
 * process, then prints the report and writes `demo-report/index.html`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testHomeserverFromEnvironment } from '@imago/matrix-binding/testing';
import { runFediverseScene } from './demo/fediverse';
import { reportHtml } from './demo/report-html';
import { reportText } from './demo/report-text';
import { runScenario } from './demo/scenario';
import { createLog } from './service/log';
import { quietConsole } from './service/quiet-console';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  quietConsole();
  const homeserver = testHomeserverFromEnvironment();
  const paris = testHomeserverFromEnvironment({
    IMAGO_HOMESERVER_URL: process.env.IMAGO_PARIS_HOMESERVER_URL,
    IMAGO_SYNAPSE_SHARED_SECRET: process.env.IMAGO_PARIS_SYNAPSE_SHARED_SECRET,
  });
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const quiet = process.argv.includes('--quiet');
  const dim = process.stdout.isTTY ? (text: string) => `\x1b[2m${text}\x1b[0m` : (text: string) => text;
  const serviceLog = (city: string) =>
    createLog({
      sink: quiet
        ? null
        : (line) =>
            !line.includes('[watcher]') && process.stdout.write(`  ${dim(`${city} service ${line}`)}\n`),
    });
  const log = serviceLog('Lyon');
  say(`Imago demo on ${homeserver.baseUrl} (Lyon) and ${paris.baseUrl} (Paris), federating`);
  const report = await runScenario(
    { lyon: homeserver, paris },
    {
      log,
      parisLog: serviceLog('Paris'),
      say: (line) => say(`• ${line}`),
      workDir: join(root, 'demo-report', 'service'),
    },
  );
  const fediverse =
    process.env.IMAGO_AP_REGISTRATION && process.env.IMAGO_AP_PEER_URL
      ? await runFediverseScene(homeserver, {
          registration: process.env.IMAGO_AP_REGISTRATION,
          peerUrl: process.env.IMAGO_AP_PEER_URL,
          say: (line) => say(`• ${line}`),
        })
      : [];
  for (const line of [...reportText(report), ...fediverse]) say(line);
  const out = join(root, 'demo-report', 'index.html');
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, reportHtml(report));
  await writeFile(join(root, 'demo-report', 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  say('');
  say(`HTML report with the graph: ${out}`);
  say(
    'Web client: pnpm --filter @imago/example-web-client build && pnpm --filter @imago/example-web-client preview',
  );
  say(
    `  then open the address it prints with ?homeserver=${homeserver.baseUrl} (e.g. http://127.0.0.1:4173/?homeserver=${encodeURIComponent(homeserver.baseUrl)})`,
  );
  say(`  and sign in as ${report.webClient.user} with password ${report.webClient.password}`);
  process.exit(report.secret.verifiedBy.length > 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
