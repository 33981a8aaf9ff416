#!/usr/bin/env node
/**
 * `helios-c`: a drop-in for `belenios-tool` 2.0 (same sub-commands, options, files and outputs)
 * for everything Helios-C covers.
 *
 * @module
 */
import { sha256Base64 } from '../encoding/sha256';
import { HeliosCError } from '../errors/helios-c-error';
import { serveBallotVerification } from '../node/parallel-ballot-verifier';
import { runArchive } from './commands/archive';
import { runElection, VerificationFailed } from './commands/election';
import { runSetup } from './commands/setup';
import { FileInputError } from './file-input-error';
import { readStdin } from './io';

const usage = `helios-c - Helios-C election tool, compatible with belenios-tool 2.0

Usage: helios-c COMMAND [SUBCOMMAND] [OPTION]…

Commands:
  setup generate-token [--length=L]
  setup generate-credentials --uuid=UUID --group=GROUP (--count=N | --file=FILE | --derive=CRED) [--dir=DIR]
  setup generate-trustee-key --group=GROUP
  setup generate-trustee-key-threshold --group=GROUP --step=N [--certs=F] [--key=F] [--polynomials=F] [--threshold=T]
  setup make-trustees [--dir=DIR]
  setup make-election --uuid=UUID --group=GROUP --template=FILE [--dir=DIR]
  archive init [--dir=DIR] [--election=F] [--trustees=F] [--public-creds=F]
  archive add-event --type=TYPE [--dir=DIR]          (payload lines on standard input)
  election generate-ballot --privcred=FILE --ballot=FILE [--dir=DIR]
  election verify [--dir=DIR]
  election verify-diff --dir1=DIR1 --dir2=DIR2
  election compute-encrypted-tally [--dir=DIR]
  election decrypt --privkey=FILE --trustee-id=N [--dir=DIR]
  election decrypt-threshold --key=FILE --decryption-key=FILE --trustee-id=N [--dir=DIR]
  election shuffle --trustee-id=N [--dir=DIR]
  election compute-result [--dir=DIR]
  sha256-b64                                         (reads standard input)

Groups: BELENIOS-2048, RFC-3526-2048, Ed25519.
Exit status: 0 on success, 124 on bad command lines, malformed input files or failed verification,
123 on other errors.
`;

async function main(argv: readonly string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  const wantsHelp = argv.includes('--help') || argv.some((a) => a.startsWith('--help='));
  if (command === undefined || wantsHelp) {
    process.stdout.write(usage);
    return command === undefined ? 124 : 0;
  }
  if (command === '--version') {
    process.stdout.write('helios-c (Belenios 2.0 protocol version 1)\n');
    return 0;
  }
  try {
    if (command === 'sha256-b64') {
      process.stdout.write(`${sha256Base64(new Uint8Array(readStdin()))}\n`);
      return 0;
    }
    if (sub === undefined) throw new HeliosCError('USAGE', `missing sub-command for ${command}`);
    if (command === 'setup') runSetup(sub, rest);
    else if (command === 'archive') runArchive(sub, rest);
    else if (command === 'election') await runElection(sub, rest);
    else throw new HeliosCError('USAGE', `unknown command ${command}`);
    return 0;
  } catch (error) {
    if (error instanceof VerificationFailed) {
      process.stderr.write(`helios-c: ${error.message}\n`);
      return 124;
    }
    if (HeliosCError.isInstance(error)) {
      process.stderr.write(`helios-c: ${error.message}\n`);
      // belenios-tool exits 124 for an input file it cannot parse (a template, trustees.json, a
      // voter list), as for a bad command line.
      return error.code === 'USAGE' || error instanceof FileInputError ? 124 : 123;
    }
    const system = systemError(error);
    if (system !== undefined) {
      process.stderr.write(`helios-c: ${system}\n`);
      return 123;
    }
    process.stderr.write(
      `helios-c: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 125;
  }
}

function systemError(error: unknown): string | undefined {
  // File system and other operating-system errors (ENOENT, EACCES…): a plain one-line reason.
  const e = error as { code?: unknown; message?: unknown };
  return typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code) ? String(e.message) : undefined;
}

if (!serveBallotVerification()) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
