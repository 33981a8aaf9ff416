/**
 * Progress bars on standard error for long operations, shown only when it is a terminal.
 *
 * @module
 */
import { SingleBar } from 'cli-progress';

/**
 * A progress callback drawing a bar on a terminal (a no-op otherwise).
 * @param label - what is being done
 * @returns `(done, total)` callback and a `stop` function
 */
export function progressBar(label: string): {
  update: (done: number, total: number) => void;
  stop: () => void;
} {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  let bar: SingleBar | undefined;
  return {
    update: (done, total) => {
      if (!bar) {
        bar = new SingleBar({
          format: `${label} [{bar}] {value}/{total} {eta_formatted}`,
          stream: process.stderr,
          clearOnComplete: true,
        });
        bar.start(total, 0);
      }
      bar.update(done);
    },
    stop: () => bar?.stop(),
  };
}
