import { codeEntries } from '../define.ts';

/** GPU Outlet (seed 004): `{error: "code", message, details}`; the Fix column is the advice. */
export const gpuOutletCodes = codeEntries({
  api: 'GPU Outlet',
  families: ['simple'],
  rows: [
    { key: 'invalid_email', status: 400, title: 'Invalid email', category: 'Validation', retry: 'no', meaning: 'The email address is not in a valid format.', advice: 'Send a real address of the form user@host.tld.' },
    { key: 'invalid_amount', status: 400, title: 'Invalid amount', category: 'Validation', retry: 'no', meaning: 'The top-up amount is outside the allowed range of $1 to $5000.', advice: 'Pick an amount between $1 and $5000.' },
    { key: 'weak_key', status: 400, title: 'Weak SSH key', category: 'Validation', retry: 'no', meaning: 'The SSH key is weaker than RSA 2048 or Ed25519.', advice: 'Generate a stronger key, e.g. `ssh-keygen -t ed25519`, and upload that.' },
    { key: 'duplicate_key', status: 400, title: 'Duplicate SSH key', category: 'Validation', retry: 'no', meaning: 'This public key is already on file.', advice: 'Use the key that is already registered, or delete it before adding it again.' },
    { key: 'invalid_count', status: 400, title: 'Invalid GPU count', category: 'Validation', retry: 'no', meaning: 'The GPU count must be 1, 2, 4 or 8.', advice: 'Choose one of 1, 2, 4 or 8 GPUs.' },
    { key: 'model_unavailable', status: 400, title: 'Model unavailable', category: 'Availability', retry: 'after-delay', meaning: 'No provider currently offers this exact GPU spec.', advice: 'Try a different configuration, or wait and try again later.' },
    { key: 'billing_disabled', status: 400, title: 'Billing disabled', category: 'Billing', retry: 'no', meaning: 'Stripe is not configured: the backend runs in mock mode.', advice: 'Point the client at the real backend, where billing is enabled.' },
    { key: 'validation_failed', status: 400, title: 'Validation failed', category: 'Validation', retry: 'no', meaning: 'The request failed generic schema validation.', advice: 'Read `details` for the specific fields, fix them and resend.' },
    { key: 'unauthorized', status: 401, title: 'Unauthorized', category: 'Authentication', retry: 'no', meaning: 'There is no session cookie, or the session expired.', advice: 'Sign in again, then repeat the request.' },
    { key: 'code_invalid', status: 401, title: 'Invalid code', category: 'Authentication', retry: 'no', meaning: 'The one-time code is wrong or expired.', advice: 'Request a new code and enter it.' },
    { key: 'code_expired', status: 401, title: 'Code expired', category: 'Authentication', retry: 'no', meaning: 'The one-time code is older than 10 minutes.', advice: 'Request a new code and use it within 10 minutes.' },
    { key: 'oauth_state_mismatch', status: 401, title: 'OAuth state mismatch', category: 'Authentication', retry: 'no', meaning: 'The OAuth callback state did not match the one the flow started with.', advice: 'Restart the OAuth sign-in flow from the beginning.' },
    { key: 'forbidden', status: 403, title: 'Forbidden', category: 'Permission', retry: 'no', meaning: 'You are signed in but not allowed to access this resource.', advice: 'Check that the resource belongs to your account.' },
    { key: 'insufficient_balance', status: 403, title: 'Insufficient balance', category: 'Billing', retry: 'no', meaning: 'The wallet balance is lower than the cost of the operation.', advice: 'Top up the wallet, then retry the operation.' },
    { key: 'not_found', status: 404, title: 'Not found', category: 'Not found', retry: 'no', meaning: 'The path or resource does not exist.', advice: 'Check the URL and the ID.' },
    { key: 'rental_not_found', status: 404, title: 'Rental not found', category: 'Not found', retry: 'no', meaning: 'No rental with that ID is owned by you.', advice: 'Check the rental ID (list your rentals first).' },
    { key: 'key_not_found', status: 404, title: 'SSH key not found', category: 'Not found', retry: 'no', meaning: 'The SSH key ID does not belong to you.', advice: 'Check the key ID (list your keys first).' },
    { key: 'already_stopped', status: 409, title: 'Already stopped', category: 'Conflict', retry: 'no', meaning: 'The rental is already in the Stopped state.', advice: 'No action needed: the rental is already stopped.' },
    { key: 'card_already_on_file', status: 409, title: 'Card already on file', category: 'Conflict', retry: 'no', meaning: 'A card is already on file and only one is allowed.', advice: 'Update or remove the existing card first.' },
    { key: 'rate_limited', status: 429, title: 'Rate limited', category: 'Rate limit', retry: 'after-delay', meaning: 'More than 100 requests per minute on this session.', advice: 'Back off and retry after the Retry-After header\'s delay.' },
    { key: 'code_request_rate_limited', status: 429, title: 'Code requests rate limited', category: 'Rate limit', retry: 'after-delay', meaning: 'More than one one-time-code request per 30 seconds.', advice: 'Wait 30 seconds before requesting another code.' },
    { key: 'internal_error', status: 500, title: 'Internal error', category: 'Server error', retry: 'conditional', meaning: 'Something the service did not anticipate went wrong.', advice: 'Retry once; if it reproduces, file a ticket with the x-request-id value to help@gpuoutlet.ai.' },
    { key: 'provider_error', status: 500, title: 'Provider error', category: 'Upstream / Provider', retry: 'yes', meaning: 'An upstream GPU provider failed.', advice: 'Usually transient: retry; if it persists, file a ticket with the x-request-id value.' },
    { key: 'provider_pool_empty', status: 503, title: 'Provider pool empty', category: 'Availability', retry: 'after-delay', meaning: 'No upstream provider has the requested GPU right now.', advice: 'Wait 30 seconds and retry, or try a different GPU family.' },
    { key: 'maintenance', status: 503, title: 'Maintenance', category: 'Unavailable', retry: 'after-delay', meaning: 'The service is in planned maintenance.', advice: 'Check status.gpuoutlet.ai and retry when maintenance is over.' },
  ],
});
