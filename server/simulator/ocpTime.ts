/** OCP's servers run in China Standard Time and write every date with that offset. */
const OFFSET_MS = 8 * 3600_000;

/**
 * `2021-08-25T15:09:31.74+08:00`: ISO-8601 with a +08:00 offset and trailing zeros of the fraction
 * dropped (`.740` → `.74`, `.000` → nothing), as Jackson writes an OffsetDateTime.
 */
export function formatOcpTime(ms: number): string {
  const local = new Date(ms + OFFSET_MS).toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ
  const fraction = local.slice(20, 23).replace(/0+$/, '');
  return `${local.slice(0, 19)}${fraction ? `.${fraction}` : ''}+08:00`;
}
