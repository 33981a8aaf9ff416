/**
 * The modules the TypeScript consumers compile: one importing every entry point of the packages,
 * and one checking that public types a consumer relies on are precise (never `any`).
 */
import type { PackageManifest } from './consumer-project';

/**
 * A module importing every entry point of every package (JSON data files aside).
 *
 * @param manifests - the installed manifests (what `pnpm pack` published).
 */
export function entryPointsModule(manifests: readonly PackageManifest[]): string {
  const lines: string[] = [];
  let index = 0;
  for (const manifest of manifests) {
    for (const subpath of Object.keys(manifest.exports ?? {})) {
      if (subpath.endsWith('.json')) continue;
      lines.push(`import * as m${index++} from '${manifest.name}${subpath.slice(1)}';`);
    }
  }
  const all = Array.from({ length: index }, (_, i) => `m${i}`).join(', ');
  return `${lines.join('\n')}\nexport const entryPoints: readonly object[] = [${all}];\n`;
}

/** Public types a consumer should get precisely (an `any` here would silence their type errors). */
export const typesModule = `import { createGeoIndex, readSerializedGraph } from '@imago/graph';
import { generateTrusteeKey, groupByName } from '@imago/helios-c';

type IsAny<T> = 0 extends 1 & T ? true : false;
const notAny = <T>(_value: T, _check: IsAny<T> extends true ? never : true) => undefined;

const group = groupByName('BELENIOS-2048');
notAny(group, true);
notAny(generateTrusteeKey(group).publicKey.publicKey, true);
notAny(groupByName('Ed25519').g, true);
const index = createGeoIndex(readSerializedGraph({ nodes: [], edges: [] }));
notAny(index.graph.getNodeAttributes('some-group'), true);
`;
