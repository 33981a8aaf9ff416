/**
 * The README's first TypeScript example runs as written (imports pointed at this package's
 * sources) and prints what the README says.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runReadmeExample as runExample } from '../../../test-support/readme-example';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const runReadmeExample = () => runExample(packageDir, 'graph');

describe('README example', () => {
  it('prints the closest groups by distance and by relation', async () => {
    const lines = await runReadmeExample();
    expect(lines).toEqual(['geo louvre 2.4, lyon 391.2', 'relation lyon 1.0']);
  });
});
