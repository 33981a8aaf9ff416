/**
 * Test support: builds elections with non-homomorphic questions using belenios-tool itself
 * (the oracle), in a fresh temporary directory.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const beleniosTool = '/usr/bin/belenios-tool';

/** Throws a clear error when belenios-tool is missing (tests must fail, never skip). */
export function requireBeleniosTool(): void {
  if (!existsSync(beleniosTool)) {
    throw new Error(
      `${beleniosTool} is missing: install the Debian package belenios-tool (Belenios 2.0) to run the interoperability tests`,
    );
  }
}

export const mixedQuestions = {
  description: 'Interop',
  name: 'Interop',
  questions: [
    { answers: ['Yes', 'No'], min: 0, max: 1, question: 'Adopt?' },
    { type: 'NonHomomorphic', value: { answers: ['A', 'B', 'C'], question: 'Rank' } },
    { type: 'NonHomomorphic', value: { answers: ['Good', 'Fair', 'Poor', 'Bad'], question: 'Grade' } },
  ],
};

export interface BeleniosElection {
  readonly dir: string;
  readonly uuid: string;
  /** Runs a bash snippet in the election directory with `belenios-tool` on the PATH. */
  run(script: string, input?: string): string;
  archivePath(): string;
  archiveBytes(): Uint8Array;
  privateCredentials(): string[];
}

/**
 * Sets up an election (RFC-3526-2048, two trustees) with belenios-tool and casts `votes` with
 * belenios-tool ballots (one voter per vote; `extraVoters` more credentials are left unused).
 */
export function beleniosElection(
  votes: readonly unknown[],
  questions: unknown = mixedQuestions,
  extraVoters = 0,
): BeleniosElection {
  requireBeleniosTool();
  const dir = mkdtempSync(join(tmpdir(), 'helios-c-nh-'));
  const run = (script: string, input?: string) =>
    execFileSync('bash', ['-eo', 'pipefail', '-c', script], {
      cwd: dir,
      encoding: 'utf8',
      input,
      env: { ...process.env, BELENIOS_USE_URANDOM: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
      maxBuffer: 1 << 28,
    });
  const uuid = run('belenios-tool setup generate-token').trim();
  const count = votes.length + extraVoters;
  run(
    `g="--group RFC-3526-2048"
belenios-tool setup generate-credentials --uuid ${uuid} $g --count ${count} > /dev/null
mv *.pubcreds public_creds.json; mv *.privcreds private_creds.txt
belenios-tool setup generate-trustee-key $g; belenios-tool setup generate-trustee-key $g
cat *.pubkey > public_keys.jsons; belenios-tool setup make-trustees; rm public_keys.jsons
cat > questions.json
belenios-tool setup make-election --uuid ${uuid} $g --template questions.json
belenios-tool archive init; rm -f election.json trustees.json public_creds.json`,
    JSON.stringify(questions),
  );
  const election: BeleniosElection = {
    dir,
    uuid,
    run,
    archivePath: () => join(dir, `${uuid}.bel`),
    archiveBytes: () => readFileSync(join(dir, `${uuid}.bel`)),
    privateCredentials: () =>
      readFileSync(join(dir, 'private_creds.txt'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split(' ')[1] as string),
  };
  const creds = election.privateCredentials();
  votes.forEach((vote, i) => {
    run(
      `belenios-tool election generate-ballot --privcred <(echo '${creds[i]}') --ballot <(echo '${JSON.stringify(vote)}') | belenios-tool archive add-event --type=Ballot`,
    );
  });
  return election;
}

/** Closes the ballot box and adds the encrypted tally. */
export function closeAndTally(election: BeleniosElection): void {
  election.run(`belenios-tool archive add-event --type=EndBallots < /dev/null
belenios-tool election compute-encrypted-tally | belenios-tool archive add-event --type=EncryptedTally`);
}

/** Ends the shuffles, decrypts with both trustees and adds the result, all with belenios-tool. */
export function decryptAndPublish(election: BeleniosElection): unknown {
  election.run(`belenios-tool archive add-event --type=EndShuffles < /dev/null
i=1; for k in $(ls *.privkey | sort); do belenios-tool election decrypt --privkey $k --trustee-id $i | belenios-tool archive add-event --type=PartialDecryption; i=$((i+1)); done
belenios-tool election compute-result | belenios-tool archive add-event --type=Result`);
  const last = election.run(`tar -tf ${election.uuid}.bel | tail -n 2 | head -n 1`).trim();
  return JSON.parse(election.run(`tar -xOf ${election.uuid}.bel ${last}`));
}

/** `belenios-tool election verify`: returns true on success, false on failure. */
export function beleniosVerifies(election: BeleniosElection): boolean {
  try {
    election.run('belenios-tool election verify');
    return true;
  } catch {
    return false;
  }
}

export function trusteeKeyFiles(election: BeleniosElection): string[] {
  return readdirSync(election.dir)
    .filter((f) => f.endsWith('.privkey'))
    .sort();
}
