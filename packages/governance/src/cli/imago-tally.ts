#!/usr/bin/env node
/**
 * @module
 * `imago-tally <method> [options]`: reads ballots (JSON) on standard input and prints the result
 * of a counting method as JSON. Same sub-commands, options, input and output as
 * `belenios-tool method …` (Belenios 2.0) for `schulze`, `majority-judgment` and `stv`.
 */
import { readFileSync } from 'node:fs';
import packageJson from '../../package.json' with { type: 'json' };
import { runTally, type TallyOutcome } from './tally-command';

// A reader that stops early (`imago-tally … | head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

function finish({ code, stdout, stderr }: TallyOutcome): void {
  if (stdout !== undefined) process.stdout.write(stdout);
  if (stderr !== undefined) process.stderr.write(stderr);
  process.exitCode = code;
}

const args = process.argv.slice(2);
let outcome: TallyOutcome | undefined;
if (args[0] === '--version') {
  outcome = { code: 0, stdout: `imago-tally ${packageJson.version} (@imago/governance)\n` };
}
try {
  // One synchronous read: the fastest way to take a whole file or pipe.
  outcome ??= runTally(args, () => readFileSync(0));
} catch (error) {
  // A non-blocking standard input cannot be read synchronously: read it as a stream instead.
  if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
}
if (outcome !== undefined) {
  finish(outcome);
} else {
  const chunks: Buffer[] = [];
  process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
  process.stdin.on('end', () => finish(runTally(args, () => Buffer.concat(chunks))));
}
