import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import JSZip from 'jszip';
import { manifestViolations } from './manifest-policy.ts';

/**
 * `npm run package [-- --out-dir DIR]`: the store uploads, versioned from package.json, in artifacts/:
 *   faultline-chrome-<version>.zip   the Chrome Web Store package (dist/chrome, manifest at the root)
 *   faultline-firefox-<version>.zip  the AMO package (dist/firefox)
 *   faultline-source-<version>.zip   the source AMO asks for with bundled code: every git-tracked file
 * Both browsers are built afresh into a temporary folder, so packaging never disturbs dist/ (which the
 * e2e tests and a loaded unpacked extension use). Archives are reproducible: sorted entries, fixed dates.
 */

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TARGETS = ['chrome', 'firefox'] as const;
/** Every entry's date (the ZIP epoch): the same sources give byte-identical archives. */
const ENTRY_DATE = new Date('1980-01-01T00:00:00Z');
/** Never shipped to a store: the build's source maps; never part of the source archive: installs and outputs. */
const isSourceMap = (path: string): boolean => path.endsWith('.map');
const NOT_SOURCE = ['node_modules/', 'dist/', 'artifacts/'];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** A deflated zip of `files` (paths relative to `base`, `/`-separated), in path order. */
async function zip(base: string, files: readonly string[]): Promise<Buffer> {
  const archive = new JSZip();
  for (const file of [...files].sort()) archive.file(file, await readFile(join(base, file)), { date: ENTRY_DATE, createFolders: false });
  return archive.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'UNIX' });
}

async function build(target: (typeof TARGETS)[number], outDir: string): Promise<void> {
  await run(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--mode', target, '--outDir', outDir, '--logLevel', 'warn'], {
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
}

/** Refuses a build whose manifest another version would not upload as is, or that asks for too much. */
async function checkManifest(target: string, dir: string, version: string): Promise<void> {
  const manifest: unknown = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  const problems = manifestViolations(manifest);
  const built = (manifest as { version?: unknown }).version;
  if (built !== version) problems.push(`its version is ${String(built)}, package.json says ${version}: update manifest.json`);
  if (problems.length > 0) throw new Error(`the ${target} build's manifest.json: ${problems.join('; ')}`);
}

async function trackedSources(): Promise<string[]> {
  const { stdout } = await run('git', ['ls-files', '-z'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  // A tracked file deleted in the working tree is not part of the source any more.
  return stdout.split('\0').filter((path) => path !== '' && !NOT_SOURCE.some((prefix) => path.startsWith(prefix)) && existsSync(join(ROOT, path)));
}

export async function packageExtension(outDir: string): Promise<string[]> {
  const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const staging = await mkdtemp(join(tmpdir(), 'faultline-package-'));
  try {
    await mkdir(outDir, { recursive: true });
    const written: string[] = [];
    for (const target of TARGETS) {
      const dir = join(staging, target);
      await build(target, dir);
      await checkManifest(target, dir, version);
      const path = join(outDir, `faultline-${target}-${version}.zip`);
      await writeFile(path, await zip(dir, (await filesUnder(dir)).filter((file) => !isSourceMap(file))));
      written.push(path);
    }
    const source = join(outDir, `faultline-source-${version}.zip`);
    await writeFile(source, await zip(ROOT, await trackedSources()));
    written.push(source);
    return written;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { values } = parseArgs({ options: { 'out-dir': { type: 'string', default: join(ROOT, 'artifacts') } } });
  try {
    for (const path of await packageExtension(resolve(values['out-dir']))) {
      const { size } = await stat(path);
      console.log(`${relative(process.cwd(), path)}  ${(size / 1024).toFixed(1)} KB`);
    }
  } catch (error) {
    console.error(`package: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
