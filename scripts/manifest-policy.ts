/**
 * What Faultline's manifest must never ask for. It reads only what DevTools already shows the user
 * (devtools.network) and its popup decodes what the user pastes: it needs no host access, runs no code
 * in web pages and never attaches the debugger. Each of those would also make store review ask why,
 * and Chrome would warn users at install ("read and change all your data on all websites").
 */

const PERMISSION_KEYS = ['permissions', 'optional_permissions'] as const;
const HOST_PERMISSION_KEYS = ['host_permissions', 'optional_host_permissions'] as const;

/** `<all_urls>` or a match pattern such as `https://api.example.com/` plus a path glob (MV2 listed them as permissions). */
const isHostPattern = (permission: string): boolean => permission === '<all_urls>' || permission.includes('://');

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Every way `manifest` asks for more than Faultline may, in words; empty when it asks for none of it. */
export function manifestViolations(manifest: unknown): string[] {
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) return ['the manifest is not a JSON object'];
  const fields = manifest as Record<string, unknown>;
  const violations: string[] = [];
  for (const key of HOST_PERMISSION_KEYS) {
    const hosts = listOf(fields[key]);
    if (hosts.length > 0) violations.push(`${key} asks for host access: ${hosts.join(', ')}`);
  }
  for (const key of PERMISSION_KEYS) {
    for (const permission of listOf(fields[key])) {
      if (permission === 'debugger') violations.push(`${key} asks for the debugger`);
      else if (typeof permission === 'string' && isHostPattern(permission)) violations.push(`${key} asks for host access: ${permission}`);
    }
  }
  if (listOf(fields['content_scripts']).length > 0) violations.push('content_scripts injects code into web pages');
  return violations;
}
