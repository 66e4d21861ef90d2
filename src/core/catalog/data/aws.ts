import { codeEntries, type CodeRow } from '../define.ts';

/** A botocore throttling code: throttling is told by code, often on HTTP 400. */
function throttling(key: string, status: number, meaning: string): CodeRow {
  return { key, status, title: 'Throttled', category: 'Rate limit', retry: 'after-delay', meaning: `${meaning} AWS SDKs retry it with backoff.`, advice: 'Retry with exponential backoff and jitter (honour x-amz-retry-after when present) and lower the request rate or raise the limit.' };
}

/**
 * AWS error codes (JSON `__type`/`code`, XML `<Code>`), retry classes from botocore's standard retry mode: the
 * one table of AWS codes. The advice judge reads retry and advice from it through the catalog, and the AWS
 * families read from it which codes are throttling (see awsThrottlingCodes).
 */
const rows: readonly CodeRow[] = [
    throttling('Throttling', 400, 'The request rate limit was exceeded (Query APIs).'),
    throttling('ThrottlingException', 400, 'The request rate limit was exceeded.'),
    throttling('ThrottledException', 400, 'The request rate limit was exceeded.'),
    throttling('RequestThrottledException', 400, 'The request rate limit was exceeded.'),
    throttling('TooManyRequestsException', 429, 'Too many requests in a short time.'),
    throttling('ProvisionedThroughputExceededException', 400, 'DynamoDB: the table\'s provisioned throughput is exceeded.'),
    throttling('TransactionInProgressException', 400, 'DynamoDB: a transaction with the same token is still in progress.'),
    throttling('RequestLimitExceeded', 503, 'EC2: the account\'s API request rate limit was exceeded.'),
    throttling('BandwidthLimitExceeded', 400, 'The bandwidth limit was exceeded.'),
    throttling('LimitExceededException', 400, 'A rate or resource limit was exceeded.'),
    throttling('RequestThrottled', 400, 'The request rate limit was exceeded.'),
    throttling('SlowDown', 503, 'S3: reduce the request rate on this prefix.'),
    throttling('EC2ThrottledException', 400, 'EC2 throttled the request.'),
    { key: 'PriorRequestNotComplete', status: 400, title: 'Prior request not complete', category: 'Rate limit', retry: 'yes', meaning: 'Route 53: the previous request for this resource is still being processed.', advice: 'Retry with backoff after the prior change completes.' },
    { key: 'RequestTimeout', status: 400, title: 'Request timeout', category: 'Timeout', retry: 'yes', meaning: 'The socket was idle too long (e.g. an S3 upload stalled); a transient error.', advice: 'Retry the request, making sure the body is sent promptly.' },
    { key: 'RequestTimeoutException', status: 408, title: 'Request timeout', category: 'Timeout', retry: 'yes', meaning: 'The request timed out; a transient error.', advice: 'Retry with backoff.' },
    { key: 'ServiceUnavailable', status: 503, title: 'Service unavailable', category: 'Unavailable', retry: 'yes', meaning: 'The service is temporarily unavailable.', advice: 'Retry with exponential backoff.' },
    { key: 'InternalFailure', status: 500, title: 'Internal failure', category: 'Server error', retry: 'yes', meaning: 'An unknown error inside the AWS service.', advice: 'Retry with backoff; SDKs do this automatically.' },
    { key: 'InternalError', status: 500, title: 'Internal error', category: 'Server error', retry: 'yes', meaning: 'S3 internal error.', advice: 'Retry with backoff.' },
    { key: 'ValidationException', status: 400, title: 'Validation error', category: 'Validation', retry: 'no', meaning: 'The input fails the service\'s constraints; the message names the field.', advice: 'Fix the parameter named in the message and resend.' },
    { key: 'AccessDeniedException', status: null, title: 'Access denied', category: 'Permission', retry: 'no', meaning: 'The IAM identity is not allowed to perform this action on the resource.', advice: 'Add the action to the caller\'s IAM policy (check resource policies, SCPs and permission boundaries too).' },
    { key: 'AccessDenied', status: 403, title: 'Access denied', category: 'Permission', retry: 'no', meaning: 'S3/STS: the request is not authorized for this resource.', advice: 'Check the IAM and bucket policies for the caller.' },
    { key: 'UnrecognizedClientException', status: 400, title: 'Unrecognized client', category: 'Authentication', retry: 'no', meaning: 'The access key ID or security token is invalid.', advice: 'Check the credentials and the region.' },
    { key: 'InvalidSignatureException', status: 400, title: 'Invalid signature', category: 'Authentication', retry: 'no', meaning: 'The request signature does not match (wrong secret key, clock skew or altered request).', advice: 'Check the secret key and the system clock.' },
    { key: 'SignatureDoesNotMatch', status: 403, title: 'Signature does not match', category: 'Authentication', retry: 'no', meaning: 'The computed signature differs from the one sent.', advice: 'Check the secret key, the signed headers and the system clock.' },
    { key: 'InvalidAccessKeyId', status: 403, title: 'Invalid access key ID', category: 'Authentication', retry: 'no', meaning: 'The access key ID does not exist.', advice: 'Use a valid access key.' },
    { key: 'ExpiredTokenException', status: 400, title: 'Expired token', category: 'Authentication', retry: 'no', meaning: 'The temporary security token has expired.', advice: 'Refresh the session credentials, then retry.' },
    { key: 'ExpiredToken', status: 400, title: 'Expired token', category: 'Authentication', retry: 'no', meaning: 'The temporary security token has expired.', advice: 'Refresh the session credentials, then retry.' },
    { key: 'MissingAuthenticationTokenException', status: 403, title: 'Missing authentication token', category: 'Authentication', retry: 'no', meaning: 'No credentials were sent; API Gateway also answers this for an unknown route or method.', advice: 'Check the URL and method first (API Gateway), then the request signing.' },
    { key: 'ResourceNotFoundException', status: 400, title: 'Resource not found', category: 'Not found', retry: 'no', meaning: 'The named resource does not exist (or is in another region or account).', advice: 'Check the resource name, region and account.' },
    { key: 'NoSuchKey', status: 404, title: 'No such key', category: 'Not found', retry: 'no', meaning: 'S3: the object key does not exist.', advice: 'Check the key; without s3:ListBucket permission S3 answers 403 instead.' },
    { key: 'NoSuchBucket', status: 404, title: 'No such bucket', category: 'Not found', retry: 'no', meaning: 'S3: the bucket does not exist.', advice: 'Check the bucket name and region.' },
    { key: 'ConditionalCheckFailedException', status: 400, title: 'Conditional check failed', category: 'Precondition', retry: 'no', meaning: 'DynamoDB: the write\'s condition expression evaluated to false.', advice: 'Re-read the item and decide whether to write again.' },
    { key: 'ResourceInUseException', status: 400, title: 'Resource in use', category: 'Conflict', retry: 'after-delay', meaning: 'The resource is being created, updated or deleted.', advice: 'Wait until it is ACTIVE, then retry.' },
    { key: 'ConflictException', status: 409, title: 'Conflict', category: 'Conflict', retry: 'conditional', meaning: 'The request conflicts with the current state of the resource.', advice: 'Re-read the resource state and retry if still appropriate.' },
    { key: 'ServiceQuotaExceededException', status: null, title: 'Service quota exceeded', category: 'Quota', retry: 'no', meaning: 'A service quota (not a rate limit) is used up.', advice: 'Request a quota increase in Service Quotas or free resources.' },
];

export const awsCodes = codeEntries({ api: 'AWS', families: ['aws-json', 'aws-xml'], rows });

/** Codes by which AWS signals throttling, often on HTTP 400 (botocore's throttled error codes). */
export const awsThrottlingCodes: ReadonlySet<string> = new Set(rows.filter((row) => row.category === 'Rate limit').map((row) => row.key));
