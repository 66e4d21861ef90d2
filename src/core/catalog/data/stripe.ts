import { codeEntries } from '../define.ts';

/** Stripe `error.code` values met most often (wording ours); each has a page under docs.stripe.com/error-codes. */
export const stripeCodes = codeEntries({
  api: 'Stripe',
  families: ['stripe'],
  docsUrl: (key) => `https://docs.stripe.com/error-codes/${key.replaceAll('_', '-')}`,
  rows: [
    { key: 'card_declined', status: 402, title: 'Card declined', category: 'Payment', retry: 'no', meaning: 'The issuer declined the card; `decline_code` says why (insufficient_funds, do_not_honor…).', advice: 'Ask the customer for another payment method; retrying the same card rarely helps.' },
    { key: 'expired_card', status: 402, title: 'Expired card', category: 'Payment', retry: 'no', meaning: 'The card has expired.', advice: 'Ask the customer for a current card.' },
    { key: 'incorrect_cvc', status: 402, title: 'Incorrect CVC', category: 'Payment', retry: 'no', meaning: 'The security code is wrong.', advice: 'Ask the customer to re-enter the CVC.' },
    { key: 'incorrect_number', status: 402, title: 'Incorrect card number', category: 'Payment', retry: 'no', meaning: 'The card number is wrong.', advice: 'Ask the customer to re-enter the card number.' },
    { key: 'invalid_expiry_year', status: 402, title: 'Invalid expiry year', category: 'Payment', retry: 'no', meaning: 'The expiry year is invalid.', advice: 'Ask the customer to correct the expiry date.' },
    { key: 'processing_error', status: 402, title: 'Processing error', category: 'Payment', retry: 'yes', meaning: 'An error occurred while processing the card.', advice: 'Retry the charge once; if it fails again, try later or with another method.' },
    { key: 'authentication_required', status: 402, title: 'Authentication required', category: 'Payment', retry: 'no', meaning: 'The payment needs 3D Secure authentication.', advice: 'Confirm the PaymentIntent on the client so the customer can authenticate.' },
    { key: 'insufficient_funds', status: 402, title: 'Insufficient funds', category: 'Payment', retry: 'no', meaning: 'Decline code: the card has too little available balance.', advice: 'Ask the customer for another payment method.', docsUrl: 'https://docs.stripe.com/declines/codes' },
    { key: 'rate_limit', status: 429, title: 'Rate limit', category: 'Rate limit', retry: 'after-delay', meaning: 'Too many requests hit the API too quickly (can also arrive as HTTP 400).', advice: 'Back off exponentially and retry; spread requests out.' },
    { key: 'lock_timeout', status: 409, title: 'Lock timeout', category: 'Conflict', retry: 'yes', meaning: 'Another request was using the same object at the same time.', advice: 'Retry with backoff, reusing the same Idempotency-Key.' },
    { key: 'idempotency_key_in_use', status: 409, title: 'Idempotency key in use', category: 'Idempotency', retry: 'after-delay', meaning: 'Another request with the same Idempotency-Key is still being processed.', advice: 'Wait for the first request to finish, then retry with the same key.' },
    { key: 'idempotency_error', status: 400, title: 'Idempotency error', category: 'Idempotency', retry: 'no', meaning: 'Error type: an Idempotency-Key was reused with different parameters.', advice: 'Use a new key for a different request; reuse a key only to repeat the identical request.', docsUrl: 'https://docs.stripe.com/api/idempotent_requests' },
    { key: 'resource_missing', status: 404, title: 'Resource missing', category: 'Not found', retry: 'no', meaning: 'The ID does not exist (or belongs to another account or mode: test vs live).', advice: 'Check the ID, the API key\'s mode and the connected account.' },
    { key: 'parameter_missing', status: 400, title: 'Parameter missing', category: 'Validation', retry: 'no', meaning: 'A required parameter is missing; `param` names it.', advice: 'Add the parameter named in `param`.' },
    { key: 'parameter_invalid_integer', status: 400, title: 'Invalid integer parameter', category: 'Validation', retry: 'no', meaning: 'A parameter must be an integer.', advice: 'Send the value named in `param` as an integer (amounts are in the smallest currency unit).' },
    { key: 'parameter_unknown', status: 400, title: 'Unknown parameter', category: 'Validation', retry: 'no', meaning: 'The request has a parameter Stripe does not recognize.', advice: 'Remove the parameter or check its spelling and API version.' },
    { key: 'amount_too_small', status: 400, title: 'Amount too small', category: 'Validation', retry: 'no', meaning: 'The amount is below the minimum for the currency.', advice: 'Raise the amount above the minimum charge.' },
    { key: 'api_key_expired', status: 401, title: 'API key expired', category: 'Authentication', retry: 'no', meaning: 'The API key has expired.', advice: 'Use a current key from the dashboard.' },
    { key: 'balance_insufficient', status: 400, title: 'Balance insufficient', category: 'Billing', retry: 'no', meaning: 'The Stripe balance is too low for the transfer or payout.', advice: 'Wait for funds to become available or lower the amount.' },
    { key: 'payment_intent_unexpected_state', status: 400, title: 'PaymentIntent in unexpected state', category: 'Conflict', retry: 'no', meaning: 'The PaymentIntent is in a state that does not allow this action.', advice: 'Retrieve the PaymentIntent and act according to its status.' },
  ],
});
