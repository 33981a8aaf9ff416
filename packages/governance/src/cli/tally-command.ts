/**
 * @module
 * The `imago-tally` command as a function of its arguments and standard input, so that it can be
 * run and tested without a process. Options follow `belenios-tool method …`: `--name=value` or
 * `--name value`; booleans are `true` or `false`. Exit codes follow belenios-tool too: 0 on
 * success, 123 for bad input, 124 for a bad command line.
 */
import { GovernanceError } from '../errors/governance-error';
import { readBallots } from '../methods/read-ballots';
import { TALLY_METHODS, type TallyMethod } from './tally-methods';

/** What running the command produced. */
export interface TallyOutcome {
  readonly code: number;
  readonly stdout?: string;
  readonly stderr?: string;
}

const EXIT_INPUT = 123;
const EXIT_USAGE = 124;

function usage(): string {
  const lines = [
    'Usage: imago-tally <method> [options] < ballots.json',
    '',
    'Reads ballots (a JSON array of arrays of integers) on standard input and prints the result',
    'of the counting method as JSON. schulze, majority-judgment and stv take the same options and',
    'input as `belenios-tool method <method>` and print the same result.',
    '',
    'Methods:',
  ];
  for (const method of Object.values(TALLY_METHODS)) {
    lines.push(`  ${method.name.padEnd(19)}${method.summary}`);
    lines.push(`  ${''.padEnd(19)}options: ${method.options.map((o) => `--${o.name}=${o.docv}`).join(' ')}`);
  }
  lines.push(
    '',
    'Run `imago-tally <method> --help` for details. Exit: 0 ok, 123 bad input, 124 bad usage (as belenios-tool).',
    '`imago-tally --version` prints the version.',
  );
  return `${lines.join('\n')}\n`;
}

function methodUsage(method: TallyMethod): string {
  const lines = [
    `Usage: imago-tally ${method.name} [options] < ballots.json`,
    '',
    method.description,
    '',
    'Options:',
  ];
  for (const option of method.options)
    lines.push(`  --${option.name}=${option.docv}`.padEnd(24) + option.doc);
  lines.push(`${'  --help'.padEnd(24)}Show this help.`);
  return `${lines.join('\n')}\n`;
}

/** An integer as OCaml's `int_of_string` reads it: sign, 0x/0o/0b prefixes, `_` separators. */
function ocamlInteger(text: string): number | undefined {
  const match = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|[0-9][0-9_]*)$/.exec(text);
  if (match === null) return undefined;
  const digits = match[2]!.replaceAll('_', '');
  const magnitude = /^0[oObB]/.test(digits)
    ? Number.parseInt(digits.slice(2), digits[1] === 'o' || digits[1] === 'O' ? 8 : 2)
    : Number(digits);
  const value = match[1] === '-' ? -magnitude : magnitude;
  return Number.isSafeInteger(value) ? value : undefined;
}

function usageError(message: string): TallyOutcome {
  return { code: EXIT_USAGE, stderr: `imago-tally: ${message}\n` };
}

/**
 * Runs `imago-tally` with `args` (without the program name); `readInput` is called once, only
 * when ballots are needed.
 */
export function runTally(args: readonly string[], readInput: () => Uint8Array): TallyOutcome {
  const [name, ...rest] = args;
  if (name === undefined) return usageError('missing method; try `imago-tally --help`');
  if (name === '--help' || name === '-h' || name === 'help') return { code: 0, stdout: usage() };
  const method = Object.hasOwn(TALLY_METHODS, name) ? TALLY_METHODS[name] : undefined;
  if (method === undefined) {
    return usageError(`unknown method '${name}' (one of: ${Object.keys(TALLY_METHODS).join(', ')})`);
  }
  const values = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--help' || arg === '-h') return { code: 0, stdout: methodUsage(method) };
    if (!arg.startsWith('--')) return usageError(`unexpected argument '${arg}'`);
    const equals = arg.indexOf('=');
    const written = equals < 0 ? arg.slice(2) : arg.slice(2, equals);
    // Like cmdliner (belenios-tool's option parser): any unambiguous prefix names an option.
    const exact = method.options.find((o) => o.name === written);
    const candidates = exact ? [exact] : method.options.filter((o) => o.name.startsWith(written));
    if (candidates.length !== 1 || written === '') {
      return usageError(
        candidates.length > 1
          ? `option '--${written}' is ambiguous for ${method.name}`
          : `unknown option '--${written}' for ${method.name}`,
      );
    }
    const key = candidates[0]!.name;
    if (values.has(key)) return usageError(`option '--${key}' cannot be repeated`);
    let value: string | undefined;
    if (equals >= 0) value = arg.slice(equals + 1);
    else value = rest[++i];
    if (value === undefined) return usageError(`option '--${key}' needs a value`);
    values.set(key, value);
  }
  const parsed: Record<string, number | boolean | undefined> = {};
  for (const option of method.options) {
    const raw = values.get(option.name);
    if (raw === undefined) {
      if (option.required) return usageError(`--${option.name} is missing`);
      continue;
    }
    if (option.type === 'boolean') {
      if (raw !== 'true' && raw !== 'false') {
        return usageError(`option '--${option.name}': invalid value '${raw}', either 'true' or 'false'`);
      }
      parsed[option.name] = raw === 'true';
    } else {
      const value = ocamlInteger(raw);
      if (value === undefined) {
        return usageError(`option '--${option.name}': invalid value '${raw}', expected an integer`);
      }
      parsed[option.name] = value;
    }
  }
  try {
    const ballots = readBallots(readInput());
    return { code: 0, stdout: `${method.run(ballots, parsed)}\n` };
  } catch (error) {
    if (GovernanceError.isInstance(error)) {
      const code = error.code === 'INVALID_METHOD_OPTIONS' ? EXIT_USAGE : EXIT_INPUT;
      return { code, stderr: `imago-tally: ${error.message}\n` };
    }
    throw error;
  }
}
