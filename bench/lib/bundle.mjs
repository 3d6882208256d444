/**
 * First-route JavaScript: what dist/index.html loads before the app can draw anything, i.e. the
 * entry script and its modulepreloaded chunks, gzip -9 each. CSS is reported separately; every other
 * chunk in dist/assets (lazy routes, the layout worker) is listed as excluded.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

const attr = (tag, name) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];

/** The script, modulepreload and stylesheet URLs of an index.html. */
export function parseIndexHtml(html) {
  const scripts = [];
  const preloads = [];
  const styles = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    if (src && /type\s*=\s*["']module["']/i.test(tag)) scripts.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(tag, 'rel')?.toLowerCase();
    const href = attr(tag, 'href');
    if (!href) continue;
    if (rel === 'modulepreload') preloads.push(href);
    if (rel === 'stylesheet') styles.push(href);
  }
  return { scripts, preloads, styles };
}

const gzipSize = (buf) => gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length;

async function sizeOf(distDir, url) {
  const buf = await readFile(join(distDir, posix.normalize(url).replace(/^\/+/, '')));
  return { file: url.replace(/^\/+/, ''), bytes: buf.length, gzip: gzipSize(buf) };
}

async function listFiles(dir, base = dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full, base)));
    else
      out.push(
        full
          .slice(base.length + 1)
          .split('\\')
          .join('/'),
      );
  }
  return out;
}

export async function firstRouteSizes(distDir) {
  const { scripts, preloads, styles } = parseIndexHtml(await readFile(join(distDir, 'index.html'), 'utf8'));
  const js = await Promise.all([...new Set([...scripts, ...preloads])].map((u) => sizeOf(distDir, u)));
  const css = await Promise.all(styles.map((u) => sizeOf(distDir, u)));
  const loaded = new Set([...js, ...css].map((f) => f.file));
  const lazy = [];
  for (const file of await listFiles(distDir)) {
    if (/\.(m?js)$/.test(file) && !loaded.has(file)) lazy.push(await sizeOf(distDir, file));
  }
  const sum = (files) => files.reduce((n, f) => n + f.gzip, 0);
  return { js, css, lazy, jsGzip: sum(js), cssGzip: sum(css), lazyGzip: sum(lazy) };
}

/** Gzip -9 size of some built files, by their URL paths. */
export async function gzipTotal(distDir, urls) {
  let total = 0;
  for (const u of urls) total += (await sizeOf(distDir, u)).gzip;
  return total;
}
