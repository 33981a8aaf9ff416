import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildActions } from '../../scripts/vf-data/build-actions.ts';
import { buildUnits } from '../../scripts/vf-data/build-units.ts';

const read = (p: string) => readFileSync(fileURLToPath(new URL(`../../${p}`, import.meta.url)), 'utf8');

describe('generated data files', () => {
  it('data/vf-actions.json is what scripts/generate-data.ts makes from vocab/all_vf.TTL', () => {
    expect(JSON.parse(read('data/vf-actions.json'))).toEqual(buildActions(read('vocab/all_vf.TTL')));
  });
  it('data/om2-units.json is what scripts/generate-data.ts makes from vocab/units-en-useful.csv', () => {
    expect(JSON.parse(read('data/om2-units.json'))).toEqual(buildUnits(read('vocab/units-en-useful.csv')));
  });
  it('the vendored vocabulary is the ValueFlows 1.0.0 reference file', () => {
    const doc = buildActions(read('vocab/all_vf.TTL'));
    expect(doc.vfVersion).toBe('1.0.0');
    expect(doc.license).toBe('CC-BY-SA-4.0');
    expect(Object.keys(doc.actions)).toHaveLength(19);
  });
});
