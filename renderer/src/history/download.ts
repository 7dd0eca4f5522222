/**
 * Hands the browser a file to save (a download): the renderer never writes files itself. In the
 * desktop app the same anchor opens Electron's save dialog.
 */
export function saveDownload(fileName: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has read the blob by the time a person could click again.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name from a session or device name and a suffix: path separators and reserved characters become `_`. */
export function fileNameOf(base: string, suffix: string): string {
  const safe = base.replace(/[\\/:*?"<>|\s\p{Cc}]+/gu, '_').replace(/^[._]+|_+$/g, '');
  return `${safe || 'syncscope'}${suffix}`;
}
