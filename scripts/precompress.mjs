// The precompressed copies beside every text and wasm file of a built site,
// for servers that send them as they are (nginx gzip_static/brotli_static,
// Caddy precompressed, S3 with Content-Encoding, GitHub Pages for .gz): the
// first load then costs what `make budget` reports, on any host.
//
//   node scripts/precompress.mjs DIR...
//
// The one owner of which files get copies (`compressible`) and how: FILE.br
// is brotli at quality 11 (node's zlib); FILE.gz is Zopfli, written by
// `waypoint gzip` (crates/cli/src/gzip.rs), ordinary gzip about 5% smaller
// than zlib's level 9. scripts/budget.mjs counts these copies' bytes.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

export const compressible = /\.(html|js|css|wasm|bin|svg)$/;

/** Every compressible file under `dir`. */
export function compressibleFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? compressibleFiles(path) : compressible.test(e.name) ? [path] : [];
  });
}

export function brotli(body) {
  return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
}

/** Writes FILE.gz beside each of `files` (Zopfli, through the `waypoint` binary). */
export function gzipFiles(files) {
  // A few hundred paths a call keeps each command line short.
  for (let i = 0; i < files.length; i += 500) {
    execFileSync('cargo', ['run', '--release', '--quiet', '--bin', 'waypoint', '--', 'gzip', ...files.slice(i, i + 500)], { stdio: 'inherit' });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dirs = process.argv.slice(2);
  if (!dirs.length) {
    console.error('usage: node scripts/precompress.mjs DIR...');
    process.exit(2);
  }
  const start = Date.now();
  const files = dirs.flatMap(compressibleFiles);
  for (const file of files) writeFileSync(`${file}.br`, brotli(readFileSync(file)));
  const brSeconds = (Date.now() - start) / 1000;
  gzipFiles(files);
  console.log(`precompress: ${files.length} files: .br (brotli 11) ${brSeconds.toFixed(1)} s, .gz (zopfli) written; ${((Date.now() - start) / 1000).toFixed(1)} s in all`);
}
