/** Saves the whole log as `subtask_<id>.log`, as OCP's console names it. */
export function downloadLog(subtaskId: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = logFileName(subtaskId);
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has handed the blob to the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const logFileName = (subtaskId: string) => `subtask_${subtaskId.replace(/[^\w.-]/g, '_')}.log`;
