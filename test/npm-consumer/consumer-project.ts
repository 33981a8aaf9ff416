/**
 * An empty project outside the workspace with the packages installed from the tarballs `pnpm pack`
 * makes of them, as a stranger gets them from npm: only what the tarballs hold, their declared
 * dependencies from the pnpm store (offline), nothing of the monorepo.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder (with a trailing `/`). */
export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A published package of the workspace, as its `package.json` describes it. */
export interface WorkspacePackage {
  /** Folder under `packages/`. */
  readonly folder: string;
  readonly manifest: PackageManifest;
}

/** The fields of `package.json` these tests read. */
export interface PackageManifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly license?: string;
  readonly engines?: { readonly node?: string };
  readonly repository?: { readonly type?: string; readonly url?: string; readonly directory?: string };
  readonly homepage?: string;
  readonly bugs?: { readonly url?: string } | string;
  readonly keywords?: readonly string[];
  readonly bin?: Readonly<Record<string, string>>;
  readonly exports?: Readonly<Record<string, unknown>>;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
}

/** Reads a `package.json`. */
export function readManifest(file: string): PackageManifest {
  return JSON.parse(readFileSync(file, 'utf8')) as PackageManifest;
}

/** Every package of `packages/` that is published. */
export function publishedPackages(): WorkspacePackage[] {
  return readdirSync(`${repositoryRoot}packages`)
    .sort()
    .map((folder) => ({ folder, manifest: readManifest(`${repositoryRoot}packages/${folder}/package.json`) }))
    .filter(({ manifest }) => manifest.private !== true);
}

/** The names of the private packages of `packages/` (compiled into the published ones, never published). */
export function privatePackageNames(): string[] {
  return readdirSync(`${repositoryRoot}packages`)
    .map((folder) => readManifest(`${repositoryRoot}packages/${folder}/package.json`))
    .filter((manifest) => manifest.private === true)
    .map((manifest) => manifest.name);
}

/** The version of a dependency installed in the workspace (so that the store has it offline). */
function workspaceVersion(name: string): string {
  return readManifest(`${repositoryRoot}node_modules/${name}/package.json`).version;
}

/**
 * Packs every published package (they must be built) and installs the tarballs, with TypeScript
 * and Node's types, into a new project under the system's temporary folder.
 *
 * @param names - only these packages (and no package of the workspace that depends on another)
 * @returns the project's folder (with a trailing `/`).
 */
export function createConsumerProject(names?: readonly string[]): string {
  const base = mkdtempSync(join(tmpdir(), 'imago-npm-consumer-'));
  const tarballs = join(base, 'tarballs');
  const project = join(base, 'project');
  mkdirSync(project);
  const packages = publishedPackages().filter(({ manifest }) => names?.includes(manifest.name) ?? true);
  const tarball: Record<string, string> = {};
  for (const { folder, manifest } of packages) {
    execFileSync('pnpm', ['pack', '--pack-destination', tarballs], {
      cwd: `${repositoryRoot}packages/${folder}`,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const file = `${manifest.name.slice(1).replace('/', '-')}-${manifest.version}.tgz`;
    tarball[manifest.name] = `file:${join(tarballs, file)}`;
  }
  const dependencies = {
    ...tarball,
    typescript: workspaceVersion('typescript'),
    '@types/node': workspaceVersion('@types/node'),
  };
  writeFileSync(
    join(project, 'package.json'),
    `${JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies }, null, 2)}\n`,
  );
  // The packages depend on each other by version: resolve those to the tarballs too.
  const overrides = Object.entries(tarball).map(([name, spec]) => `  "${name}": "${spec}"\n`);
  writeFileSync(join(project, 'pnpm-workspace.yaml'), `overrides:\n${overrides.join('')}`);
  execFileSync('pnpm', ['install', '--offline', '--config.confirm-modules-purge=false'], {
    cwd: project,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return `${project}/`;
}
