/**
 * Elections in which helios-c and belenios-tool share the work: each step is done by one tool
 * or the other, and both tools must verify the archive and agree on the result.
 */
import { mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { belenios, helios, ok, requireBeleniosTool } from '../support/tools';

type Tool = typeof belenios;

function only(dir: string, suffix: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .sort();
}

async function resultOf(dir: string): Promise<unknown> {
  const bel = only(dir, '.bel')[0] as string;
  // The result is the payload of the last event; read it with helios-c's own archive reader.
  const { readArchive, dataText } = await import('../../src/archive/archive');
  const read = readArchive(new Uint8Array(readFileSync(join(dir, bel))));
  if (!read.ok) throw read.error;
  const last = read.value.events.at(-1);
  if (last?.type !== 'Result' || !last.payload) throw new Error('no Result event');
  return JSON.parse(dataText(read.value, last.payload) ?? 'null');
}

async function castBallots(dir: string, tools: readonly Tool[], votes: readonly string[]): Promise<void> {
  const creds = readFileSync(join(dir, 'private_creds.txt'), 'utf8').trim().split('\n');
  for (const [i, vote] of votes.entries()) {
    const credential = (creds[i] as string).split(' ').at(-1) as string;
    writeFileSync(join(dir, 'cred'), `${credential}\n`);
    writeFileSync(join(dir, 'vote'), `${vote}\n`);
    const make = tools[i % tools.length] as Tool;
    const ballot = await ok(
      make(['election', 'generate-ballot', '--privcred', 'cred', '--ballot', 'vote'], dir),
      'generate-ballot',
    );
    const add = tools[(i + 1) % tools.length] as Tool;
    await ok(add(['archive', 'add-event', '--type=Ballot'], dir, ballot), 'add-event Ballot');
  }
}

async function verifyBoth(dir: string): Promise<void> {
  await ok(belenios(['election', 'verify'], dir), 'belenios-tool election verify');
  await ok(helios(['election', 'verify'], dir), 'helios-c election verify');
}

test.concurrent('plain trustees, RFC-3526-2048, blank votes and weights: helios-c ballots, mixed decryption', async () => {
  requireBeleniosTool();
  const dir = mkdtempSync(join(tmpdir(), 'helios-c-mixed-'));
  const group = '--group=RFC-3526-2048';
  const uuid = (await ok(belenios(['setup', 'generate-token'], dir), 'generate-token')).trim();
  writeFileSync(
    join(dir, 'voters.txt'),
    'a@example.org,a,1\nb@example.org,b,2\nc@example.org,c,3\nd@example.org,d,1\n',
  );
  await ok(
    helios(['setup', 'generate-credentials', `--uuid=${uuid}`, group, '--file=voters.txt'], dir),
    'generate-credentials',
  );
  renameSync(join(dir, only(dir, '.pubcreds')[0] as string), join(dir, 'public_creds.json'));
  renameSync(join(dir, only(dir, '.privcreds')[0] as string), join(dir, 'private_creds.txt'));
  await ok(belenios(['setup', 'generate-trustee-key', group], dir), 'belenios trustee key');
  const first = only(dir, '.privkey')[0] as string;
  await ok(helios(['setup', 'generate-trustee-key', group], dir), 'helios trustee key');
  const second = only(dir, '.privkey').find((f) => f !== first) as string;
  const pub = (f: string) => readFileSync(join(dir, f.replace('.privkey', '.pubkey')), 'utf8');
  writeFileSync(join(dir, 'public_keys.jsons'), pub(first) + pub(second));
  await ok(belenios(['setup', 'make-trustees'], dir), 'make-trustees');
  writeFileSync(
    join(dir, 'template.json'),
    JSON.stringify({
      description: 'd',
      name: 'n',
      questions: [
        { answers: ['Yes', 'No', 'Later'], blank: true, min: 1, max: 1, question: 'Q1' },
        { answers: ['A', 'B', 'C'], min: 0, max: 3, question: 'Q2' },
      ],
    }),
  );
  await ok(
    helios(['setup', 'make-election', `--uuid=${uuid}`, group, '--template=template.json'], dir),
    'make-election',
  );
  await ok(belenios(['archive', 'init'], dir), 'archive init');
  // Voters a..d in file order; private_creds.txt keeps that order.
  await castBallots(
    dir,
    [helios],
    ['[[1,0,0,0],[0,0,0]]', '[[0,1,0,0],[1,1,0]]', '[[0,0,0,1],[0,0,1]]', '[[0,1,0,0],[1,0,1]]'],
  );
  await ok(belenios(['election', 'verify'], dir), 'belenios-tool accepts the helios-c ballots');
  await ok(belenios(['archive', 'add-event', '--type=EndBallots'], dir), 'EndBallots');
  const tally = await ok(belenios(['election', 'compute-encrypted-tally'], dir), 'compute-encrypted-tally');
  await ok(belenios(['archive', 'add-event', '--type=EncryptedTally'], dir, tally), 'add tally');
  const pd1 = await ok(
    belenios(['election', 'decrypt', `--privkey=${first}`, '--trustee-id=1'], dir),
    'belenios decrypt',
  );
  await ok(belenios(['archive', 'add-event', '--type=PartialDecryption'], dir, pd1), 'add pd1');
  const pd2 = await ok(
    helios(['election', 'decrypt', `--privkey=${second}`, '--trustee-id=2'], dir),
    'helios decrypt',
  );
  await ok(helios(['archive', 'add-event', '--type=PartialDecryption'], dir, pd2), 'add pd2');
  const result = await ok(belenios(['election', 'compute-result'], dir), 'compute-result');
  await ok(belenios(['archive', 'add-event', '--type=Result'], dir, result), 'add result');
  await verifyBoth(dir);
  // Weights a=1 (blank), b=2, c=3, d=1.
  expect(await resultOf(dir)).toEqual({
    result: [
      [1, 3, 0, 3],
      [3, 2, 4],
    ],
  });
}, 240_000);

test.concurrent('threshold trustees with a server key: key establishment, ballots and decryption shared between the tools', async () => {
  requireBeleniosTool();
  const dir = mkdtempSync(join(tmpdir(), 'helios-c-threshold-'));
  const group = '--group=BELENIOS-2048';
  const uuid = (await ok(helios(['setup', 'generate-token'], dir), 'generate-token')).trim();
  await ok(
    belenios(['setup', 'generate-credentials', `--uuid=${uuid}`, group, '--count=4'], dir),
    'generate-credentials',
  );
  renameSync(join(dir, only(dir, '.pubcreds')[0] as string), join(dir, 'public_creds.json'));
  renameSync(join(dir, only(dir, '.privcreds')[0] as string), join(dir, 'private_creds.txt'));
  const t = (tool: Tool, args: string[], input?: string) =>
    tool(['setup', 'generate-trustee-key-threshold', group, ...args], dir, input);
  const tools: Tool[] = [belenios, helios, belenios];
  for (const tool of tools) await ok(t(tool, ['--step=1']), 'step 1');
  const keys = only(dir, '.key');
  writeFileSync(
    join(dir, 'certs.jsons'),
    keys.map((k) => readFileSync(join(dir, k.replace('.key', '.cert')), 'utf8')).join(''),
  );
  await ok(t(helios, ['--certs=certs.jsons', '--step=2']), 'step 2 helios');
  await ok(t(belenios, ['--certs=certs.jsons', '--step=2']), 'step 2 belenios');
  let polynomials = '';
  for (const [i, k] of keys.entries()) {
    polynomials += await ok(
      t(tools[i] as Tool, ['--certs=certs.jsons', `--key=${k}`, '--step=3', '--threshold=2']),
      'step 3',
    );
  }
  writeFileSync(join(dir, 'polynomials.jsons'), polynomials);
  await ok(t(helios, ['--certs=certs.jsons', '--step=4', '--polynomials=polynomials.jsons']), 'step 4');
  let voutputs = '';
  for (const [i, k] of keys.entries()) {
    const vinput = readFileSync(join(dir, k.replace('.key', '.vinput')), 'utf8');
    voutputs += await ok(
      t(tools[(i + 1) % 3] as Tool, ['--certs=certs.jsons', `--key=${k}`, '--step=5'], vinput),
      'step 5',
    );
  }
  const threshold = await ok(
    t(belenios, ['--certs=certs.jsons', '--step=6', '--polynomials=polynomials.jsons'], voutputs),
    'step 6',
  );
  writeFileSync(join(dir, 'threshold.json'), threshold);
  await ok(helios(['setup', 'generate-trustee-key', group], dir), 'server key');
  const serverKey = only(dir, '.privkey')[0] as string;
  writeFileSync(
    join(dir, 'public_keys.jsons'),
    readFileSync(join(dir, serverKey.replace('.privkey', '.pubkey'))),
  );
  await ok(helios(['setup', 'make-trustees'], dir), 'make-trustees');
  writeFileSync(
    join(dir, 'template.json'),
    JSON.stringify({
      description: 'd',
      name: 'n',
      questions: [{ answers: ['A', 'B', 'C', 'D'], min: 1, max: 2, question: 'Q' }],
    }),
  );
  await ok(
    belenios(['setup', 'make-election', `--uuid=${uuid}`, group, '--template=template.json'], dir),
    'make-election',
  );
  await ok(helios(['archive', 'init'], dir), 'archive init');
  await castBallots(dir, [belenios, helios], ['[[1,1,0,0]]', '[[0,1,0,0]]', '[[0,0,1,1]]', '[[1,0,0,1]]']);
  await ok(helios(['archive', 'add-event', '--type=EndBallots'], dir), 'EndBallots');
  const tally = await ok(helios(['election', 'compute-encrypted-tally'], dir), 'compute-encrypted-tally');
  await ok(belenios(['archive', 'add-event', '--type=EncryptedTally'], dir, tally), 'add tally');
  // Trustees 2 and 4 (the first and third of the threshold set) decrypt, one with each tool; the server is 1.
  const pdA = await ok(
    belenios(
      [
        'election',
        'decrypt-threshold',
        `--key=${keys[0]}`,
        `--decryption-key=${(keys[0] as string).replace('.key', '.dkey')}`,
        '--trustee-id=2',
      ],
      dir,
    ),
    'belenios decrypt-threshold',
  );
  await ok(belenios(['archive', 'add-event', '--type=PartialDecryption'], dir, pdA), 'add pdA');
  const pdB = await ok(
    helios(
      [
        'election',
        'decrypt-threshold',
        `--key=${keys[2]}`,
        `--decryption-key=${(keys[2] as string).replace('.key', '.dkey')}`,
        '--trustee-id=4',
      ],
      dir,
    ),
    'helios decrypt-threshold',
  );
  await ok(helios(['archive', 'add-event', '--type=PartialDecryption'], dir, pdB), 'add pdB');
  const pdServer = await ok(
    belenios(['election', 'decrypt', `--privkey=${serverKey}`, '--trustee-id=1'], dir),
    'server decrypt',
  );
  await ok(belenios(['archive', 'add-event', '--type=PartialDecryption'], dir, pdServer), 'add server pd');
  // A surplus decryption: trustee 3 decrypts too, beyond the threshold of 2. Both tools must
  // compute the very same result from the three partial decryptions.
  const pdC = await ok(
    helios(
      [
        'election',
        'decrypt-threshold',
        `--key=${keys[1]}`,
        `--decryption-key=${(keys[1] as string).replace('.key', '.dkey')}`,
        '--trustee-id=3',
      ],
      dir,
    ),
    'helios decrypt-threshold (surplus)',
  );
  await ok(helios(['archive', 'add-event', '--type=PartialDecryption'], dir, pdC), 'add pdC');
  const result = await ok(helios(['election', 'compute-result'], dir), 'compute-result');
  expect(result).toBe(await ok(belenios(['election', 'compute-result'], dir), 'belenios compute-result'));
  await ok(helios(['archive', 'add-event', '--type=Result'], dir, result), 'add result');
  await verifyBoth(dir);
  expect(await resultOf(dir)).toEqual({ result: [[2, 2, 1, 2]] });
}, 240_000);
