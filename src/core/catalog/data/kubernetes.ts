import { codeEntries } from '../define.ts';

/** Kubernetes `Status.reason` values (API conventions). */
export const kubernetesCodes = codeEntries({
  api: 'Kubernetes',
  families: ['kubernetes'],
  docsUrl: () => 'https://github.com/kubernetes/community/blob/master/contributors/devel/sig-architecture/api-conventions.md#http-status-codes',
  rows: [
    { key: 'BadRequest', status: 400, title: 'Bad request', category: 'Bad request', retry: 'no', meaning: 'The request is malformed.', advice: 'Fix the request; do not retry.' },
    { key: 'Unauthorized', status: 401, title: 'Unauthorized', category: 'Authentication', retry: 'no', meaning: 'No valid credentials for the API server.', advice: 'Refresh the kubeconfig credentials or token.' },
    { key: 'Forbidden', status: 403, title: 'Forbidden', category: 'Permission', retry: 'no', meaning: 'RBAC does not allow this verb on this resource.', advice: 'Grant a Role/ClusterRole binding for the verb and resource (check with kubectl auth can-i).' },
    { key: 'NotFound', status: 404, title: 'Not found', category: 'Not found', retry: 'no', meaning: 'The object does not exist (check the namespace).', advice: 'Check the name and namespace.' },
    { key: 'AlreadyExists', status: 409, title: 'Already exists', category: 'Conflict', retry: 'no', meaning: 'An object with this name already exists.', advice: 'Use apply/update instead of create, or pick another name.' },
    { key: 'Conflict', status: 409, title: 'Conflict', category: 'Conflict', retry: 'conditional', meaning: 'The object changed since you read it (resourceVersion mismatch).', advice: 'Re-GET the object, merge your change and retry with the new resourceVersion.' },
    { key: 'Gone', status: 410, title: 'Gone', category: 'Gone', retry: 'no', meaning: 'The requested resourceVersion is too old (watch expired).', advice: 'Re-list, then start a new watch from the fresh resourceVersion.' },
    { key: 'Expired', status: 410, title: 'Expired', category: 'Gone', retry: 'no', meaning: 'The continue token or resourceVersion expired.', advice: 'Restart the list without the continue token.' },
    { key: 'Invalid', status: 422, title: 'Invalid', category: 'Validation', retry: 'no', meaning: 'The object fails validation; details.causes lists the fields.', advice: 'Fix the fields in details.causes.' },
    { key: 'MethodNotAllowed', status: 405, title: 'Method not allowed', category: 'Method', retry: 'no', meaning: 'The resource does not support this verb.', advice: 'Use a supported verb.' },
    { key: 'NotAcceptable', status: 406, title: 'Not acceptable', category: 'Negotiation', retry: 'no', meaning: 'None of the requested media types is available.', advice: 'Accept application/json.' },
    { key: 'UnsupportedMediaType', status: 415, title: 'Unsupported media type', category: 'Bad request', retry: 'no', meaning: 'The body\'s content type is not supported (e.g. wrong patch type).', advice: 'Send the right patch Content-Type (merge-patch, strategic-merge-patch, apply-patch).' },
    { key: 'RequestEntityTooLarge', status: 413, title: 'Request too large', category: 'Too large', retry: 'no', meaning: 'The object is larger than the API server accepts.', advice: 'Shrink the object (e.g. move data out of a ConfigMap).' },
    { key: 'TooManyRequests', status: 429, title: 'Too many requests', category: 'Rate limit', retry: 'after-delay', meaning: 'API priority and fairness or a rate limiter rejected the request.', advice: 'Wait at least Retry-After, then retry.' },
    { key: 'Timeout', status: 504, title: 'Timeout', category: 'Timeout', retry: 'after-delay', meaning: 'The request could not complete in time; details.retryAfterSeconds may say when to retry.', advice: 'Wait retryAfterSeconds, then retry.' },
    { key: 'ServerTimeout', status: 500, title: 'Server timeout', category: 'Timeout', retry: 'after-delay', meaning: 'The server could not finish in time; details.retryAfterSeconds suggests a delay.', advice: 'Retry after the suggested delay; raise the request timeout if needed.' },
    { key: 'InternalError', status: 500, title: 'Internal error', category: 'Server error', retry: 'yes', meaning: 'An unexpected error in the API server.', advice: 'Retry with exponential backoff.' },
    { key: 'ServiceUnavailable', status: 503, title: 'Service unavailable', category: 'Unavailable', retry: 'yes', meaning: 'The API server or an aggregated API is unavailable.', advice: 'Retry with exponential backoff.' },
  ],
});
