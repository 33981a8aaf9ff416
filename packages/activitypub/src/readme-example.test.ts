/**
 * The README's first TypeScript example runs as written (imports pointed at this package's
 * sources) and prints what the README says.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runReadmeExample } from '../../../test-support/readme-example';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

describe('README example', () => {
  it('writes the offer as a FEP-0837 Proposal and reads an Offer(Agreement)', async () => {
    expect(await runReadmeExample(packageDir, 'activitypub')).toEqual([
      'Proposal offer <p>Offer: Cargo bike to lend</p><p>Offered: transferCustody 1 one</p>',
      'https://bridge.example/actors/repair_cafe/offers/1#primary',
    ]);
  });
});
