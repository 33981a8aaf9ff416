/**
 * The README's first TypeScript example runs as written (imports pointed at this package's
 * sources) and prints what the README says.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runReadmeExample as runExample } from '../../../test-support/readme-example';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const runReadmeExample = () => runExample(packageDir, 'valueflows');

describe('README example', () => {
  it('folds the events into resources and rejects consuming more than is on hand', async () => {
    expect(await runReadmeExample()).toEqual([
      'potatoes 15 group:garden',
      'kitchen-potatoes 5 group:kitchen',
      'rejected e3 VF_NEGATIVE_QUANTITY',
    ]);
  });
});
