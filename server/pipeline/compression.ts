import type { FastifyCompressOptions } from '@fastify/compress';
import { constants as zlib } from 'node:zlib';

/** How the console's server compresses what it sends (registered in app.ts). */
export const COMPRESSION = {
  encodings: ['br', 'gzip'],
  // Quality 11 (zlib's default) takes ~1 s for a 2 MB task; 5 is within a few per cent of its size.
  brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } },
  zlibOptions: { level: 6 },
  threshold: 1024,
} satisfies FastifyCompressOptions;

/**
 * A subtask log can be 10 MB of text. Brotli (quality 5) holds its first byte back until it has
 * compressed about half a second of it, gzip streams at once and finishes in half the time, for 2–3 %
 * more bytes (10 MB data-check log, measured here: br 0.67 s / 917 KB, gzip 0.30 s / 940 KB). So logs
 * prefer gzip; a browser that takes only brotli still gets brotli.
 */
export const LOG_COMPRESSION = { ...COMPRESSION, encodings: ['gzip', 'br'] } satisfies FastifyCompressOptions;
