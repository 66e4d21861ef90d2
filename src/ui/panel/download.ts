/**
 * Saves text as a file through a Blob URL and an `<a download>` click: it works in a DevTools
 * extension frame with no downloads permission. The URL is revoked once the click has been handled.
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoking at once can cancel the download in Chromium; the next task is late enough.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
