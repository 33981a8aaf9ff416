#!/usr/bin/env node
/**
 * @module
 * `imago-tally <method> [options]`: reads ballots (JSON) on standard input and prints the result
 * of a counting method as JSON. Same sub-commands, options, input and output as
 * `belenios-tool method …` (Belenios 2.0) for `schulze`, `majority-judgment` and `stv`.
 */
import { readFileSync } from 'node:fs';
import { runTally } from './tally-command';

const { code, stdout, stderr } = runTally(process.argv.slice(2), () => readFileSync(0));
if (stdout !== undefined) process.stdout.write(stdout);
if (stderr !== undefined) process.stderr.write(stderr);
process.exitCode = code;
