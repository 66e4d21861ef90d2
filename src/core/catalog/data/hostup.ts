import { codeEntries, type CodeRow } from '../define.ts';

/** An upstream/provider failure: HostUp's own dependency answered badly, nothing the caller can fix. */
function upstream(key: string, status: number, title: string, what: string): CodeRow {
  return {
    key,
    status,
    title,
    category: 'Upstream / Provider',
    retry: status === 409 ? 'conditional' : 'yes',
    meaning: `HostUp could not complete the request because its upstream provider failed or answered in an unexpected shape (${what}).`,
    advice:
      status === 409
        ? 'The provider refused the change in its current state: re-read the resource, then retry; contact HostUp support with the requestId if it keeps failing.'
        : 'A provider-side failure: retry later with backoff; if it persists, contact HostUp support with the requestId.',
  };
}

/** HostUp (seed 000): RFC 9457 problems with `code`, `requestId`, `timestamp`; one docs page per code. */
export const hostupCodes = codeEntries({
  api: 'HostUp',
  families: ['problem-details'],
  docsUrl: (key) => `https://developer.hostup.se/errors/${key}`,
  rows: [
    { key: 'vps_not_found', status: 404, title: 'VPS not found', category: 'VPS & Cloud', retry: 'no', meaning: 'No VPS matches the ID in the request, or it is not on your account.', advice: 'Check the VPS ID (e.g. list your VPSs first); do not retry with the same ID.' },
    upstream('decline_failed', 502, 'Decline failed', 'declining the action'),
    upstream('external_provider_failed', 502, 'External provider failed', 'an external provider call'),
    upstream('upstream_bulk_contacts_shape_invalid', 502, 'Upstream response invalid', 'bulk contacts'),
    upstream('upstream_bulk_dns_shape_invalid', 502, 'Upstream response invalid', 'bulk DNS'),
    upstream('upstream_bulk_nameservers_shape_invalid', 502, 'Upstream response invalid', 'bulk nameservers'),
    upstream('upstream_bulk_redirects_shape_invalid', 502, 'Upstream response invalid', 'bulk redirects'),
    upstream('upstream_bulk_status_sync_shape_invalid', 502, 'Upstream response invalid', 'bulk status sync'),
    upstream('upstream_cloud_quick_deploy_shape_invalid', 502, 'Upstream response invalid', 'cloud quick deploy'),
    upstream('upstream_dns_record_shape_invalid', 502, 'Upstream response invalid', 'DNS record'),
    upstream('upstream_failed', 409, 'Proxy rule creation failed', 'proxy rule creation'),
    upstream('upstream_invoice_shape_invalid', 502, 'Invoice unavailable after payment', 'invoice after payment'),
    upstream('upstream_mfa_methods_shape_invalid', 502, 'MFA methods lookup failed', 'MFA methods lookup'),
    upstream('upstream_object_storage_bucket_shape_invalid', 502, 'Upstream response invalid', 'object storage bucket'),
    upstream('upstream_object_storage_quota_shape_invalid', 502, 'Upstream response invalid', 'object storage quota'),
    upstream('upstream_renewal_regeneration_failed', 502, 'Renewal invoice regeneration failed', 'renewal invoice regeneration'),
    upstream('upstream_shared_hosting_product_shape_invalid', 502, 'Product catalog unavailable', 'shared hosting products'),
    upstream('upstream_shared_hosting_shape_invalid', 502, 'Upstream response invalid', 'shared hosting'),
    upstream('upstream_smartcopy_shape_invalid', 502, 'Upstream response invalid', 'SmartCopy'),
    upstream('upstream_tax_lookup_failed', 502, 'Tax lookup failed', 'tax lookup'),
    upstream('upstream_tld_product_shape_invalid', 502, 'TLD detail unavailable', 'TLD details'),
    upstream('upstream_unavailable', 503, 'Billing account unavailable', 'billing account'),
    upstream('upstream_vps_action_shape_invalid', 502, 'Upstream response invalid', 'VPS action'),
    upstream('upstream_vps_backup_schedule_shape_invalid', 502, 'Upstream failure', 'VPS backup schedule'),
    upstream('upstream_vps_backup_settings_shape_invalid', 502, 'Upstream failure', 'VPS backup settings'),
    upstream('upstream_vps_backups_shape_invalid', 502, 'VPS backups lookup failed', 'VPS backups lookup'),
    upstream('upstream_vps_product_shape_invalid', 502, 'Product catalog unavailable', 'VPS products'),
    upstream('upstream_vps_shape_invalid', 502, 'VPS lookup failed', 'VPS lookup'),
  ],
});
