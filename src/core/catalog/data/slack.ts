import { codeEntries } from '../define.ts';

/** Slack Web API `error` strings (sent with HTTP 200 and ok:false, except ratelimited on 429). */
export const slackCodes = codeEntries({
  api: 'Slack',
  families: ['slack'],
  docsUrl: () => 'https://api.slack.com/web#errors',
  rows: [
    { key: 'ratelimited', status: 429, title: 'Rate limited', category: 'Rate limit', retry: 'after-delay', meaning: 'The method\'s rate-limit tier was exceeded for this workspace and app.', advice: 'Wait for Retry-After seconds, then retry; spread calls to stay within the tier.' },
    { key: 'channel_not_found', status: 200, title: 'Channel not found', category: 'Not found', retry: 'no', meaning: 'The channel ID is wrong, or the token cannot see the channel (private channel the app is not in).', advice: 'Use the channel ID (not its name) and invite the app to private channels.' },
    { key: 'not_in_channel', status: 200, title: 'Not in channel', category: 'Permission', retry: 'no', meaning: 'The bot is not a member of the channel.', advice: 'Invite the bot to the channel (or call conversations.join for public ones).' },
    { key: 'is_archived', status: 200, title: 'Channel archived', category: 'Conflict', retry: 'no', meaning: 'The channel is archived.', advice: 'Unarchive the channel or post elsewhere.' },
    { key: 'not_authed', status: 200, title: 'Not authenticated', category: 'Authentication', retry: 'no', meaning: 'No token was sent.', advice: 'Send the token as `Authorization: Bearer xoxb-…`.' },
    { key: 'invalid_auth', status: 200, title: 'Invalid auth', category: 'Authentication', retry: 'no', meaning: 'The token is invalid, or the request came from a disallowed IP.', advice: 'Check the token and the app\'s IP allow list.' },
    { key: 'account_inactive', status: 200, title: 'Account inactive', category: 'Authentication', retry: 'no', meaning: 'The token belongs to a deleted user or a disabled workspace.', advice: 'Reinstall the app to get a new token.' },
    { key: 'token_revoked', status: 200, title: 'Token revoked', category: 'Authentication', retry: 'no', meaning: 'The token was revoked (app uninstalled or token rotated).', advice: 'Reinstall the app or refresh the token.' },
    { key: 'token_expired', status: 200, title: 'Token expired', category: 'Authentication', retry: 'no', meaning: 'The token expired (token rotation is on).', advice: 'Refresh the token with the refresh token, then retry.' },
    { key: 'missing_scope', status: 200, title: 'Missing scope', category: 'Permission', retry: 'no', meaning: 'The token lacks a scope the method needs; `needed` names it.', advice: 'Add the scope named in `needed` to the app and reinstall it.' },
    { key: 'invalid_arguments', status: 200, title: 'Invalid arguments', category: 'Validation', retry: 'no', meaning: 'An argument is missing or has the wrong type.', advice: 'Read response_metadata.messages for the argument and fix it.' },
    { key: 'msg_too_long', status: 200, title: 'Message too long', category: 'Validation', retry: 'no', meaning: 'The message text is too long.', advice: 'Shorten the text or split the message.' },
    { key: 'no_text', status: 200, title: 'No text', category: 'Validation', retry: 'no', meaning: 'The message has no text (and no blocks or attachments).', advice: 'Send text or blocks.' },
    { key: 'user_not_found', status: 200, title: 'User not found', category: 'Not found', retry: 'no', meaning: 'The user ID is wrong or not in this workspace.', advice: 'Check the user ID.' },
    { key: 'invalid_json', status: 200, title: 'Invalid JSON', category: 'Bad request', retry: 'no', meaning: 'The JSON body could not be parsed.', advice: 'Fix the JSON and send Content-Type: application/json; charset=utf-8.' },
    { key: 'request_timeout', status: 200, title: 'Request timeout', category: 'Timeout', retry: 'yes', meaning: 'The request body arrived incomplete or too slowly.', advice: 'Retry the call.' },
    { key: 'fatal_error', status: 200, title: 'Fatal error', category: 'Server error', retry: 'conditional', meaning: 'Slack hit an unexpected error; the action may or may not have happened.', advice: 'Check whether the action took effect before retrying.' },
    { key: 'internal_error', status: 200, title: 'Internal error', category: 'Server error', retry: 'yes', meaning: 'A server error on Slack\'s side.', advice: 'Retry with backoff.' },
    { key: 'service_unavailable', status: 200, title: 'Service unavailable', category: 'Unavailable', retry: 'yes', meaning: 'The service is temporarily unavailable.', advice: 'Retry with backoff.' },
  ],
});
