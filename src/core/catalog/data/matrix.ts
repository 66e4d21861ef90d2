import { codeEntries } from '../define.ts';

/** Matrix client-server `errcode` values (the `M_` namespace). */
export const matrixCodes = codeEntries({
  api: 'Matrix',
  families: ['matrix'],
  docsUrl: () => 'https://spec.matrix.org/latest/client-server-api/#standard-error-response',
  rows: [
    { key: 'M_LIMIT_EXCEEDED', status: 429, title: 'Limit exceeded', category: 'Rate limit', retry: 'after-delay', meaning: 'Rate limited; the body may carry retry_after_ms and newer servers send Retry-After.', advice: 'Wait retry_after_ms (or Retry-After), then retry.' },
    { key: 'M_FORBIDDEN', status: 403, title: 'Forbidden', category: 'Permission', retry: 'no', meaning: 'You are not allowed to do this (room power level, ban, server ACL).', advice: 'Check your membership and power level in the room.' },
    { key: 'M_UNKNOWN_TOKEN', status: 401, title: 'Unknown token', category: 'Authentication', retry: 'no', meaning: 'The access token is unknown or expired (soft_logout may be set).', advice: 'Refresh the token or log in again.' },
    { key: 'M_MISSING_TOKEN', status: 401, title: 'Missing token', category: 'Authentication', retry: 'no', meaning: 'No access token was sent.', advice: 'Send `Authorization: Bearer <token>`.' },
    { key: 'M_BAD_JSON', status: 400, title: 'Bad JSON', category: 'Validation', retry: 'no', meaning: 'The JSON is valid but fields are missing or wrong.', advice: 'Fix the fields the error names.' },
    { key: 'M_NOT_JSON', status: 400, title: 'Not JSON', category: 'Bad request', retry: 'no', meaning: 'The body is not valid JSON.', advice: 'Send a valid JSON body.' },
    { key: 'M_NOT_FOUND', status: 404, title: 'Not found', category: 'Not found', retry: 'no', meaning: 'The resource (room, event, alias) was not found.', advice: 'Check the ID or alias.' },
    { key: 'M_UNRECOGNIZED', status: 404, title: 'Unrecognized', category: 'Method', retry: 'no', meaning: 'The server does not know this endpoint.', advice: 'Check the endpoint path and the server\'s supported spec versions.' },
    { key: 'M_USER_IN_USE', status: 400, title: 'User ID in use', category: 'Conflict', retry: 'no', meaning: 'The desired user ID is taken.', advice: 'Pick another username.' },
    { key: 'M_INVALID_USERNAME', status: 400, title: 'Invalid username', category: 'Validation', retry: 'no', meaning: 'The desired user ID is not valid.', advice: 'Use lowercase letters, digits and ._=-/ only.' },
    { key: 'M_TOO_LARGE', status: 413, title: 'Too large', category: 'Too large', retry: 'no', meaning: 'The request or upload is too large.', advice: 'Send smaller content.' },
    { key: 'M_RESOURCE_LIMIT_EXCEEDED', status: 403, title: 'Resource limit exceeded', category: 'Quota', retry: 'no', meaning: 'The homeserver hit a resource limit (e.g. monthly active users).', advice: 'Contact the server admin (admin_contact).' },
    { key: 'M_USER_DEACTIVATED', status: 403, title: 'User deactivated', category: 'Authentication', retry: 'no', meaning: 'The account was deactivated.', advice: 'Use another account.' },
    { key: 'M_UNKNOWN', status: null, title: 'Unknown error', category: 'Server error', retry: 'conditional', meaning: 'An unclassified error.', advice: 'Read the error text.' },
  ],
});
