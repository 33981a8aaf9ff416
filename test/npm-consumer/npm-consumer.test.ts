/**
 * The packages as a stranger meets them on npm: each package packed, the tarballs installed into
 * an empty project outside the workspace, then every TypeScript and JavaScript block of every
 * README run there (Node's type stripping), the READMEs' links and facts checked against the
 * manifests, and strict TypeScript consumers with `nodenext` and `bundler` resolution.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryPointsModule, typesModule } from './consumer-modules';
import {
  createConsumerProject,
  privatePackageNames,
  publishedPackages,
  readManifest,
  repositoryRoot,
} from './consumer-project';
import { codeBlocks, linkTargets, prose } from './markdown';

const packages = publishedPackages();
const privateNames = privatePackageNames();
const runnable: Readonly<Record<string, string>> = {
  ts: 'ts',
  typescript: 'ts',
  js: 'mjs',
  javascript: 'mjs',
};
let project = '';

beforeAll(() => {
  project = createConsumerProject();
});

afterAll(() => {
  if (project !== '') rmSync(dirname(project), { recursive: true, force: true });
});

/** The README as the tarball holds it. */
const readme = (name: string) => readFileSync(`${project}node_modules/${name}/README.md`, 'utf8');
/** The installed manifest (what `pnpm pack` published). */
const installed = (name: string) => readManifest(`${project}node_modules/${name}/package.json`);

/** Runs a file of the project with Node, as `node file` would. */
function node(file: string, args: readonly string[] = []) {
  return spawnSync(process.execPath, [file, ...args], {
    cwd: project,
    encoding: 'utf8',
    timeout: 110_000,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
}

/** The project's files for one README code block. */
function blockFile(folder: string, line: number, extension: string): string {
  return `readme/${folder}-line-${line}.${extension}`;
}

describe.each(packages)('$manifest.name as published', ({ folder, manifest }) => {
  const name = manifest.name;

  it('has the metadata npm shows: licence, engines, repository, homepage, bugs, keywords', () => {
    const published = installed(name);
    expect(published.license).toMatch(/^AGPL-3\.0-only/);
    expect(published.engines?.node).toMatch(/^>=\d+\.\d+\.\d+$/);
    expect(published.repository?.url).toMatch(/^git\+https:\/\//);
    expect(published.repository?.directory).toBe(`packages/${folder}`);
    expect(published.homepage).toMatch(/^https:\/\//);
    expect(typeof published.bugs === 'object' ? published.bugs.url : published.bugs).toMatch(/^https:\/\//);
    expect(published.keywords?.length).toBeGreaterThan(0);
  });

  it('README: every fence names its language, and the blocks close', () => {
    const text = readme(name);
    expect((text.match(/^```/gm) ?? []).length % 2).toBe(0);
    const unnamed = codeBlocks(text).filter((block) => block.language === '');
    expect(unnamed.map((block) => `line ${block.line}`)).toEqual([]);
  });

  it('README: an install command, the licence, the Node engines and where the full docs are', () => {
    const published = installed(name);
    const text =
      prose(readme(name)) +
      codeBlocks(readme(name))
        .map((block) => block.code)
        .join('');
    expect(text).toContain(`npm install ${name}`);
    expect(text).toContain(published.license?.split(' ')[0]);
    expect(text).toContain(`Node ${published.engines?.node?.replace('>=', '≥ ')}`);
    const repository = repositoryUrl(published);
    expect(linkTargets(readme(name)).some((target) => target.startsWith(`${repository}/`))).toBe(true);
  });

  it('README: links are absolute, or point into the tarball; repository links name files that exist', () => {
    const text = readme(name);
    const repository = repositoryUrl(installed(name));
    const broken: string[] = [];
    for (const target of linkTargets(text)) {
      if (target.startsWith('#') || target.startsWith('mailto:')) continue;
      if (target.startsWith(`${repository}/`)) {
        const path = /^\/(?:blob|tree)\/main\/([^#?]+)/.exec(target.slice(repository.length))?.[1];
        if (path === undefined || !existsSync(`${repositoryRoot}${path}`)) broken.push(target);
      } else if (!/^https?:\/\//.test(target) && !existsSync(`${project}node_modules/${name}/${target}`)) {
        broken.push(target);
      }
    }
    expect(broken).toEqual([]);
  });

  it('README: names no file of the monorepo as if it were at hand', () => {
    // Outside links and code: paths such as `scripts/synapse.sh` or `test/vectors/` are not in the
    // tarball; the README links to them in the repository instead.
    const text = prose(readme(name)).replace(/\[[^\]]*\]\([^)]*\)/g, '');
    const paths =
      text.match(
        /(?<![\w/.-])(?:\.\.\/|(?:scripts|bench|test|vocab|src|docs|examples)\/)[\w./-]*|vitest\.config\.ts/g,
      ) ?? [];
    expect(paths).toEqual([]);
  });

  it('depends on no private package of the workspace, and no file it loads names one', () => {
    const published = installed(name);
    const declared = [
      published.dependencies,
      published.devDependencies,
      published.peerDependencies,
      published.optionalDependencies,
    ].flatMap((list) => Object.keys(list ?? {}));
    expect(privateNames.length).toBeGreaterThan(0);
    expect(declared.filter((dependency) => privateNames.includes(dependency))).toEqual([]);
    // The kit is compiled into the bundles and its declarations inlined (source maps aside: they
    // quote the sources, import lines included, and nothing loads them).
    const root = `${project}node_modules/${name}/`;
    const loaded = (readdirSync(root, { recursive: true }) as string[]).filter((file) =>
      /(?:\.js|\.d\.ts|package\.json)$/.test(file),
    );
    expect(loaded.length).toBeGreaterThan(1);
    const naming = loaded.filter((file) => {
      const text = readFileSync(`${root}${file}`, 'utf8');
      return privateNames.some((privateName) => text.includes(privateName));
    });
    expect(naming).toEqual([]);
  });

  if (name === '@imago/helios-c')
    it('installs only what the library needs (the CLI bundles its own)', () => {
      expect(Object.keys(installed(name).dependencies ?? {}).sort()).toEqual([
        '@noble/ciphers',
        '@noble/curves',
        '@noble/hashes',
      ]);
    });

  if (manifest.bin !== undefined)
    it('its commands answer --help and --version (exit 0)', () => {
      const published = installed(name);
      for (const [command, path] of Object.entries(published.bin ?? {})) {
        const help = node(`node_modules/${name}/${path}`, ['--help']);
        expect(help.status).toBe(0);
        expect(help.stdout).toContain(command);
        const version = node(`node_modules/${name}/${path}`, ['--version']);
        expect(version.status).toBe(0);
        expect(version.stdout).toContain(
          command === 'helios-c' ? 'helios-c' : `${command} ${published.version}`,
        );
      }
    });

  const blocks = () => codeBlocks(readme(name)).filter((block) => runnable[block.language] !== undefined);

  it('README: every TypeScript and JavaScript block runs in the project', () => {
    const failures: string[] = [];
    for (const block of blocks()) {
      const file = blockFile(folder, block.line, runnable[block.language]!);
      mkdirSync(`${project}readme`, { recursive: true });
      writeFileSync(`${project}${file}`, block.code);
      const run = node(file);
      if (run.status !== 0) failures.push(`line ${block.line}: exit ${run.status}\n${run.stderr}`);
    }
    expect(failures).toEqual([]);
  });

  if (name === '@imago/matrix-binding')
    it('README: the examples print only what they log (matrix-js-sdk is quiet by default)', () => {
      for (const block of blocks()) {
        const run = node(blockFile(folder, block.line, runnable[block.language]!));
        const logged = block.code.split('\n').filter((line) => /^\s*console\.log\(/.test(line)).length;
        expect(run.status).toBe(0);
        expect(run.stdout.trimEnd().split('\n')).toHaveLength(logged);
      }
    });
});

/** The repository's web address, from the manifest's `repository`. */
function repositoryUrl(manifest: ReturnType<typeof installed>): string {
  return (manifest.repository?.url ?? '').replace(/^git\+/, '').replace(/\.git$/, '');
}

describe.each([
  { resolution: 'nodenext', module: 'nodenext' },
  { resolution: 'bundler', module: 'esnext' },
])('a strict TypeScript consumer ($resolution resolution)', ({ resolution, module }) => {
  it('type-checks every entry point, every README TypeScript block and the precision of public types', () => {
    const folder = `${project}tsc-${resolution}/`;
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      `${folder}entry-points.ts`,
      entryPointsModule(packages.map(({ manifest }) => installed(manifest.name))),
    );
    writeFileSync(`${folder}types.ts`, typesModule);
    const readmeBlocks: string[] = [];
    for (const { folder: packageFolder, manifest } of packages) {
      for (const block of codeBlocks(readme(manifest.name))) {
        if (runnable[block.language] !== 'ts') continue;
        const file = `${folder}${blockFile(packageFolder, block.line, 'ts')}`;
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, block.code);
        readmeBlocks.push(file);
      }
    }
    const compilerOptions = {
      target: 'es2022',
      module,
      moduleResolution: resolution,
      strict: true,
      noUncheckedIndexedAccess: true,
      noImplicitOverride: true,
      verbatimModuleSyntax: true,
      skipLibCheck: true,
      types: ['node'],
      noEmit: true,
    };
    writeFileSync(
      `${folder}tsconfig.json`,
      JSON.stringify({ compilerOptions, include: ['entry-points.ts', 'types.ts', 'readme/*.ts'] }, null, 2),
    );
    const tsc = spawnSync(process.execPath, [`${project}node_modules/typescript/bin/tsc`, '-p', folder], {
      cwd: folder,
      encoding: 'utf8',
      timeout: 110_000,
    });
    expect(readmeBlocks.length).toBeGreaterThan(0);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});

describe('a consumer with skipLibCheck: false', () => {
  it('finds no error in the declarations of the packages (matrix-js-sdk and livekit-client lack files)', () => {
    const folder = `${project}tsc-lib-check/`;
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      `${folder}entry-points.ts`,
      entryPointsModule(packages.map(({ manifest }) => installed(manifest.name))),
    );
    const compilerOptions = {
      target: 'es2022',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      module: 'nodenext',
      moduleResolution: 'nodenext',
      strict: true,
      skipLibCheck: false,
      types: ['node'],
      noEmit: true,
    };
    writeFileSync(
      `${folder}tsconfig.json`,
      JSON.stringify({ compilerOptions, include: ['entry-points.ts'] }),
    );
    const tsc = spawnSync(process.execPath, [`${project}node_modules/typescript/bin/tsc`, '-p', folder], {
      cwd: folder,
      encoding: 'utf8',
      timeout: 110_000,
    });
    const errors = tsc.stdout.split('\n').filter((line) => / error TS\d+/.test(line));
    const ours = errors.filter((line) => line.includes('/@imago/') || line.startsWith('entry-points'));
    expect(ours).toEqual([]);
    // The others come from the declarations of two dependencies (documented in CONTRIBUTING.md).
    const packageOf = (line: string) =>
      [...line.split('(')[0]!.matchAll(/\/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)].at(-1)?.[1] ?? line;
    const theirs = new Set(errors.map(packageOf));
    expect([...theirs].filter((name) => name !== 'matrix-js-sdk' && name !== 'livekit-client')).toEqual([]);
  });
});
