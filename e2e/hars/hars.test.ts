/**
 * HARs exported by real tools from the demo API (recorded by e2e/hars/record.ts), read by the built
 * `faultline decode`: each must give the errors the Faultline panel showed for the same traffic.
 */
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../../src/core/fixtures/index.ts';
import { fixturePathPrefix } from '../demo/calls.ts';

const HERE = import.meta.dirname;
const BIN = join(HERE, '../../bin/faultline.js');
const exec = promisify(execFile);

interface Decoded {
  readonly url: string;
  readonly status: number;
  readonly format: string;
  readonly code: string | null;
}

beforeAll(() => {
  execFileSync(process.execPath, [join(HERE, '../../scripts/build-cli.mjs')]);
});

async function decode(har: string): Promise<Decoded[]> {
  const { stdout, stderr } = await exec(process.execPath, [BIN, 'decode', join(HERE, har), '--json'], { maxBuffer: 64 * 1024 * 1024 });
  expect(stderr).toBe('');
  return stdout.trim().split('\n').map((line) => JSON.parse(line) as Decoded);
}

/** status / family / code, the three things a panel row shows in its own cells, sorted to compare as multisets. */
const keys = (rows: readonly { status: string | number; format: string; code: string | null }[]): string[] => rows.map((row) => `${row.status} ${row.format} ${row.code ?? ''}`).sort();

const panelRows = (name: string): { status: string; format: string; code: string }[] => JSON.parse(readFileSync(join(HERE, name), 'utf8')) as { status: string; format: string; code: string }[];

describe('HARs exported by real tools decode to what the panel showed', () => {
  it('Chrome DevTools "Export HAR (with sensitive data)": Chrome\'s own shape, the panel\'s errors', async () => {
    const har = JSON.parse(readFileSync(join(HERE, 'chrome-devtools.har'), 'utf8')) as { log: { creator: { name: string }; entries: { _resourceType?: string; response: { _transferSize?: number } }[] } };
    expect(har.log.creator.name).toBe('WebInspector');
    expect(har.log.entries.every((entry) => entry._resourceType !== undefined && entry.response._transferSize !== undefined)).toBe(true);
    const panel = panelRows('chrome-devtools.panel.json');
    expect(panel.length).toBeGreaterThan(50);
    expect(keys(await decode('chrome-devtools.har'))).toEqual(keys(panel));
  });

  it("Firefox's network monitor auto-export: base64 bodies included, the panel's errors", async () => {
    const har = JSON.parse(readFileSync(join(HERE, 'firefox-auto-export.har'), 'utf8')) as { log: { creator: { name: string }; entries: { response: { content: { encoding?: string } } }[] } };
    expect(har.log.creator.name).toBe('Firefox');
    expect(har.log.entries.some((entry) => entry.response.content.encoding === 'base64')).toBe(true);
    const panel = panelRows('firefox-auto-export.panel.json');
    expect(panel.length).toBeGreaterThan(50);
    expect(keys(await decode('firefox-auto-export.har'))).toEqual(keys(panel));
  });

  it("Faultline's own Export HAR (with secrets): the panel's errors", async () => {
    expect(keys(await decode('faultline-export.har'))).toEqual(keys(panelRows('faultline-export.panel.json')));
  });

  it("Playwright's recordHar: bodies attached as files decode as the embedded ones, each as its fixture expects", async () => {
    const [embedded, attached] = await Promise.all([decode('playwright-embed.har'), decode('playwright-attach/playwright-attach.har')]);
    const withoutOrigin = (rows: readonly Decoded[]): string[] => rows.map((row) => `${new URL(row.url).pathname} ${row.status} ${row.format} ${row.code ?? ''}`);
    expect(withoutOrigin(attached)).toEqual(withoutOrigin(embedded));
    const byName = new Map(fixtures.map((fixture) => [fixture.name, fixture]));
    let checked = 0;
    for (const row of embedded) {
      const path = new URL(row.url).pathname;
      if (!path.startsWith(fixturePathPrefix)) continue;
      const expected = byName.get(decodeURIComponent(path.slice(fixturePathPrefix.length)))?.expect;
      if (expected === undefined || expected === null) continue;
      expect(row.format, path).toBe(expected.format);
      if (expected.code !== undefined) expect(row.code, path).toBe(expected.code);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });
});
