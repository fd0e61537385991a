// Minifies wasm-bindgen's JavaScript glue after Trunk has built a page, and
// updates the page's Subresource Integrity hash for it. Trunk's own
// minifier gives up on the glue (it stops at `export default`), which left
// about 2 KB brotli on every first load; terser reads it whole.
//
//   node scripts/minify-glue.mjs DIR [DIR ...]    (each holds an index.html)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

for (const dir of process.argv.slice(2)) {
  const page = join(dir, 'index.html');
  let html = readFileSync(page, 'utf8');
  for (const name of readdirSync(dir).filter((f) => /^waypoint-web-[0-9a-f]+\.js$/.test(f))) {
    const path = join(dir, name);
    const before = readFileSync(path, 'utf8');
    const { code } = await minify(before, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
    if (code.length >= before.length) continue;
    writeFileSync(path, code);
    const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
    // The modulepreload link carries the hash; the loader imports the file.
    const link = new RegExp(`(href=["']?/?[^"' >]*${name.replace('.', '\\.')}["']?[^>]*?integrity=["']?)sha384-[A-Za-z0-9+/=]+`);
    const linkFirst = new RegExp(`(integrity=["']?)sha384-[A-Za-z0-9+/=]+(["']?[^>]*?href=["']?/?[^"' >]*${name.replace('.', '\\.')})`);
    const updated = html.replace(link, `$1${integrity}`).replace(linkFirst, `$1${integrity}$2`);
    if (updated === html && html.includes('integrity=')) throw new Error(`${page}: no integrity hash found for ${name}`);
    html = updated;
    console.log(`minify-glue: ${path}: ${before.length} -> ${code.length} bytes`);
  }
  writeFileSync(page, html);
}
