import { describe, expect, it } from 'vitest';
import { htmlPage } from './html-page.ts';
import { bodyView } from './test-view.ts';

const html = (body: string, options: { status?: number; mime?: string; headers?: Record<string, string> } = {}) =>
  htmlPage.match(bodyView(body, { status: 502, mime: 'text/html', ...options }));

describe('HTML error pages', () => {
  it('reads the OpenResty page like nginx', () => {
    const page = '<html><head><title>504 Gateway Time-out</title></head><body><center><h1>504 Gateway Time-out</h1></center><hr><center>openresty</center></body></html>';
    expect(html(page)).toMatchObject({ strength: 3, fields: { message: '504 Gateway Time-out' } });
  });

  it('reads a Cloudflare rate-limit block page with its code and Ray ID', () => {
    const page =
      '<html><head><title>Access denied | x.test used Cloudflare to restrict access</title></head><body><div id="cf-error-details"><h1><span class="cf-error-type">Error</span> <span class="cf-error-code">1015</span></h1><h2 class="cf-subheadline">You are being rate limited</h2><span>Cloudflare Ray ID: <strong>8a1b2c3d4e5f6074</strong></span></div></body></html>';
    expect(html(page, { status: 429 })?.fields).toMatchObject({ code: '1015', message: 'You are being rate limited', requestId: '8a1b2c3d4e5f6074', throttled: true });
  });

  it('keeps only the first line of an Express development stack trace', () => {
    const page = '<!DOCTYPE html><html><head><title>Error</title></head><body><pre>TypeError: boom<br> &nbsp; &nbsp;at handler (/app/index.js:9:11)</pre></body></html>';
    expect(html(page, { status: 500 })?.fields.message).toBe('TypeError: boom');
  });

  it('falls back to the title and heading of any page, as text only', () => {
    const page = '<html><head><title>Service &amp; Co — down</title><script>alert("x")</script></head><body><h1><img src=x onerror="alert(1)">Maintenance</h1></body></html>';
    expect(html(page, { status: 503 })?.fields).toEqual({ title: 'Service & Co — down', message: 'Maintenance' });
  });

  it('recognizes HTML served without an HTML media type, more weakly', () => {
    expect(html('<!doctype html><title>Oops</title>', { mime: 'application/octet-stream' })?.strength).toBe(1);
  });

  it('returns null for pages with nothing to read, JSON bodies and hostile markup', () => {
    expect(html('<html><body><div>no title</div></body></html>')).toBeNull();
    expect(html('{"message":"x"}')).toBeNull();
    const started = performance.now();
    expect(html('<'.repeat(1024 * 1024))).toBeNull();
    expect(html(`<title>${'<h1>'.repeat(100_000)}`)).toBeNull();
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
