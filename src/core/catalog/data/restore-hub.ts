import { statusEntries } from '../define.ts';

/**
 * Restore Hub (seed 002): `{error: "human summary", details}` carries no machine code, so its
 * reference is a per-status table of what to do.
 */
export const restoreHubStatuses = statusEntries('Restore Hub', [
  { status: 400, title: 'Bad Request', category: 'Validation', retry: 'no', meaning: 'Validation failed or the payload is malformed; `details.issues` lists Zod issues with path and message.', advice: 'Inspect `details`, fix the listed fields and resend.' },
  { status: 401, title: 'Unauthorized', category: 'Authentication', retry: 'no', meaning: 'The API key is missing, malformed, revoked or from a deleted account.', advice: 'Fail fast and re-prompt for a key (mint a new one or re-send it); do not retry blindly.' },
  { status: 403, title: 'Forbidden', category: 'Permission', retry: 'no', meaning: 'Authenticated, but the key lacks a scope (`requiredScope`, `yourScopes`) or you do not own the resource.', advice: 'Surface the missing scope to the user and mint a key with it; do not try to work around it.' },
  { status: 404, title: 'Not Found', category: 'Not found', retry: 'no', meaning: 'The resource does not exist or your key cannot see it.', advice: 'Treat the resource as not yours; do not crawl for it.' },
  { status: 409, title: 'Conflict', category: 'Conflict', retry: 'conditional', meaning: 'The resource already exists or a competing operation is in progress.', advice: 'Re-fetch the state and reconcile before trying again.' },
  { status: 422, title: 'Unprocessable Entity', category: 'Plan limit', retry: 'no', meaning: 'A plan limit or business rule was violated; `error` names the rule.', advice: 'Respect the plan rule; tell the user to upgrade if they need this.' },
  { status: 429, title: 'Too Many Requests', category: 'Rate limit', retry: 'after-delay', meaning: 'Rate limited; the body carries `retryAfterSeconds` and Retry-After is set.', advice: 'Honor Retry-After (or `retryAfterSeconds`), then retry with exponential backoff.' },
  { status: 500, title: 'Internal Server Error', category: 'Server error', retry: 'yes', meaning: 'A fault on Restore Hub\'s side.', advice: 'Retry with jitter, at most 3 attempts, then fail and report it if it persists.' },
  { status: 502, title: 'Bad Gateway', category: 'Gateway', retry: 'yes', meaning: 'A transient infrastructure issue.', advice: 'Retry with jitter, at most 3 attempts, then fail.' },
  { status: 503, title: 'Service Unavailable', category: 'Unavailable', retry: 'yes', meaning: 'A transient infrastructure issue.', advice: 'Retry with jitter, at most 3 attempts, then fail.' },
]);
