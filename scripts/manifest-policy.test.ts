import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { manifestViolations } from './manifest-policy.ts';

const manifest = JSON.parse(await readFile(new URL('../manifest.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('manifest policy', () => {
  it('passes manifest.json: no host access, no content scripts, no debugger', () => {
    expect(manifestViolations(manifest)).toEqual([]);
  });

  it.each([
    ['host_permissions', { host_permissions: ['<all_urls>'] }],
    ['optional_host_permissions', { optional_host_permissions: ['https://*/*'] }],
    ['a host pattern among the permissions', { permissions: ['*://*/*'] }],
    ['<all_urls> among the optional permissions', { optional_permissions: ['<all_urls>'] }],
    ['the debugger', { permissions: ['debugger'] }],
    ['the debugger, optionally', { optional_permissions: ['debugger'] }],
    ['content scripts', { content_scripts: [{ matches: ['<all_urls>'], js: ['content.js'] }] }],
  ])('fails a manifest that asks for %s', (_, extra) => {
    expect(manifestViolations({ ...manifest, ...extra })).toHaveLength(1);
  });

  it('fails what is not a manifest at all', () => {
    expect(manifestViolations([manifest])).not.toEqual([]);
  });
});
