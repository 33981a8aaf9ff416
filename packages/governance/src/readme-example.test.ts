/**
 * The README's first TypeScript example runs as written (imports pointed at this package's
 * sources) and prints what the README says.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runReadmeExample as runExample } from '../../../test-support/readme-example';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const runReadmeExample = () => runExample(packageDir, 'governance');

describe('README example', () => {
  it('replays a motion voted yes by two of three members to an adopted outcome', async () => {
    expect(await runReadmeExample()).toEqual(['0 adopted approved']);
  });
});
