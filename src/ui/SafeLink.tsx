import type { ComponentChildren } from 'preact';
import { docsLink } from '../core/redact.ts';

interface SafeLinkProps {
  readonly href: string | null;
  readonly children: ComponentChildren;
  readonly testId?: string;
}

/**
 * A link that opens in a new tab, rendered only for http(s) URLs (never javascript:, data:…), with
 * its real host (userinfo dropped, so `https://docs.vendor.com@evil.example/` cannot pose); otherwise nothing.
 */
export function SafeLink({ href, children, testId }: SafeLinkProps) {
  const url = docsLink(href);
  if (url === null) return null;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" data-testid={testId}>
      {children}
    </a>
  );
}
