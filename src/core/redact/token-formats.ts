/**
 * Known credential formats, as data: a value that matches one of these is a secret wherever it sits
 * (a response body echoing the key, an error message, a path segment, a header we would otherwise
 * keep). Each pattern is anchored on a vendor's fixed prefix, so it cannot match ordinary prose or
 * ids, and each is linear (a fixed prefix followed by a bounded or single-class run).
 *
 * Sources: the vendors' own documentation of their key formats, cross-checked against the gitleaks
 * default rule set (config/gitleaks.toml, rule ids in parentheses). A hand-kept list because the
 * maintained rule sets (secretlint's presets, gitleaks) are written against lint/CLI APIs and
 * Go/Node runtimes rather than as a browser-ready matcher; each entry here has its own test.
 */
export interface TokenFormat {
  readonly name: string;
  /** Text every match contains: the pattern runs only over text holding one (as gitleaks' keywords), which keeps the scan cheap. */
  readonly keywords: readonly string[];
  /** Source of the pattern (global flag is added by the scanner). */
  readonly pattern: string;
}

/**
 * Where a token may start: not inside a run of token characters. Besides avoiding matches in the
 * middle of longer words, it makes each run a single start, which keeps the scan linear
 * (`eyJa-eyJa-…` would otherwise be retried at every `eyJ`).
 */
const START = '(?<![0-9A-Za-z_-])';

export const TOKEN_FORMATS: readonly TokenFormat[] = [
  // Stripe secret and restricted keys, webhook signing secrets (docs.stripe.com/keys; gitleaks stripe-access-token).
  { name: 'Stripe key', keywords: ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_'], pattern: String.raw`${START}(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{10,}` },
  { name: 'Stripe webhook secret', keywords: ['whsec_'], pattern: String.raw`${START}whsec_[0-9A-Za-z]{20,}` },
  // GitHub tokens: ghp_/gho_/ghu_/ghs_/ghr_ and fine-grained github_pat_ (github.blog "Behind GitHub's new authentication token formats").
  { name: 'GitHub token', keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], pattern: String.raw`${START}gh[pousr]_[0-9A-Za-z]{36,}` },
  { name: 'GitHub fine-grained token', keywords: ['github_pat_'], pattern: String.raw`${START}github_pat_[0-9A-Za-z_]{22,}` },
  // GitLab personal/project/group access tokens (docs.gitlab.com token prefixes; gitleaks gitlab-pat).
  { name: 'GitLab token', keywords: ['gl'], pattern: String.raw`${START}gl(?:pat|dt|rt|ptt|oas|cbt|ft|imt|agent|soat)-[0-9A-Za-z_-]{20,}` },
  // Slack bot/user/app tokens (api.slack.com/authentication/token-types; gitleaks slack-bot-token…).
  { name: 'Slack token', keywords: ['xox'], pattern: String.raw`${START}xox[abposre]-[0-9A-Za-z-]{10,}` },
  { name: 'Slack app token', keywords: ['xapp-'], pattern: String.raw`${START}xapp-\d-[0-9A-Za-z-]{10,}` },
  // AWS access key ids (docs.aws.amazon.com IAM "unique identifier prefixes"; gitleaks aws-access-token, which
  // narrows the tail to base32: any upper-case letter or digit is taken here, so a near-miss still goes).
  { name: 'AWS access key id', keywords: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'], pattern: String.raw`${START}(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}\b` },
  // Google API keys and OAuth access tokens / client secrets (cloud.google.com/docs/authentication/api-keys; gitleaks gcp-api-key).
  { name: 'Google API key', keywords: ['AIza'], pattern: String.raw`${START}AIza[0-9A-Za-z_-]{35}` },
  { name: 'Google OAuth access token', keywords: ['ya29.'], pattern: String.raw`${START}ya29\.[0-9A-Za-z_-]{20,}` },
  { name: 'Google OAuth client secret', keywords: ['GOCSPX-'], pattern: String.raw`${START}GOCSPX-[0-9A-Za-z_-]{20,}` },
  // OpenAI (sk-, sk-proj-, sk-svcacct-, sk-admin-) and Anthropic (sk-ant-api03-, sk-ant-admin01-) keys (gitleaks openai-api-key, anthropic-api-key).
  { name: 'OpenAI / Anthropic key', keywords: ['sk-'], pattern: String.raw`${START}sk-(?:ant-|proj-|svcacct-|admin-)?[0-9A-Za-z_-]{20,}` },
  // SendGrid (docs.sendgrid.com API keys: SG.<22>.<43>; gitleaks sendgrid-api-token).
  { name: 'SendGrid key', keywords: ['SG.'], pattern: String.raw`${START}SG\.[0-9A-Za-z_-]{16,}\.[0-9A-Za-z_-]{16,}` },
  // Twilio API key sids (SK + 32 hex; twilio.com/docs/iam/api-keys; gitleaks twilio-api-key).
  { name: 'Twilio API key', keywords: ['SK'], pattern: String.raw`${START}SK[0-9a-fA-F]{32}\b` },
  // Mailgun private keys (key-<32>; gitleaks mailgun-private-api-token).
  { name: 'Mailgun key', keywords: ['key-'], pattern: String.raw`${START}key-[0-9a-z]{32}\b` },
  // npm access tokens (docs.npmjs.com "About access tokens"; gitleaks npm-access-token).
  { name: 'npm token', keywords: ['npm_'], pattern: String.raw`${START}npm_[0-9A-Za-z]{36}\b` },
  // PyPI upload tokens (pypi.org/help/#apitoken; gitleaks pypi-upload-token).
  { name: 'PyPI token', keywords: ['pypi-'], pattern: String.raw`${START}pypi-AgEIcHlwaS5vcmc[0-9A-Za-z_-]{50,}` },
  // Hugging Face user access tokens (huggingface.co/docs/hub/security-tokens; gitleaks huggingface-access-token).
  { name: 'Hugging Face token', keywords: ['hf_'], pattern: String.raw`${START}hf_[A-Za-z]{34,}` },
  // Shopify access tokens (shpat_/shpca_/shppa_/shpss_ + 32 hex; gitleaks shopify-access-token).
  { name: 'Shopify token', keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'], pattern: String.raw`${START}shp(?:at|ca|pa|ss)_[0-9a-fA-F]{32}` },
  // DigitalOcean personal access / OAuth tokens (gitleaks digitalocean-pat).
  { name: 'DigitalOcean token', keywords: ['do_v1_', 'dop_v1_', 'dor_v1_', 'doo_v1_'], pattern: String.raw`${START}do[opr]_v1_[0-9a-f]{64}` },
  // Square access tokens (gitleaks square-access-token).
  { name: 'Square token', keywords: ['EAAA', 'sq0atp-', 'sq0csp-'], pattern: String.raw`${START}(?:EAAA|sq0atp-|sq0csp-)[0-9A-Za-z_-]{22,}` },
  // Telegram bot tokens, also the path of every Bot API call: /bot<id>:<secret>/ (core.telegram.org/bots/api#authorizing-your-bot).
  { name: 'Telegram bot token', keywords: [':'], pattern: String.raw`(?:(?<=bot)|${START})\d{8,10}:[0-9A-Za-z_-]{35}` },
  // Discord bot tokens: base64 user id . timestamp . HMAC (discord.com/developers/docs/reference#authentication; gitleaks discord-api-token).
  { name: 'Discord bot token', keywords: ['.'], pattern: String.raw`${START}[MNO][0-9A-Za-z_-]{23,25}\.[0-9A-Za-z_-]{6}\.[0-9A-Za-z_-]{27,}` },
  // Azure storage account keys and SAS signatures in connection strings (learn.microsoft.com "Configure Azure Storage connection strings").
  { name: 'Azure connection string secret', keywords: ['AccountKey=', 'SharedAccessKey=', 'SharedAccessSignature='], pattern: String.raw`${START}(?:AccountKey|SharedAccessKey|SharedAccessSignature)=[^;"'\s]{8,}` },
  // Azure AD client secrets (3 chars, a digit, Q~; gitleaks azure-ad-client-secret).
  { name: 'Azure AD client secret', keywords: ['Q~'], pattern: String.raw`${START}[0-9A-Za-z_~.]{3}\dQ~[0-9A-Za-z_~.-]{31,34}` },
  // 1Password service account tokens and Age secret keys (gitleaks 1password-service-account-token, age-secret-key).
  { name: '1Password service account token', keywords: ['ops_eyJ'], pattern: String.raw`${START}ops_eyJ[0-9A-Za-z+/]{100,}={0,3}` },
  { name: 'Age secret key', keywords: ['AGE-SECRET-KEY-1'], pattern: String.raw`${START}AGE-SECRET-KEY-1[0-9A-Z]{58}` },
  // JSON Web Tokens: base64url JSON header (always `eyJ`), payload, signature (RFC 7519).
  { name: 'JWT', keywords: ['eyJ'], pattern: String.raw`${START}eyJ[0-9A-Za-z_-]{4,}\.[0-9A-Za-z_-]{4,}\.[0-9A-Za-z_-]*` },
  // Private keys in PEM, including the escaped newlines of a JSON string (RFC 7468; gitleaks private-key).
  {
    name: 'PEM private key',
    keywords: ['PRIVATE KEY'],
    pattern: String.raw`-----BEGIN[ A-Z0-9]{0,40} PRIVATE KEY(?: BLOCK)?-----(?:[A-Za-z0-9+/=\s\\:,]|-(?!-)){0,20000}-----END[ A-Z0-9]{0,40} PRIVATE KEY(?: BLOCK)?-----`,
  },
];
