/**
 * Regenerates `data/vf-actions.json` and `data/om2-units.json` from the vendored ValueFlows
 * files in `vocab/`. Run: `node --experimental-strip-types scripts/generate-data.ts`.
 *
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildActions } from './vf-data/build-actions.ts';
import { buildUnits } from './vf-data/build-units.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ttl = readFileSync(join(root, 'vocab/all_vf.TTL'), 'utf8');
const csv = readFileSync(join(root, 'vocab/units-en-useful.csv'), 'utf8');
writeFileSync(join(root, 'data/vf-actions.json'), `${JSON.stringify(buildActions(ttl), null, 2)}\n`);
writeFileSync(join(root, 'data/om2-units.json'), `${JSON.stringify(buildUnits(csv), null, 2)}\n`);
process.stderr.write('wrote data/vf-actions.json and data/om2-units.json\n');
