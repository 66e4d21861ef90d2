/**
 * HTML error pages from proxies, CDNs and frameworks: nginx/OpenResty
 * (`<center>nginx</center>`), Cloudflare (`cf-error-details`, "Error code 522", Ray ID), Express
 * (`<pre>Cannot GET /x</pre>`) and any page with a `<title>` or `<h1>`. Only text is kept: tags are
 * dropped and entities decoded, never markup.
 */
import * as z from 'zod/mini';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { elementInner, elementText, findElement, markupText } from './markup.ts';

const HTML_MIMES = new Set(['text/html', 'application/xhtml+xml']);

/** What the page says, as read from its elements. */
const Page = z.object({ title: z.nullable(z.string()), heading: z.nullable(z.string()) });
type Page = z.infer<typeof Page>;

function looksLikeHtml(view: BodyView): boolean {
  if (view.json !== undefined) return false;
  if (HTML_MIMES.has(view.mime)) return true;
  return /^\s*(?:<!doctype html|<html[\s>])/i.test(view.text.slice(0, 1024));
}

/** Cloudflare's page title `example.com | 522: Connection timed out`. */
const CLOUDFLARE_TITLE = /\|\s*(\d{3,4}):\s*(.+)$/;
/** "Error code 522" (5xx pages) or "Error 1020" (1xxx block pages) in the heading. */
const CLOUDFLARE_CODE = /\bError(?: code)?\s+(\d{3,4})\b/;
/** The Ray ID in the page footer: `Cloudflare Ray ID: <strong …>7d2a1b3c4e5f6789</strong>`. */
const RAY_ID = /Ray ID:(?:\s|<[^<>]{0,200}>)*([0-9a-f]{8,32})/i;

function cloudflare(view: BodyView, page: Page): FamilyMatch | null {
  const html = view.text;
  if (!html.includes('cf-error-details') && !html.includes('cf-error-code')) return null;
  const fromTitle = page.title === null ? null : CLOUDFLARE_TITLE.exec(page.title);
  const code = fromTitle?.[1] ?? (page.heading === null ? null : CLOUDFLARE_CODE.exec(page.heading)?.[1]) ?? null;
  // 5xx pages explain in the title; 1xxx block pages in the `cf-subheadline` heading ("You are being rate limited").
  const message = fromTitle?.[2]?.trim() ?? elementText(html, 'h2') ?? page.title?.split('|')[0]?.trim() ?? null;
  return {
    family: 'html-page',
    strength: 3,
    fields: {
      code,
      message: message === '' ? null : message,
      requestId: view.headers.get('cf-ray') ?? RAY_ID.exec(html)?.[1] ?? null,
      throttled: code === '1015',
    },
  };
}

function nginx(view: BodyView, page: Page): FamilyMatch | null {
  if (!/<center>\s*(?:nginx|openresty)\b[^<]{0,64}<\/center>/i.test(view.text)) return null;
  return { family: 'html-page', strength: 3, fields: { message: page.heading ?? page.title } };
}

/** Express's finalhandler: `<title>Error</title>` and the message (or a dev-mode stack) in one `<pre>`. */
function express(view: BodyView, page: Page): FamilyMatch | null {
  if (page.title !== 'Error') return null;
  const pre = elementInner(view.text, 'pre');
  const firstLine = pre === null ? '' : (markupText(pre, true).split('\n')[0] ?? '');
  return firstLine === '' ? null : { family: 'html-page', strength: 3, fields: { message: firstLine } };
}

function generic(view: BodyView, page: Page): FamilyMatch | null {
  const message = page.heading ?? page.title;
  if (message === null) return null;
  return {
    family: 'html-page',
    strength: HTML_MIMES.has(view.mime) ? 2 : 1,
    fields: { title: page.title !== null && page.title !== message ? page.title : null, message },
  };
}

function match(view: BodyView): FamilyMatch | null {
  if (!looksLikeHtml(view)) return null;
  const head = findElement(view.text, 'title');
  const page = Page.parse({
    title: head === null ? null : markupText(head.inner) || null,
    heading: elementText(view.text, 'h1'),
  });
  return cloudflare(view, page) ?? nginx(view, page) ?? express(view, page) ?? generic(view, page);
}

export const htmlPage = { id: 'html-page', order: 5, match } as const satisfies Family;
