/**
 * The arithmetic under verification, alone: BELENIOS-2048 exponentiations as ballot verification
 * does them (a power chain per base raised to three 256-bit exponents: membership `x^q` and two
 * challenges; fixed-base powers of `g`), on native bigint (`(a·b) % p`) against WebAssembly
 * Montgomery multiplication. Each sample runs each arithmetic in its own process (the order
 * alternating from sample to sample) and records its CPU time; prints the ratio WebAssembly /
 * bigint per sample and its median, min and max.
 *
 * Run (in `packages/helios-c`): `pnpm bench:arithmetic`. `IMAGO_BENCH_SAMPLES` (default 5),
 * `IMAGO_BENCH_BASES` (bases per process, default 200).
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { FiniteFieldGroup } from '../src/groups/finite-field-group';
import { belenios2048 } from '../src/groups/parameters/belenios-2048';

const samples = Number(process.env.IMAGO_BENCH_SAMPLES ?? '5');
const bases = Number(process.env.IMAGO_BENCH_BASES ?? '200');
type Arithmetic = 'bigint' | 'auto';

function child(arithmetic: Arithmetic): void {
  const group = new FiniteFieldGroup(belenios2048, { arithmetic });
  const exponents = Array.from({ length: 3 * bases }, () => group.randomScalar());
  const elements = Array.from({ length: bases }, (_, i) => group.powG(BigInt(i) * 7919n + 3n));
  const start = process.cpuUsage();
  let check = 0n;
  for (let i = 0; i < bases; i++) {
    const x = elements[i] as bigint;
    check ^= group.pow(x, group.q);
    check ^= group.pow(x, exponents[3 * i] as bigint);
    check ^= group.pow(x, exponents[3 * i + 1] as bigint);
    check ^= group.powG(exponents[3 * i + 2] as bigint);
  }
  const used = process.cpuUsage(start);
  process.stdout.write(`${(used.user + used.system) / 1e6} ${check & 1n}\n`);
}

function main(): void {
  const script = fileURLToPath(import.meta.url);
  const run = (arithmetic: Arithmetic): number =>
    Number(execFileSync(process.execPath, [script, arithmetic], { encoding: 'utf8' }).split(' ')[0]);
  console.log(
    `BELENIOS-2048, ${bases} bases × (chain + 3 exponentiations + 1 fixed-base power) per process; load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}`,
  );
  console.log('| sample | bigint CPU (s) | WebAssembly CPU (s) | ratio |');
  console.log('|---|---|---|---|');
  const ratios: number[] = [];
  for (let s = 0; s < samples; s++) {
    const order: Arithmetic[] = s % 2 === 0 ? ['bigint', 'auto'] : ['auto', 'bigint'];
    const times: Partial<Record<Arithmetic, number>> = {};
    for (const arithmetic of order) times[arithmetic] = run(arithmetic);
    const ratio = (times.auto as number) / (times.bigint as number);
    ratios.push(ratio);
    console.log(
      `| ${s + 1} | ${times.bigint?.toFixed(2)} | ${times.auto?.toFixed(2)} | ${ratio.toFixed(2)} |`,
    );
  }
  ratios.sort((a, b) => a - b);
  const median = ratios[ratios.length >> 1] as number;
  console.log(
    `ratio WebAssembly / bigint: median ${median.toFixed(2)} (min ${ratios[0]?.toFixed(2)}, max ${ratios.at(-1)?.toFixed(2)}); load average after ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}`,
  );
}

const mode = process.argv[2];
if (mode === 'bigint' || mode === 'auto') child(mode);
else main();
