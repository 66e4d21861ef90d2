import { codeEntries } from '../define.ts';

/** Cloudflare 1xxx error codes shown on its block and error pages. */
export const cloudflareCodes = codeEntries({
  api: 'Cloudflare',
  families: ['html-page', 'plain-text'],
  docsUrl: () => 'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-1xxx-errors/',
  rows: [
    { key: '1015', status: 429, title: 'You are being rate limited', category: 'Rate limit', retry: 'after-delay', meaning: 'A Cloudflare rate-limiting rule of the site blocked this client.', advice: 'Slow down and retry later; the site owner sets the window.' },
    { key: '1020', status: 403, title: 'Access denied', category: 'Permission', retry: 'no', meaning: 'A firewall rule of the site blocked the request.', advice: 'Retrying will not help; contact the site owner with the Ray ID.' },
    { key: '1006', status: 403, title: 'Access denied: IP banned', category: 'Permission', retry: 'no', meaning: 'The site owner banned this IP address.', advice: 'Contact the site owner with the Ray ID.' },
  ],
});
