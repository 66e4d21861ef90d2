import { codeEntries } from '../define.ts';

/** JSON-RPC 2.0 reserved error codes (spec §5.1), usually inside HTTP 200. */
export const jsonRpcCodes = codeEntries({
  api: 'JSON-RPC',
  families: ['jsonrpc'],
  docsUrl: () => 'https://www.jsonrpc.org/specification#error_object',
  rows: [
    { key: '-32700', status: null, title: 'Parse error', category: 'Bad request', retry: 'no', meaning: 'The server received invalid JSON.', advice: 'Fix the JSON of the request body.' },
    { key: '-32600', status: null, title: 'Invalid request', category: 'Bad request', retry: 'no', meaning: 'The JSON is not a valid JSON-RPC request object.', advice: 'Send {"jsonrpc":"2.0","method":…,"id":…}.' },
    { key: '-32601', status: null, title: 'Method not found', category: 'Method', retry: 'no', meaning: 'The method does not exist or is not available.', advice: 'Check the method name and that the server enables it.' },
    { key: '-32602', status: null, title: 'Invalid params', category: 'Validation', retry: 'no', meaning: 'The method parameters are invalid.', advice: 'Fix the params (names, types, order); `data` may say which.' },
    { key: '-32603', status: null, title: 'Internal error', category: 'Server error', retry: 'conditional', meaning: 'An internal JSON-RPC error on the server.', advice: 'Retry idempotent calls once; report it if it persists.' },
    { key: '-32000', status: null, title: 'Server error', category: 'Server error', retry: 'conditional', meaning: 'Start of the implementation-defined server error range (−32000 to −32099); Ethereum nodes use it for many failures, including rate limits.', advice: 'Read the message: it says what the implementation meant.' },
  ],
});
