/**
 * Shuffling and verifying a shuffle of N = 1000 ciphertexts (RFC-3526-2048, one non-homomorphic
 * question), helios-c against belenios-tool 2.0 in the same run, on the same archive:
 *
 * 1. belenios-tool sets up the election (one trustee, N credentials); helios-c casts N ballots and
 *    appends them to the archive; belenios-tool closes the ballot box and computes the encrypted
 *    tally.
 * 2. Shuffle (GenShuffle + GenShuffleProof): `belenios-tool election shuffle` (wall time of the
 *    whole command) against `shuffleArchive` (in process).
 * 3. Verify one shuffle (CheckShuffleProof): belenios-tool has no command checking a shuffle alone,
 *    so its time is `election verify` with the shuffle minus `election verify` without it (the
 *    fastest of two alternating runs of each);
 *    helios-c's is `verifyShuffles` on belenios-tool's shuffle.
 * 4. Cross-check (skipped with `IMAGO_BENCH_CROSS_CHECK=0`): helios-c's shuffle is appended after
 *    belenios-tool's and `election verify` must pass.
 *
 * Prints each time and the ratio helios-c / belenios-tool (≤ 1: helios-c at least as fast).
 * Run: `pnpm bench:shuffle` (bundles this file with tsup first). `IMAGO_BENCH_SHUFFLE` overrides N.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { dataText, encodeDataEntry, encodeEventEntry, readArchive } from '../src/archive/archive';
import { createBallot } from '../src/ballot/create-ballot';
import { parseElection } from '../src/election/election';
import { nonHomomorphicIndices } from '../src/non-homomorphic/non-homomorphic-question';
import { shuffleArchive } from '../src/shuffle/archive-shuffle';
import { parseOwnedShuffle, parseShuffle } from '../src/shuffle/shuffle';
import { nonHomomorphicCiphertexts, verifyShuffles } from '../src/shuffle/shuffle-election';
import { parseEncryptedTally, parseSizedEncryptedTally } from '../src/tally/encrypted-tally';

const N = Number(process.env.IMAGO_BENCH_SHUFFLE ?? 1000);
const tool = '/usr/bin/belenios-tool';
const dir = mkdtempSync(join(tmpdir(), 'helios-c-shuffle-bench-'));
const log = (text: string) => process.stderr.write(`${text}\n`);

function sh(script: string, input?: string): string {
  return execFileSync('bash', ['-eo', 'pipefail', '-c', script], {
    cwd: dir,
    encoding: 'utf8',
    input,
    env: { ...process.env, BELENIOS_USE_URANDOM: '1', PATH: `/usr/bin:${process.env.PATH ?? ''}` },
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
  });
}

function timed<T>(f: () => T): [T, number] {
  const start = performance.now();
  const value = f();
  return [value, (performance.now() - start) / 1000];
}

function loadArchive(uuid: string) {
  const read = readArchive(new Uint8Array(readFileSync(join(dir, `${uuid}.bel`))));
  if (!read.ok) throw read.error;
  return read.value;
}

try {
  execFileSync(tool, ['--version'], { stdio: 'ignore' });
} catch {
  throw new Error(`${tool} is missing: install the Debian package belenios-tool (Belenios 2.0)`);
}

log(`setting up an election of ${N} voters in ${dir}`);
const uuid = sh(`${tool} setup generate-token`).trim();
sh(
  `g="--group RFC-3526-2048"
${tool} setup generate-credentials --uuid ${uuid} $g --count ${N} > /dev/null
mv *.pubcreds public_creds.json; mv *.privcreds private_creds.txt
${tool} setup generate-trustee-key $g; cat *.pubkey > public_keys.jsons; ${tool} setup make-trustees; rm public_keys.jsons
cat > questions.json
${tool} setup make-election --uuid ${uuid} $g --template questions.json
${tool} archive init; rm -f election.json trustees.json public_creds.json`,
  JSON.stringify({
    description: 'Bench',
    name: 'Bench',
    questions: [{ type: 'NonHomomorphic', value: { answers: ['A', 'B', 'C', 'D'], question: 'Rank' } }],
  }),
);

// Ballots: made by helios-c and appended as belenios-tool would (one data file, one event each).
{
  const archive = loadArchive(uuid);
  const setup = JSON.parse(dataText(archive, archive.events[0]!.payload!)!) as { election: string };
  const parsed = parseElection(dataText(archive, setup.election)!);
  if (!parsed.ok) throw parsed.error;
  const credentials = readFileSync(join(dir, 'private_creds.txt'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(' ')[1]!);
  let parent = archive.events.at(-1)!.hash;
  let height = archive.events.at(-1)!.height;
  const mtime = Math.floor(Date.now() / 1000);
  const parts: Uint8Array[] = [];
  const [, seconds] = timed(() => {
    for (let i = 0; i < N; i++) {
      const ranks = [1, 2, 3, 4].sort(() => Math.random() - 0.5);
      const { text } = createBallot(parsed.value, credentials[i]!, [ranks]);
      const data = encodeDataEntry(text, mtime);
      height += 1;
      const event = encodeEventEntry({ parent, height, type: 'Ballot', payload: data.hash }, mtime);
      parent = event.hash;
      parts.push(data.bytes, event.bytes);
    }
  });
  appendFileSync(join(dir, `${uuid}.bel`), Buffer.concat(parts));
  log(`helios-c cast ${N} ballots in ${seconds.toFixed(1)} s`);
}
sh(`${tool} archive add-event --type=EndBallots < /dev/null
${tool} election compute-encrypted-tally | ${tool} archive add-event --type=EncryptedTally`);
// The same archive without shuffle, for belenios-tool's verification baseline.
sh(`mkdir base && cp ${uuid}.bel base/`);

// Shuffle.
const [, beleniosShuffle] = timed(() =>
  sh(`${tool} election shuffle --trustee-id=1 > belenios-shuffle.json`),
);
log(`belenios-tool election shuffle: ${beleniosShuffle.toFixed(1)} s`);
const [heliosLines, heliosShuffle] = timed(() => shuffleArchive(loadArchive(uuid), 1));
log(`helios-c shuffleArchive: ${heliosShuffle.toFixed(1)} s`);

// Verify belenios-tool's shuffle with both tools.
sh(`${tool} archive add-event --type=Shuffle < belenios-shuffle.json`);
// Alternate runs with and without the shuffle (the machine's load varies), keep the fastest of each.
const without: number[] = [];
const withShuffle: number[] = [];
for (let k = 0; k < 2; k++) {
  without.push(timed(() => sh(`${tool} election verify --dir base`))[1]);
  withShuffle.push(timed(() => sh(`${tool} election verify`))[1]);
}
const beleniosCheck = Math.min(...withShuffle) - Math.min(...without);
log(
  `belenios-tool election verify: ${Math.min(...without).toFixed(1)} s without the shuffle, ${Math.min(...withShuffle).toFixed(1)} s with it, so ${beleniosCheck.toFixed(1)} s for the shuffle`,
);
const [verified, heliosCheck] = timed(() => {
  const archive = loadArchive(uuid);
  const setup = JSON.parse(dataText(archive, archive.events[0]!.payload!)!) as { election: string };
  const parsed = parseElection(dataText(archive, setup.election)!);
  if (!parsed.ok) throw parsed.error;
  const election = parsed.value;
  const sized = parseSizedEncryptedTally(
    dataText(archive, archive.events.find((e) => e.type === 'EncryptedTally')!.payload!)!,
  );
  if (!sized.ok) throw sized.error;
  const tally = parseEncryptedTally(election.group, dataText(archive, sized.value.encryptedTally)!);
  if (!tally.ok) throw tally.error;
  const owned = parseOwnedShuffle(JSON.parse(dataText(archive, archive.events.at(-1)!.payload!)!));
  const shuffle = parseShuffle(election.group, JSON.parse(dataText(archive, owned.payload)!));
  return verifyShuffles(
    election.group,
    { publicKey: election.publicKey, fingerprint: election.fingerprint },
    nonHomomorphicCiphertexts(tally.value, nonHomomorphicIndices(election.questions)),
    [shuffle],
  );
});
if (!verified.valid) throw new Error('helios-c rejects the shuffle of belenios-tool');
log(`helios-c verifyShuffles: ${heliosCheck.toFixed(1)} s`);

// Cross-check: a shuffle by helios-c after belenios-tool's one is accepted by belenios-tool.
if (process.env.IMAGO_BENCH_CROSS_CHECK !== '0') {
  const second = shuffleArchive(loadArchive(uuid), 2);
  writeFileSync(join(dir, 'helios-shuffle.json'), `${second.shuffle}\n${second.ownedShuffle}\n`);
  sh(`${tool} archive add-event --type=Shuffle < helios-shuffle.json && ${tool} election verify`);
  log('belenios-tool accepts the helios-c shuffle');
}
void heliosLines;

const row = (name: string, helios: number, belenios: number) =>
  `${name.padEnd(28)} ${helios.toFixed(1).padStart(8)} s ${belenios.toFixed(1).padStart(10)} s ${(helios / belenios).toFixed(2).padStart(8)}`;
process.stdout.write(
  [
    `shuffle of ${N} ciphertexts, RFC-3526-2048       helios-c  belenios-tool  ratio`,
    row('GenShuffle + proof', heliosShuffle, beleniosShuffle),
    row('CheckShuffleProof', heliosCheck, beleniosCheck),
    '',
  ].join('\n'),
);
rmSync(dir, { recursive: true, force: true });
