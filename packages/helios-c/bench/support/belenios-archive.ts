/**
 * The benchmark's election, made entirely by belenios-tool 2.0 and cached: BELENIOS-2048, two plain
 * trustees, the two questions of the reference fixtures (6 ciphertexts per ballot), N ballots cast
 * with `election generate-ballot`, tallied, decrypted by both trustees and with its result. The
 * archive is verified once by belenios-tool before it is cached.
 *
 * Cache layout: `<cache>/verify-BELENIOS-2048-<N>/archive/<uuid>.bel` beside `manifest.json`; a
 * folder without its manifest (an interrupted build) is built again.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const beleniosTool = '/usr/bin/belenios-tool';

const questions = {
  description: 'bench',
  name: 'bench',
  questions: [
    { answers: ['Yes', 'No'], min: 0, max: 1, question: 'Adopt the proposal?' },
    { answers: ['Alice', 'Bob', 'Carol', 'Dave'], min: 1, max: 2, question: 'Pick one or two delegates' },
  ],
};

/** The plaintext of voter `i`: both questions answered, a varied but valid choice. */
function vote(i: number): string {
  return JSON.stringify([
    [i % 2, 1 - (i % 2)],
    [1, i % 3 === 0 ? 1 : 0, 0, 0],
  ]);
}

/** A cached benchmark archive. */
export interface BenchArchive {
  /** The folder holding the `.bel` file alone (what `election verify --dir` is given). */
  readonly dir: string;
  readonly ballots: number;
  readonly uuid: string;
}

interface Manifest {
  readonly uuid: string;
  readonly ballots: number;
  readonly group: string;
  readonly tool: string;
}

/** Runs a bash script in `cwd` with belenios-tool's entropy from urandom; rejects with its stderr. */
function sh(script: string, cwd: string, input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-eo', 'pipefail', '-c', script], {
      cwd,
      env: { ...process.env, BELENIOS_USE_URANDOM: '1', PATH: `/usr/bin:/bin:${process.env.PATH ?? ''}` },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? '');
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`belenios-tool script failed (${code}): ${script}\n${Buffer.concat(err)}`));
    });
  });
}

/**
 * The cached archive of `ballots` ballots, built first when missing (several minutes for 1000:
 * belenios-tool makes each ballot in its own process, as many at once as there are cores).
 * @param cache - the cache folder
 * @param ballots - the number of ballots
 * @param log - progress messages
 * @returns the archive
 */
export async function benchArchive(
  cache: string,
  ballots: number,
  log: (text: string) => void,
): Promise<BenchArchive> {
  if (!existsSync(beleniosTool))
    throw new Error(`${beleniosTool} is missing: install the Debian package belenios-tool (Belenios 2.0)`);
  const home = join(cache, `verify-BELENIOS-2048-${ballots}`);
  const manifestPath = join(home, 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    return { dir: join(home, 'archive'), ballots: manifest.ballots, uuid: manifest.uuid };
  }
  const started = performance.now();
  const work = `${home}.partial`;
  rmSync(work, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
  const setup = join(work, 'setup');
  const box = join(work, 'box');
  const ballotDir = join(work, 'ballots');
  for (const d of [setup, box, ballotDir]) mkdirSync(d, { recursive: true });
  log(`making a ${ballots}-ballot BELENIOS-2048 archive with belenios-tool in ${home}`);

  const uuid = (await sh(`${beleniosTool} setup generate-token`, setup)).trim();
  await sh(
    `t=${beleniosTool}; g="--group BELENIOS-2048"
$t setup generate-credentials --uuid ${uuid} $g --count ${ballots} > /dev/null
mv *.pubcreds public_creds.json; mv *.privcreds private_creds.txt
$t setup generate-trustee-key $g 2> /dev/null; $t setup generate-trustee-key $g 2> /dev/null
cat *.pubkey > public_keys.jsons; $t setup make-trustees; rm public_keys.jsons
cat > questions.json
$t setup make-election --uuid ${uuid} $g --template questions.json
$t archive init; rm -f election.json trustees.json public_creds.json`,
    setup,
    JSON.stringify(questions),
  );

  // Ballots are made against the set-up archive alone, in parallel, then appended in order.
  const credentials = readFileSync(join(setup, 'private_creds.txt'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(' ')[1] as string);
  let next = 0;
  let made = 0;
  const maker = async (): Promise<void> => {
    while (next < credentials.length) {
      const i = next++;
      writeFileSync(join(ballotDir, `${i}.cred`), `${credentials[i]}\n`);
      writeFileSync(join(ballotDir, `${i}.vote`), `${vote(i)}\n`);
      await sh(
        `${beleniosTool} election generate-ballot --privcred ../ballots/${i}.cred --ballot ../ballots/${i}.vote > ../ballots/${i}.json 2> /dev/null`,
        setup,
      );
      made++;
      if (made % 100 === 0) log(`  ${made}/${ballots} ballots`);
    }
  };
  await Promise.all(Array.from({ length: availableParallelism() }, maker));

  await sh(`cp ../setup/${uuid}.bel .`, box);
  await sh(
    `for i in $(seq 0 ${ballots - 1}); do ${beleniosTool} archive add-event --type=Ballot < ../ballots/$i.json 2> /dev/null; done`,
    box,
  );
  await sh(
    `t=${beleniosTool}
$t archive add-event --type=EndBallots < /dev/null 2> /dev/null
$t election compute-encrypted-tally 2> /dev/null | $t archive add-event --type=EncryptedTally 2> /dev/null
i=1; for k in ../setup/*.privkey; do
  $t election decrypt --privkey $k --trustee-id $i 2> /dev/null | $t archive add-event --type=PartialDecryption 2> /dev/null
  i=$((i + 1))
done
$t election compute-result 2> /dev/null | $t archive add-event --type=Result 2> /dev/null
$t election verify > /dev/null 2>&1`,
    box,
  );
  const archiveDir = join(work, 'archive');
  mkdirSync(archiveDir);
  renameSync(join(box, `${uuid}.bel`), join(archiveDir, `${uuid}.bel`));
  for (const d of [setup, box, ballotDir]) rmSync(d, { recursive: true, force: true });
  const manifest: Manifest = {
    uuid,
    ballots,
    group: 'BELENIOS-2048',
    tool: (await sh(`${beleniosTool} --version`, work)).trim(),
  };
  writeFileSync(join(work, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(work, home);
  log(`archive made in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (readdirSync(join(home, 'archive')).length !== 1) throw new Error('archive folder holds other files');
  return { dir: join(home, 'archive'), ballots, uuid };
}
