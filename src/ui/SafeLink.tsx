import type { ComponentChildren } from 'preact';
import { httpUrl } from '../core/json.ts';

interface SafeLinkProps {
  readonly href: string | null;
  readonly children: ComponentChildren;
  readonly testId?: string;
}

/** A link that opens in a new tab, rendered only for http(s) URLs (never javascript:, data:…); otherwise nothing. */
export function SafeLink({ href, children, testId }: SafeLinkProps) {
  const url = httpUrl(href);
  if (url === null) return null;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" data-testid={testId}>
      {children}
    </a>
  );
}
