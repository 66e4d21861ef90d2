import { codeEntries } from '../define.ts';

/** GraphQL `extensions.code` values: Apollo Server's built-ins, conventional auth codes, and platform throttling. */
export const graphqlCodes = codeEntries({
  api: 'GraphQL',
  families: ['graphql'],
  docsUrl: () => 'https://www.apollographql.com/docs/apollo-server/data/errors',
  rows: [
    { key: 'GRAPHQL_PARSE_FAILED', status: 400, title: 'Parse failed', category: 'Bad request', retry: 'no', meaning: 'The query string is not valid GraphQL syntax.', advice: 'Fix the query syntax at the reported location.' },
    { key: 'GRAPHQL_VALIDATION_FAILED', status: 400, title: 'Validation failed', category: 'Validation', retry: 'no', meaning: 'The query does not match the schema (unknown field, wrong argument type…).', advice: 'Check the query against the current schema.' },
    { key: 'BAD_USER_INPUT', status: 400, title: 'Bad user input', category: 'Validation', retry: 'no', meaning: 'An argument or variable value is invalid.', advice: 'Fix the variables named in the message.' },
    { key: 'PERSISTED_QUERY_NOT_FOUND', status: 200, title: 'Persisted query not found', category: 'Cache', retry: 'yes', meaning: 'The server does not know the persisted-query hash yet (APQ).', advice: 'Resend with the full query text; clients do this automatically.' },
    { key: 'PERSISTED_QUERY_NOT_SUPPORTED', status: 400, title: 'Persisted queries not supported', category: 'Bad request', retry: 'no', meaning: 'The server has automatic persisted queries turned off.', advice: 'Send the full query instead of a hash.' },
    { key: 'OPERATION_RESOLUTION_FAILURE', status: 400, title: 'Operation not resolved', category: 'Bad request', retry: 'no', meaning: 'The operation name does not match an operation in the document.', advice: 'Send an operationName present in the query.' },
    { key: 'BAD_REQUEST', status: 400, title: 'Bad request', category: 'Bad request', retry: 'no', meaning: 'The HTTP request could not be parsed as a GraphQL request.', advice: 'Send a JSON body with `query` (and `variables`).' },
    { key: 'INTERNAL_SERVER_ERROR', status: 500, title: 'Internal server error', category: 'Server error', retry: 'conditional', meaning: 'A resolver threw an unexpected error.', advice: 'Retry queries once; report it with the path of the failing field.' },
    { key: 'INTROSPECTION_DISABLED', status: 400, title: 'Introspection disabled', category: 'Permission', retry: 'no', meaning: 'Schema introspection is turned off on this server.', advice: 'Get the schema from the API\'s published SDL instead.' },
    { key: 'MAX_RECURSIVE_SELECTIONS_EXCEEDED', status: 400, title: 'Query too deep', category: 'Validation', retry: 'no', meaning: 'The query has too many nested selections.', advice: 'Flatten the query or split it into smaller ones.' },
    { key: 'UNAUTHENTICATED', status: 401, title: 'Unauthenticated', category: 'Authentication', retry: 'no', meaning: 'Conventional code: no valid credentials.', advice: 'Send a valid token, then retry.' },
    { key: 'FORBIDDEN', status: 403, title: 'Forbidden', category: 'Permission', retry: 'no', meaning: 'Conventional code: the user may not access this field or object.', advice: 'Use an account with access; the rest of `data` may still be usable.' },
    { key: 'THROTTLED', status: 200, title: 'Throttled', category: 'Rate limit', retry: 'after-delay', meaning: 'Shopify GraphQL: the query cost exceeds the points currently available.', advice: 'The query costs more points than the bucket holds now: wait for it to refill, or lower the query cost.' },
    { key: 'RATE_LIMITED', status: 200, title: 'Rate limited', category: 'Rate limit', retry: 'after-delay', meaning: 'GitHub GraphQL: the API rate limit is exceeded.', advice: 'Wait until x-ratelimit-reset, then retry.' },
  ],
});
