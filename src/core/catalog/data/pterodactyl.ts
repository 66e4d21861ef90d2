import { codeEntries, statusEntries } from '../define.ts';

/** Pterodactyl Panel (seed 001): its documented status table. */
export const pterodactylStatuses = statusEntries('Pterodactyl', [
  { status: 400, title: 'Bad Request', category: 'Bad request', retry: 'no', meaning: 'Malformed JSON or a missing parameter.', advice: 'Validate the JSON (trailing commas, unclosed brackets), send Content-Type: application/json and include every required parameter.' },
  { status: 401, title: 'Unauthorized', category: 'Authentication', retry: 'no', meaning: 'The API key is missing, invalid, expired or deleted.', advice: 'Send the key as `Authorization: Bearer <key>` and check it has not expired or been deleted.' },
  { status: 403, title: 'Forbidden', category: 'Permission', retry: 'no', meaning: 'The key lacks permissions, the request comes from an IP the key does not allow, or the server is in a state that forbids the action (installing, transferring, suspended, restoring).', advice: 'Add your IP to the key\'s allowed IPs or update its permissions; for server-state errors wait until the server is ready.' },
  { status: 404, title: 'Not Found', category: 'Not found', retry: 'no', meaning: 'The resource does not exist or you have no access to it.', advice: 'Check the ID, that the resource was not deleted, and that you have access to the server.' },
  { status: 405, title: 'Method Not Allowed', category: 'Method', retry: 'no', meaning: 'The endpoint does not support this HTTP method.', advice: 'Use the method the endpoint documents.' },
  { status: 409, title: 'Conflict', category: 'Conflict', retry: 'after-delay', meaning: 'The server is being transferred or installed, a backup is already running, or the resource is locked.', advice: 'Wait for the running operation to finish, then retry.' },
  { status: 422, title: 'Unprocessable Entity', category: 'Validation', retry: 'no', meaning: 'Validation failed; `meta.source_field` names the field and `meta.rule` the rule.', advice: 'Fix the field named in source_field according to its rule and resend.' },
  { status: 429, title: 'Too Many Requests', category: 'Rate limit', retry: 'after-delay', meaning: 'The rate limit was exceeded.', advice: 'Wait for Retry-After, then retry with exponential backoff and a lower request rate.' },
  { status: 500, title: 'Internal Server Error', category: 'Server error', retry: 'conditional', meaning: 'An unexpected panel error.', advice: 'Retry with backoff; check the panel logs if it persists.' },
  { status: 502, title: 'Bad Gateway', category: 'Gateway', retry: 'yes', meaning: 'The panel cannot communicate with Wings, the node daemon.', advice: 'Check that Wings is running on the node, the network between panel and Wings, and the Wings configuration and logs; then retry.' },
  { status: 503, title: 'Service Unavailable', category: 'Unavailable', retry: 'yes', meaning: 'The service is temporarily unavailable.', advice: 'Retry with backoff.' },
]);

/** Pterodactyl error `code`s: the PHP exception class that produced the error. */
export const pterodactylCodes = codeEntries({
  api: 'Pterodactyl',
  families: ['pterodactyl'],
  rows: [
    { key: 'ValidationException', status: 422, title: 'Validation failed', category: 'Validation', retry: 'no', meaning: 'A field failed validation; one error per message with meta.source_field and meta.rule.', advice: 'Fix the field named in meta.source_field according to meta.rule, then resend.' },
    { key: 'DisplayValidationException', status: 422, title: 'Validation failed', category: 'Validation', retry: 'no', meaning: 'A panel-side validation error meant to be shown to the user.', advice: 'Show the detail to the user and correct the input.' },
    { key: 'NotFoundHttpException', status: 404, title: 'Not found', category: 'Not found', retry: 'no', meaning: 'The route or resource does not exist, or you cannot access it.', advice: 'Verify the resource ID and that it has not been deleted.' },
    { key: 'ModelNotFoundException', status: 404, title: 'Resource not found', category: 'Not found', retry: 'no', meaning: 'No record with that ID exists.', advice: 'Verify the resource ID.' },
    { key: 'AuthenticationException', status: 401, title: 'Unauthenticated', category: 'Authentication', retry: 'no', meaning: 'No valid API key was sent.', advice: 'Send `Authorization: Bearer <key>` with a key that has not expired or been deleted.' },
    { key: 'AccessDeniedHttpException', status: 403, title: 'Access denied', category: 'Permission', retry: 'no', meaning: 'The key lacks the permission, or the request IP is not allowed for this key.', advice: 'Update the key\'s permissions or allowed IPs.' },
    { key: 'AuthorizationException', status: 403, title: 'Not authorized', category: 'Permission', retry: 'no', meaning: 'The user is not allowed to perform this action.', advice: 'Use an account or key with access to the server.' },
    { key: 'HttpForbiddenException', status: 403, title: 'Forbidden', category: 'Permission', retry: 'no', meaning: 'The panel refused the action for this user.', advice: 'Use an account or key with access to the resource.' },
    { key: 'ServerStateConflictException', status: 409, title: 'Server in unsupported state', category: 'Conflict', retry: 'after-delay', meaning: 'The server is suspended, installing, restoring a backup, being transferred, or its node is under maintenance.', advice: 'Wait until the server finishes installing/transferring/restoring (or is unsuspended), then retry.' },
    { key: 'ConflictHttpException', status: 409, title: 'Conflict', category: 'Conflict', retry: 'after-delay', meaning: 'The request conflicts with the resource\'s current state (locked, busy).', advice: 'Wait for the running operation to finish, then retry.' },
    { key: 'BackupLockedException', status: 400, title: 'Backup locked', category: 'Conflict', retry: 'no', meaning: 'The backup is locked and cannot be deleted.', advice: 'Unlock the backup first.' },
    { key: 'TooManyBackupsException', status: 400, title: 'Backup limit reached', category: 'Service limit', retry: 'no', meaning: 'The server already has the maximum number of backups.', advice: 'Delete an old backup or raise the server\'s backup limit.' },
    { key: 'ServiceLimitExceededException', status: 400, title: 'Service limit exceeded', category: 'Service limit', retry: 'no', meaning: 'A resource limit was reached (e.g. 10 tasks per schedule, 25 API keys per user, database or backup limits).', advice: 'Remove unused items or raise the limit.' },
    { key: 'DaemonConnectionException', status: 504, title: 'Wings unreachable', category: 'Gateway', retry: 'yes', meaning: 'The panel could not talk to Wings on the node.', advice: 'Check that Wings is running and reachable from the panel, then retry.' },
    { key: 'TooManyRequestsHttpException', status: 429, title: 'Too many requests', category: 'Rate limit', retry: 'after-delay', meaning: 'The rate limit was exceeded.', advice: 'Wait for Retry-After, then retry at a lower rate.' },
    { key: 'ThrottleRequestsException', status: 429, title: 'Too many requests', category: 'Rate limit', retry: 'after-delay', meaning: 'Laravel\'s throttle middleware rejected the request.', advice: 'Wait for Retry-After, then retry at a lower rate.' },
    { key: 'BadRequestHttpException', status: 400, title: 'Bad request', category: 'Bad request', retry: 'no', meaning: 'The request is malformed or misses a parameter.', advice: 'Check the JSON syntax and the required parameters.' },
    { key: 'MethodNotAllowedHttpException', status: 405, title: 'Method not allowed', category: 'Method', retry: 'no', meaning: 'The endpoint does not support this HTTP method.', advice: 'Use the documented method.' },
    { key: 'TwoFactorAuthRequiredException', status: 400, title: 'Two-factor authentication required', category: 'Authentication', retry: 'no', meaning: 'The account must enable two-factor authentication first.', advice: 'Enable 2FA on the account, then retry.' },
    { key: 'DisplayException', status: null, title: 'Panel error', category: 'Server error', retry: 'conditional', meaning: 'A panel error whose detail is written for the user.', advice: 'Read the detail: it states what went wrong.' },
  ],
});
