import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestViolations } from './manifest-policy.ts';

/** `npm run package` for real: both browser builds and the source archive, checked as a store reviewer would. */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const PAGES = ['devtools.html', 'panel.html', 'popup.html'];
const ICONS = [16, 32, 48, 128].map((size) => `icons/icon-${size}.png`);

let outDir: string;
const archives = new Map<string, JSZip>();

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'faultline-package-test-'));
  await promisify(execFile)('npm', ['run', 'package', '--', '--out-dir', outDir], { cwd: ROOT });
  for (const name of await readdir(outDir)) archives.set(name, await JSZip.loadAsync(await readFile(join(outDir, name))));
}, 180_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

function archive(kind: string): JSZip {
  const found = archives.get(`faultline-${kind}-${version}.zip`);
  if (found === undefined) throw new Error(`no ${kind} archive among ${[...archives.keys()].join(', ')}`);
  return found;
}

const paths = (zip: JSZip): string[] => Object.keys(zip.files);

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (file === null) throw new Error(`${path} is missing`);
  return file.async('string');
}

it('writes the two store packages and the source archive, named with the package version', () => {
  expect([...archives.keys()].sort()).toEqual([`faultline-chrome-${version}.zip`, `faultline-firefox-${version}.zip`, `faultline-source-${version}.zip`]);
});

describe.each(['chrome', 'firefox'])('the %s package', (target) => {
  it('has its manifest at the root, at the package version, asking for no host access, content scripts or debugger', async () => {
    const manifest = JSON.parse(await text(archive(target), 'manifest.json')) as Record<string, unknown>;
    expect(manifest['version']).toBe(version);
    expect(manifestViolations(manifest)).toEqual([]);
  });

  it('holds the pages, every script and style they load, and the four icons', async () => {
    const zip = archive(target);
    expect(paths(zip)).toEqual(expect.arrayContaining([...PAGES, ...ICONS]));
    for (const page of PAGES) {
      const html = await text(zip, page);
      const loaded = [...html.matchAll(/(?:src|href)="\/?([^"]+)"/g)].map((match) => match[1]);
      expect(loaded.length, page).toBeGreaterThan(0);
      for (const file of loaded) expect(zip.file(file ?? ''), `${page} loads ${file}`).not.toBeNull();
    }
  });

  it('has each icon as a PNG of its own size', async () => {
    for (const size of [16, 32, 48, 128]) {
      const png = Buffer.from(await archive(target).file(`icons/icon-${size}.png`)?.async('uint8array') ?? []);
      expect(png.subarray(1, 4).toString('latin1'), `icon-${size}`).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], `icon-${size}`).toEqual([size, size]);
    }
  });

  it('ships no source maps, node_modules or sources', () => {
    expect(paths(archive(target)).filter((path) => /\.map$|node_modules|\.tsx?$/.test(path))).toEqual([]);
  });
});

it('gives Firefox its gecko id and Chrome no Firefox-only keys', async () => {
  const firefox = JSON.parse(await text(archive('firefox'), 'manifest.json')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const chrome = JSON.parse(await text(archive('chrome'), 'manifest.json')) as Record<string, unknown>;
  expect(firefox.browser_specific_settings?.gecko?.id).toMatch(/^\S+@\S+$/);
  expect(chrome).not.toHaveProperty('browser_specific_settings');
});

it('puts the tracked source in the source archive, without installs or build outputs', () => {
  const files = paths(archive('source'));
  expect(files).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'manifest.json', 'vite.config.ts', 'README.md', 'src/core/analyze.ts', 'extension/panel.ts']));
  expect(files.filter((path) => /^(node_modules|dist|artifacts)\//.test(path))).toEqual([]);
});
