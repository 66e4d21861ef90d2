import type { CatalogEntry } from '../types.ts';
import { codeEntries } from '../define.ts';

/** OpenAI `error.code`/`type` and Anthropic `error.type` values. */
export const aiApiCodes: readonly CatalogEntry[] = [
  ...codeEntries({
    api: 'OpenAI',
    families: ['openai'],
    docsUrl: () => 'https://platform.openai.com/docs/guides/error-codes',
    rows: [
      { key: 'rate_limit_exceeded', status: 429, title: 'Rate limit exceeded', category: 'Rate limit', retry: 'after-delay', meaning: 'Requests or tokens per minute exceeded for the model.', advice: 'Wait until the x-ratelimit-reset-* time, then retry with backoff.' },
      { key: 'insufficient_quota', status: 429, title: 'Insufficient quota', category: 'Billing', retry: 'no', meaning: 'The account has no credit or hit its spend limit; waiting will not help.', advice: 'Add credit or raise the usage limit in billing settings.' },
      { key: 'invalid_api_key', status: 401, title: 'Invalid API key', category: 'Authentication', retry: 'no', meaning: 'The API key is wrong or revoked.', advice: 'Check the key and the organization it belongs to.' },
      { key: 'model_not_found', status: 404, title: 'Model not found', category: 'Not found', retry: 'no', meaning: 'The model does not exist or the key has no access to it.', advice: 'Check the model name and the project\'s model access.' },
      { key: 'context_length_exceeded', status: 400, title: 'Context length exceeded', category: 'Too large', retry: 'no', meaning: 'The prompt plus requested output exceed the model\'s context window.', advice: 'Shorten the input or lower max tokens.' },
    ],
  }),
  ...codeEntries({
    api: 'Anthropic',
    families: ['anthropic'],
    docsUrl: () => 'https://docs.anthropic.com/en/api/errors',
    rows: [
      { key: 'invalid_request_error', status: 400, title: 'Invalid request', category: 'Bad request', retry: 'no', meaning: 'The request format or content is invalid.', advice: 'Fix the request as the message says.' },
      { key: 'authentication_error', status: 401, title: 'Authentication error', category: 'Authentication', retry: 'no', meaning: 'The API key is missing or invalid.', advice: 'Send a valid x-api-key.' },
      { key: 'permission_error', status: 403, title: 'Permission error', category: 'Permission', retry: 'no', meaning: 'The key may not use this resource.', advice: 'Check the key\'s workspace and permissions.' },
      { key: 'not_found_error', status: 404, title: 'Not found', category: 'Not found', retry: 'no', meaning: 'The resource was not found.', advice: 'Check the URL and IDs.' },
      { key: 'request_too_large', status: 413, title: 'Request too large', category: 'Too large', retry: 'no', meaning: 'The request exceeds the maximum size.', advice: 'Send a smaller request.' },
      { key: 'rate_limit_error', status: 429, title: 'Rate limit error', category: 'Rate limit', retry: 'after-delay', meaning: 'The account hit a rate limit.', advice: 'Wait for retry-after, then retry.' },
      { key: 'api_error', status: 500, title: 'API error', category: 'Server error', retry: 'yes', meaning: 'An unexpected internal error.', advice: 'Retry with backoff.' },
      { key: 'overloaded_error', status: 529, title: 'Overloaded', category: 'Overloaded', retry: 'yes', meaning: 'The API is temporarily overloaded.', advice: 'Retry with exponential backoff and jitter.' },
    ],
  }),
];
