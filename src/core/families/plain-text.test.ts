import { describe, expect, it } from 'vitest';
import { plainText } from './plain-text.ts';
import { bodyView } from './test-view.ts';

const text = (body: string, mime = 'text/plain') => plainText.match(bodyView(body, { status: 502, mime }));

describe('plain-text errors', () => {
  it('reads the first line, cut to a sentence', () => {
    expect(text('404 page not found\n')?.fields.message).toBe('404 page not found');
    expect(text(`upstream error: ${'x'.repeat(600)}`)?.fields.message).toHaveLength(300);
  });

  it('catches a short sentence sent under a JSON media type', () => {
    expect(text('Too Many Requests', 'application/json')?.fields.message).toBe('Too Many Requests');
  });

  it('leaves markup, broken JSON, empty and long bodies alone', () => {
    expect(text('<html>')).toBeNull();
    expect(text('{"error":', 'application/json')).toBeNull();
    expect(text('   ')).toBeNull();
    expect(text('x'.repeat(5000))).toBeNull();
    expect(text('Bad Gateway', 'text/html')).toBeNull();
  });
});
