#!/usr/bin/env node
/**
 * `imago-vf` — the command line of `@imago/valueflows`: the GraphQL schema, a ledger replay of
 * an event log, matching of needs with offers, and accepting a proposal. A thin shell over the package core.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ValueflowsError } from '../errors/valueflows-error';
import { acceptProposal } from '../exchange/accept-proposal';
import { createLedger } from '../ledger/ledger-state';
import { replayLedger } from '../ledger/replay-ledger';
import { match } from '../matching/match';
import type { Process } from '../model/process';
import { readEventLog } from '../parse/parse-economic-event';
import { readProposalList } from '../parse/parse-proposal';
import { readProcess } from '../parse/parse-records';
import { greatCircleKm } from './great-circle-distance';

const HELP = `imago-vf — ValueFlows tools of Imago

Usage:
  imago-vf schema                       print the GraphQL SDL of the API
  imago-vf schema --modules             print the JSON array of vf-graphql modules implemented
  imago-vf ledger --events FILE [--processes FILE]
                                        apply JSON-lines economic events (FILE or - for stdin);
                                        print the resulting resources as JSON, or the first
                                        rejected event with its reason (exit 1); processes
                                        (JSON array) give outputs their stage
  imago-vf match --needs FILE --offers FILE [--max-distance KM] [--limit N] [--now ISO-DATE]
                                        print candidate matches (JSON), best first; needs and
                                        offers are JSON arrays or JSON lines of proposals;
                                        distance is the great-circle distance in km
  imago-vf accept --offers FILE --proposal ID --counterparty AGENT --agreement ID
                  [--quantity N --unit UNIT] [--created ISO-DATE] [--due ISO-DATE]
                                        accept a proposal of FILE (offer or request): print
                                        {agreement, commitments, proposals} where proposals is
                                        FILE's list with what remains of the accepted one, to
                                        match against next; more than remains: exit 1
  imago-vf --help | --version

Exit codes: 0 success, 1 rejected or invalid input, 2 usage error.`;

/** A bad command line: exit 2. */
class UsageError extends Error {}
/** A file that cannot be read or holds what it must not: exit 1, the message names the file. */
class InputError extends Error {}

/** Reads and parses a file named on the command line (`-`: standard input). */
function fromFile<T>(file: string, parse: (text: string) => T): T {
  const name = file === '-' ? 'standard input' : file;
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new InputError(`${name}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`${name}: ${error.message}`);
    if (ValueflowsError.isInstance(error)) {
      throw new InputError(`${name}: ${error.message.split('\n')[0]} (${error.code})`);
    }
    throw error;
  }
}

function parseProcesses(text: string): Process[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InputError('not JSON: --processes expects a JSON array of processes');
  }
  if (!Array.isArray(json)) throw new InputError('--processes expects a JSON array of processes');
  return json.map((p, i) => readProcess(p, `processes[${i}]`));
}

function out(value: unknown): void {
  process.stdout.write(typeof value === 'string' ? `${value}\n` : `${JSON.stringify(value, null, 2)}\n`);
}

function number(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name} expects a non-negative number`);
  return n;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean' },
      modules: { type: 'boolean' },
      events: { type: 'string' },
      processes: { type: 'string' },
      needs: { type: 'string' },
      offers: { type: 'string' },
      'max-distance': { type: 'string' },
      limit: { type: 'string' },
      now: { type: 'string' },
      proposal: { type: 'string' },
      counterparty: { type: 'string' },
      agreement: { type: 'string' },
      quantity: { type: 'string' },
      unit: { type: 'string' },
      created: { type: 'string' },
      due: { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help) {
    out(HELP);
    return 0;
  }
  if (values.version) {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    out(`imago-vf ${version} (@imago/valueflows), ValueFlows 1.0.0, vf-graphql 0.8.5 schema`);
    return 0;
  }
  if (rest.length > 0) throw new UsageError(`unexpected argument ${rest[0]}`);
  switch (command) {
    case 'schema': {
      // GraphQL is loaded only for this command: the others start faster without it.
      const { IMPLEMENTED_MODULES, printVfSchema } = await import('../graphql/executable-schema');
      out(values.modules ? JSON.stringify(IMPLEMENTED_MODULES) : printVfSchema());
      return 0;
    }
    case 'ledger': {
      if (values.events === undefined) throw new UsageError('ledger needs --events FILE');
      const events = fromFile(values.events, readEventLog);
      if (events.length >= 100_000) process.stderr.write(`applying ${events.length} events…\n`);
      const processes = values.processes === undefined ? [] : fromFile(values.processes, parseProcesses);
      const { state, rejections } = replayLedger(events, {
        onRejection: 'stop',
        initial: createLedger({ processes }),
      });
      const rejected = rejections[0];
      if (rejected !== undefined) {
        const error = rejected.error as unknown as ValueflowsError & Record<string, unknown>;
        out({
          rejected: {
            index: rejected.index,
            id: rejected.event.id,
            code: error.code,
            ...(typeof error.rule === 'string' ? { rule: error.rule } : {}),
            reason: error.message,
          },
        });
        process.stderr.write(`imago-vf: event ${rejected.event.id} rejected (${error.code})\n`);
        return 1;
      }
      out([...state.resources.values()]);
      return 0;
    }
    case 'match': {
      if (values.needs === undefined || values.offers === undefined) {
        throw new UsageError('match needs --needs FILE and --offers FILE');
      }
      const needs = fromFile(values.needs, readProposalList);
      const offers = fromFile(values.offers, readProposalList);
      const maxDistance = number('max-distance', values['max-distance']);
      const limit = number('limit', values.limit);
      if (values.now !== undefined && Number.isNaN(Date.parse(values.now))) {
        throw new UsageError('--now expects an ISO 8601 date');
      }
      out(
        match(needs, offers, {
          distance: greatCircleKm,
          ...(maxDistance !== undefined ? { maxDistance } : {}),
          ...(limit !== undefined ? { limit: Math.floor(limit) } : {}),
          ...(values.now !== undefined ? { now: values.now } : {}),
        }),
      );
      return 0;
    }
    case 'accept': {
      const { offers: file, proposal: id, counterparty, agreement: agreementId } = values;
      if (file === undefined || id === undefined || counterparty === undefined || agreementId === undefined) {
        throw new UsageError(
          'accept needs --offers FILE, --proposal ID, --counterparty AGENT and --agreement ID',
        );
      }
      if ((values.quantity === undefined) !== (values.unit === undefined)) {
        throw new UsageError('--quantity and --unit go together');
      }
      for (const key of ['created', 'due'] as const) {
        const v = values[key];
        if (v !== undefined && Number.isNaN(Date.parse(v)))
          throw new UsageError(`--${key} expects an ISO 8601 date`);
      }
      const proposals = fromFile(file, readProposalList);
      const proposal = proposals.find((p) => p.id === id);
      if (proposal === undefined) throw new UsageError(`no proposal ${id} in ${file}`);
      const amount = number('quantity', values.quantity);
      const accepted = acceptProposal(proposal, {
        agreementId,
        counterparty,
        ...(amount !== undefined ? { quantity: { hasNumericalValue: amount, hasUnit: values.unit! } } : {}),
        ...(values.created !== undefined ? { created: values.created } : {}),
        ...(values.due !== undefined ? { due: values.due } : {}),
      });
      out({
        agreement: accepted.agreement,
        commitments: accepted.commitments,
        proposals: proposals.map((p) => (p === proposal ? accepted.proposal : p)),
      });
      return 0;
    }
    case undefined:
      throw new UsageError('missing command (schema, ledger, match or accept); see --help');
    default:
      throw new UsageError(`unknown command ${command}; see --help`);
  }
}

// Output piped into a reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`imago-vf: ${(error as Error).message.split('\n')[0]}\n`);
    process.exitCode = 2;
  } else if (error instanceof InputError) {
    process.stderr.write(`imago-vf: ${error.message.split('\n')[0]}\n`);
    process.exitCode = 1;
  } else if (ValueflowsError.isInstance(error)) {
    process.stderr.write(`imago-vf: ${error.message.split('\n')[0]} (${error.code})\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
