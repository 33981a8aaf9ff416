/**
 * The README's first TypeScript example runs as written (imports pointed at this package's
 * sources) and prints what the README says.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runReadmeExample as runExample } from '../../../test-support/readme-example';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const runReadmeExample = () => runExample(packageDir, 'helios-c');

describe('README example', () => {
  it('runs an election of three voters through encryption, tally and decryption', async () => {
    // Two voters chose Ana (answer 0), one Bo; the trustee's decryption proofs hold.
    expect(await runReadmeExample()).toEqual(['proofs ok', '[[2,1]]']);
  });
});
