import { codeEntries, type CodeRow } from '../define.ts';

/** The 100xx "Unknown …" family: an ID that does not exist or is not visible to this token. */
function unknown(key: string, thing: string): CodeRow {
  return {
    key,
    status: 404,
    title: `Unknown ${thing}`,
    category: 'Not found',
    retry: 'no',
    meaning: `The ${thing} ID does not exist, was deleted, or is not visible to this token.`,
    advice: `Check the ${thing} ID and that the bot can see it; drop the cached ID if it was deleted.`,
  };
}

/**
 * Discord JSON error codes (seed 003; numbers from Discord's published table, wording ours). Code 0,
 * "general error", is left out on purpose: it says nothing the status does not, so the status decides.
 */
export const discordCodes = codeEntries({
  api: 'Discord',
  families: ['discord'],
  docsUrl: () => 'https://discord.com/developers/docs/topics/opcodes-and-status-codes#json-json-error-codes',
  rows: [
    unknown('10001', 'account'),
    unknown('10002', 'application'),
    unknown('10003', 'channel'),
    unknown('10004', 'guild'),
    unknown('10005', 'integration'),
    unknown('10006', 'invite'),
    unknown('10007', 'member'),
    unknown('10008', 'message'),
    unknown('10009', 'permission overwrite'),
    unknown('10011', 'role'),
    unknown('10012', 'token'),
    unknown('10013', 'user'),
    unknown('10014', 'emoji'),
    unknown('10015', 'webhook'),
    unknown('10062', 'interaction'),
    unknown('10063', 'application command'),
    { key: '20001', status: 403, title: 'Bots cannot use this endpoint', category: 'Permission', retry: 'no', meaning: 'The endpoint is for user accounts only.', advice: 'Use an endpoint available to bots.' },
    { key: '20028', status: 429, title: 'Channel write rate limit', category: 'Rate limit', retry: 'after-delay', meaning: 'Too many messages were written to this channel in a short time.', advice: 'Wait for retry_after and send fewer messages to this channel.' },
    { key: '30001', status: 400, title: 'Maximum number of guilds reached', category: 'Service limit', retry: 'no', meaning: 'The account is in the maximum number of guilds (100).', advice: 'Leave a guild before joining another.' },
    { key: '30007', status: 400, title: 'Maximum number of webhooks reached', category: 'Service limit', retry: 'no', meaning: 'The channel already has the maximum number of webhooks.', advice: 'Delete or reuse an existing webhook.' },
    { key: '40001', status: 401, title: 'Unauthorized', category: 'Authentication', retry: 'no', meaning: 'The request lacks valid authorization.', advice: 'Send `Authorization: Bot <token>` with a valid token.' },
    { key: '40002', status: 403, title: 'Account verification required', category: 'Permission', retry: 'no', meaning: 'The account must be verified before it can do this.', advice: 'Verify the account (email/phone), then retry.' },
    { key: '40005', status: 413, title: 'Request entity too large', category: 'Too large', retry: 'no', meaning: 'The request body or upload exceeds the size limit.', advice: 'Send smaller files or split the upload.' },
    { key: '40060', status: 400, title: 'Interaction already acknowledged', category: 'Conflict', retry: 'no', meaning: 'The interaction was already responded to.', advice: 'Use a follow-up message or edit the original response instead of responding again.' },
    { key: '40062', status: 429, title: 'Service resource is being rate limited', category: 'Rate limit', retry: 'after-delay', meaning: 'A shared service resource is rate limited.', advice: 'Back off and retry after retry_after.' },
    { key: '50001', status: 403, title: 'Missing access', category: 'Permission', retry: 'no', meaning: 'The bot cannot see the channel or guild (no View Channel access, or it is not a member).', advice: 'Give the bot access to the channel or guild (View Channel), or add it to the guild.' },
    { key: '50005', status: 403, title: 'Cannot edit a message authored by another user', category: 'Permission', retry: 'no', meaning: 'Only the author can edit a message.', advice: 'Edit only messages the bot sent.' },
    { key: '50006', status: 400, title: 'Cannot send an empty message', category: 'Validation', retry: 'no', meaning: 'The message has no content, embeds, files or components.', advice: 'Include content, an embed, a file or a component.' },
    { key: '50007', status: 403, title: 'Cannot send messages to this user', category: 'Permission', retry: 'no', meaning: 'The user blocks DMs from the bot or shares no guild with it.', advice: 'Do not retry; reach the user in a guild channel instead.' },
    { key: '50013', status: 403, title: 'Missing permissions', category: 'Permission', retry: 'no', meaning: 'The bot lacks a permission this action needs (e.g. Manage Messages) or the target role is above its own.', advice: 'Grant the bot the missing permission in the guild or channel overwrites, or move its role higher.' },
    { key: '50014', status: 401, title: 'Invalid authentication token', category: 'Authentication', retry: 'no', meaning: 'The token in the Authorization header is invalid (revoked, reset or malformed).', advice: 'Reset the token in the developer portal and send the new one.' },
    { key: '50025', status: 401, title: 'Invalid OAuth2 access token', category: 'Authentication', retry: 'no', meaning: 'The OAuth2 access token is invalid or expired.', advice: 'Refresh the access token with the refresh token.' },
    { key: '50026', status: 403, title: 'Missing required OAuth2 scope', category: 'Permission', retry: 'no', meaning: 'The OAuth2 token was granted without a scope this endpoint needs.', advice: 'Re-authorize with the missing scope.' },
    { key: '50034', status: 400, title: 'Message too old to bulk delete', category: 'Validation', retry: 'no', meaning: 'Bulk delete only accepts messages younger than two weeks.', advice: 'Delete older messages one by one.' },
    { key: '50035', status: 400, title: 'Invalid Form Body', category: 'Validation', retry: 'no', meaning: 'One or more fields failed validation; the `errors` tree holds the reasons per field under `_errors`.', advice: 'Fix the fields listed in `errors` and resend.' },
    { key: '50109', status: 400, title: 'Request body contains invalid JSON', category: 'Bad request', retry: 'no', meaning: 'The body is not valid JSON.', advice: 'Fix the JSON syntax and send Content-Type: application/json.' },
    { key: '60003', status: 403, title: 'Two-factor authentication required', category: 'Permission', retry: 'no', meaning: 'The guild requires 2FA for this moderation action.', advice: 'Enable 2FA on the bot owner\'s account.' },
    { key: '110000', status: 202, title: 'Search index not ready', category: 'Pending', retry: 'after-delay', meaning: 'Message search answered 202: the index is not yet available.', advice: 'Wait for retry_after (0 means a short delay) and search again.' },
    { key: '130000', status: 503, title: 'API resource overloaded', category: 'Overloaded', retry: 'yes', meaning: 'The API resource is temporarily overloaded.', advice: 'Retry later with backoff.' },
    { key: '160005', status: 400, title: 'Thread is locked', category: 'Conflict', retry: 'no', meaning: 'The thread is locked and accepts no new messages.', advice: 'Unlock the thread or post elsewhere.' },
    { key: '200000', status: 400, title: 'Message blocked by automatic moderation', category: 'Moderation', retry: 'no', meaning: 'AutoMod blocked the message content.', advice: 'Change the content; retrying it unchanged will be blocked again.' },
  ],
});
