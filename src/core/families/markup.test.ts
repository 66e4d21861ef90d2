import { describe, expect, it } from 'vitest';
import { decodeEntities, elementText, markupText, rootElementName } from './markup.ts';

describe('markup reading', () => {
  it('decodes named and numeric entities but leaves unknown or invalid ones as text', () => {
    expect(decodeEntities('a &lt;b&gt; &amp; &#39;c&#x27; &bogus; &#xD800;')).toBe("a <b> & 'c' &bogus; &#xD800;");
  });

  it('reads element text without keeping markup', () => {
    expect(elementText('<h1 class="x"><span>Bad</span> <b>Gateway</b></h1>', 'h1')).toBe('Bad Gateway');
    expect(markupText('<script>x</script>&lt;img src=x onerror=alert(1)&gt;')).toBe('x <img src=x onerror=alert(1)>');
  });

  it('returns null for an element that is never closed', () => {
    expect(elementText('<title>502 Bad Gateway', 'title')).toBeNull();
  });

  it('respects case for XML names when asked', () => {
    expect(elementText('<code>x</code><Code>y</Code>', 'Code', { caseSensitive: true })).toBe('y');
  });

  it('finds the root element after an XML declaration and comments', () => {
    expect(rootElementName('<?xml version="1.0"?>\n<!-- hi -->\n<ErrorResponse xmlns="x">')).toBe('ErrorResponse');
    expect(rootElementName('not xml')).toBeNull();
  });

  it('stays linear on hostile markup: 1 MB of "<" and thousands of unclosed tags', () => {
    const started = performance.now();
    expect(elementText('<'.repeat(1024 * 1024), 'title')).toBeNull();
    expect(elementText('<title '.repeat(150_000), 'title')).toBeNull();
    expect(markupText('<'.repeat(1024 * 1024)).length).toBe(1024 * 1024);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
