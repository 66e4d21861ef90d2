/**
 * Copies text. DevTools panels are often denied the async Clipboard API (no focus or no permission in
 * the extension frame), so a failure falls back to the legacy copy command on a hidden textarea.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyWithCommand(text);
  }
}

function copyWithCommand(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    // Deprecated but still the only synchronous path that works in a DevTools extension frame.
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
