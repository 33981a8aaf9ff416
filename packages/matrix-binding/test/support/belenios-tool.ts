// Runs belenios-tool (the Belenios 2.0 reference implementation) as the oracle; fails clearly if it is missing.
import { spawn } from 'node:child_process';

export function beleniosTool(args: readonly string[], input?: string, cwd?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('belenios-tool', args, { stdio: ['pipe', 'pipe', 'pipe'], ...(cwd ? { cwd } : {}) });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error('belenios-tool is required (apt-get install belenios-tool)')
          : error,
      ),
    );
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`belenios-tool ${args.join(' ')}: ${code}\n${err}`)),
    );
    child.stdin.on('error', () => undefined); // commands that read no input close it early
    child.stdin.end(input ?? '');
  });
}
