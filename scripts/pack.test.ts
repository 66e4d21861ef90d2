/**
 * The package as a user gets it: `npm pack`, then `npm install -g` of the tarball into a temporary
 * prefix (offline: it must need nothing from the registry) and `npm install` of it into a temporary
 * project, which imports the library, type-checks against its declarations and runs the README's
 * fetch example against a local server.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const exec = promisify(execFile);
const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
/** Chrome's own "Export HAR" of the demo API (e2e/hars/README.md says how it was made). */
const CHROME_HAR = join(ROOT, 'e2e/hars/chrome-devtools.har');
const OFFLINE = ['--offline', '--no-audit', '--no-fund', '--loglevel=error'];

let dir = '';
let tarball = '';
let files: string[] = [];
let installWarnings = '';
let server: Server;
let origin = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-pack-test-'));
  const { stdout } = await exec('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  const [pack] = JSON.parse(stdout.slice(stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  tarball = join(dir, pack?.filename ?? '');
  files = (pack?.files ?? []).map((file) => file.path).sort();
  installWarnings = (await exec('npm', ['install', '-g', '--prefix', join(dir, 'prefix'), tarball, ...OFFLINE])).stderr;
  // A 429 as RFC 9457 describes it, with the Retry-After the README example reads.
  server = createServer((_request, response) => {
    response.writeHead(429, { 'Content-Type': 'application/problem+json', 'Retry-After': '30' });
    response.end(JSON.stringify({ type: 'https://example.com/probs/rate-limited', title: 'Too Many Requests', status: 429, detail: 'Slow down: 100 requests per minute.', code: 'rate_limited' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 300_000);

afterAll(async () => {
  server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('ships the built CLI, the library and its declarations, and nothing else (no sources, tests or fixtures)', () => {
    expect(files).toEqual(['README.md', 'bin/faultline.js', 'dist/cli/faultline.mjs', 'dist/lib/index.d.ts', 'dist/lib/index.js', 'package.json']);
  });
});

describe('npm install -g of the tarball', () => {
  const faultline = (...args: string[]): Promise<{ stdout: string; stderr: string }> => exec(join(dir, 'prefix', 'bin', 'faultline'), args, { maxBuffer: 16 * 1024 * 1024 });

  it('installs nothing but faultline (no dependencies, no build step, no install script to approve)', async () => {
    expect(installWarnings).toBe('');
    const { stdout } = await exec('npm', ['ls', '-g', '--prefix', join(dir, 'prefix'), '--all', '--parseable']);
    expect(stdout.trim().split('\n').filter((line) => line.includes('node_modules')).map((line) => line.slice(line.lastIndexOf('node_modules') + 13))).toEqual(['faultline']);
  });

  it('gives a working `faultline`: --version, and decode of a HAR Chrome DevTools exported', async () => {
    expect((await faultline('--version')).stdout).toBe(`faultline ${version}\n`);
    const { stdout, stderr } = await faultline('decode', CHROME_HAR);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^TIME +METHOD +PATH +STATUS +FAMILY +CODE +MESSAGE +RETRY\n/);
    expect(stdout).toMatch(/\d+ errors? in \d+ requests\.\n$/);
  }, 30_000);
});

describe('the library, installed into another project', () => {
  let project = '';
  beforeAll(async () => {
    project = join(dir, 'project');
    await exec('mkdir', ['-p', project]);
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', type: 'module', private: true }));
    await exec('npm', ['install', tarball, ...OFFLINE], { cwd: project });
  }, 120_000);

  it('runs the README example: a fetch Response turned into a decoded error', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const example = /<!-- faultline:fetch-example[^>]*-->\n```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    await writeFile(join(project, 'example.mjs'), (example ?? '').replace('https://api.example.com', origin));
    const { stdout } = await exec(process.execPath, ['example.mjs'], { cwd: project });
    expect(stdout).toBe('Slow down: 100 requests per minute. (rate_limited); retry in 30000 ms\n');
  }, 30_000);

  it('declares FamilyId as the union of the family ids, without the registry the sources derive it from', async () => {
    const declarations = await readFile(join(project, 'node_modules', 'faultline', 'dist', 'lib', 'index.d.ts'), 'utf8');
    const union = /^export type FamilyId = ((?:"[a-z0-9-]+" \| )*"[a-z0-9-]+");$/m.exec(declarations)?.[1] ?? '';
    expect(union.split(' | ')).toEqual(expect.arrayContaining(['"problem-details"', '"aspnet-problem"', '"google-legacy"', '"generic-in-2xx"', '"status-only"']));
    expect(declarations).not.toMatch(/standardsAndPlatforms|RegisteredFamilyId/);
  });

  it('type-checks a TypeScript consumer against the declarations (strict, nodenext)', async () => {
    await writeFile(
      join(project, 'consumer.ts'),
      [
        "import { analyze, decode, lookup, type DecodedError, type Exchange } from 'faultline';",
        "const exchange: Exchange = { method: 'GET', url: 'https://api.example.test/', requestHeaders: [], status: 404, responseHeaders: [], body: { text: '{\"error\":\"not found\"}' }, mimeType: 'application/json', receivedAt: 0 };",
        'const error: DecodedError | null = decode(exchange);',
        'const retryable: boolean | undefined = analyze(exchange).error?.retry.retryable;',
        "const titles: string[] = lookup('429').map((entry) => entry.title);",
        'export { error, retryable, titles };',
      ].join('\n'),
    );
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    await exec(process.execPath, [tsc, '--strict', '--noEmit', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', 'false', 'consumer.ts'], { cwd: project });
  }, 60_000);
});
