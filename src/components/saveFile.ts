/** Hands `data` to the browser as a download named `name` (a suggestion: the browser may adjust it). */
export function saveFile(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has handed the blob to the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** An id or word safe in a file name on every system. */
export const fileNamePart = (text: string) => text.replace(/[^\w.-]/g, '_');
