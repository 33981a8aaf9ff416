/**
 * The README's first TypeScript example runs as written (imports pointed at this package's
 * sources) and prints what the README says.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runReadmeExample as runExample } from '../../../../test-support/readme-example';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const runReadmeExample = () => runExample(packageDir, 'matrix-binding');

describe('README example', () => {
  it('creates a group on the live Synapse and replays an approved decision from its room', async () => {
    expect(await runReadmeExample()).toEqual(['adopted']);
  });
});
