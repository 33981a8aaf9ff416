/**
 * Preloaded (`node --import ./bench/report-usage.ts …`) into every program the loading benchmark
 * times: at exit, one last line on standard error with the process's peak resident set size and
 * CPU time, as the kernel counts them (getrusage).
 */
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  const report = { maxRssKiB: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 };
  writeSync(2, `\n@usage ${JSON.stringify(report)}\n`);
});
