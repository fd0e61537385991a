// Minifies wasm-bindgen's JavaScript glue after Trunk has built a page,
// shortens the names the wasm imports its glue functions by, and updates
// the page's Subresource Integrity hashes for both files.
//
// Trunk's own minifier gives up on the glue (it stops at `export default`),
// which left about 2 KB brotli on every first load; terser reads it whole.
// wasm-bindgen names each import `__wbg_<name>_<16 hex digits>` from the
// module "./<crate>_bg.js", and both the wasm and the glue carry every
// name: the hex digits do not compress. Each import is renamed to a short
// one (a, b, … ; module "a") in the wasm's import section and in the glue's
// import object; nothing else in either file refers to them, and every
// renamed import is checked to be defined by the glue. Likewise the exports
// the glue reads (wasm-bindgen's allocator, closure shims with long mangled
// names): `$a`, `$b`, … in both, for those the glue only ever reads as a
// property; `memory` and the rest keep their names.
//
//   node scripts/minify-glue.mjs DIR [DIR ...]    (each holds an index.html)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';
import { leb, readLeb } from './wasm-leb.mjs';

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** Replaces the integrity hash of the tag naming `file` in `html`. */
function setIntegrity(html, file, integrity, page) {
  const name = file.replace(/\./g, '\\.');
  const link = new RegExp(`(href=["']?/?[^"' >]*${name}["']?[^>]*?integrity=["']?)sha384-[A-Za-z0-9+/=]+`);
  const linkFirst = new RegExp(`(integrity=["']?)sha384-[A-Za-z0-9+/=]+(["']?[^>]*?href=["']?/?[^"' >]*${name})`);
  const updated = html.replace(link, `$1${integrity}`).replace(linkFirst, `$1${integrity}$2`);
  if (updated === html && html.includes('integrity=') && !html.includes(integrity)) throw new Error(`${page}: no integrity hash found for ${file}`);
  return updated;
}

// --- The wasm's import section -------------------------------------------

const text = (s) => Buffer.concat([leb(Buffer.byteLength(s)), Buffer.from(s)]);

/** Short names: a … z, A … Z, then two letters, and so on (never a keyword: none is 2 letters long but "do", "if", "in"). */
function* shortNames() {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const reserved = new Set(['do', 'if', 'in']);
  for (let n = 0; ; n++) {
    let s = '', i = n;
    do {
      s = letters[i % letters.length] + s;
      i = Math.floor(i / letters.length) - 1;
    } while (i >= 0);
    if (!reserved.has(s)) yield s;
  }
}

/**
 * The wasm with every import renamed (module "a", names from `shortNames`)
 * and the exports `exportName` gives a new name renamed, with the maps
 * from the old (module, name) to the new import name and from the old
 * export name to the new.
 */
function renameImports(wasm, exportName = () => null) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const parts = [wasm.subarray(0, 8)];
  const renamed = new Map();
  const renamedExports = new Map();
  let pos = 8;
  while (pos < wasm.length) {
    const id = wasm[pos];
    const [size, start] = readLeb(wasm, pos + 1);
    const end = start + size;
    if (id === 7) {
      // Exports: (name, kind, index); renamed where `exportName` says.
      let [count, p] = readLeb(wasm, start);
      const body = [leb(count)];
      for (let i = 0; i < count; i++) {
        const [len, q] = readLeb(wasm, p);
        const name = wasm.subarray(q, q + len).toString();
        p = q + len;
        const descStart = p;
        p = readLeb(wasm, p + 1)[1];
        const short = exportName(name);
        if (short) renamedExports.set(name, short);
        body.push(text(short ?? name), wasm.subarray(descStart, p));
      }
      if (p !== end) throw new Error('export section not read to its end');
      const section = Buffer.concat(body);
      parts.push(Buffer.from([7]), leb(section.length), section);
      pos = end;
      continue;
    }
    if (id !== 2) {
      parts.push(wasm.subarray(pos, end));
      pos = end;
      continue;
    }
    let [count, p] = readLeb(wasm, start);
    const names = shortNames();
    const body = [leb(count)];
    const str = () => {
      const [len, q] = readLeb(wasm, p);
      p = q + len;
      return wasm.subarray(q, p).toString();
    };
    const skipLeb = () => { p = readLeb(wasm, p)[1]; };
    const limits = () => {
      const flags = wasm[p++];
      skipLeb();
      if (flags & 1) skipLeb();
    };
    for (let i = 0; i < count; i++) {
      const module = str(), name = str();
      const descStart = p;
      const kind = wasm[p++];
      if (kind === 0) skipLeb(); // function: type index
      else if (kind === 1) { p++; limits(); } // table: reftype, limits
      else if (kind === 2) limits(); // memory
      else if (kind === 3) p += 2; // global: valtype, mutability
      else if (kind === 4) { p++; skipLeb(); } // tag
      else throw new Error(`unknown import kind ${kind}`);
      const short = names.next().value;
      renamed.set(`${module}\0${name}`, short);
      body.push(text('a'), text(short), wasm.subarray(descStart, p));
    }
    if (p !== end) throw new Error('import section not read to its end');
    const section = Buffer.concat(body);
    parts.push(Buffer.from([2]), leb(section.length), section);
    pos = end;
  }
  return { wasm: Buffer.concat(parts), renamed, renamedExports };
}

/** The glue with the import object's keys renamed as in `renamed`. */
function renameInGlue(js, renamed) {
  const modules = new Set([...renamed.keys()].map((k) => k.split('\0')[0]));
  if (modules.size !== 1) throw new Error(`imports from ${modules.size} modules; expected one`);
  const [module] = modules;
  // The import object's one module key, quoted: {"./x_bg.js": …}.
  const quoted = new RegExp(`(["'])${module.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1`, 'g');
  if ((js.match(quoted) ?? []).length !== 1) throw new Error(`the glue names ${module} other than once`);
  js = js.replace(quoted, '"a"');
  for (const [key, short] of renamed) {
    const name = key.split('\0')[1];
    // Each import is one property of the import object: `name:function…`.
    const property = new RegExp(`(?<![\\w$])${name}(?=:)`, 'g');
    const uses = (js.match(new RegExp(`(?<![\\w$])${name}(?![\\w$])`, 'g')) ?? []).length;
    if (uses !== 1 || (js.match(property) ?? []).length !== 1) throw new Error(`the glue names import ${name} ${uses} times, not once as a property`);
    js = js.replace(property, short);
  }
  return js;
}

for (const dir of process.argv.slice(2)) {
  const page = join(dir, 'index.html');
  let html = readFileSync(page, 'utf8');
  for (const name of readdirSync(dir).filter((f) => /^waypoint-web-[0-9a-f]+\.js$/.test(f))) {
    const path = join(dir, name);
    const before = readFileSync(path, 'utf8');
    const { code } = await minify(before, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
    let glue = code.length < before.length ? code : before;
    const wasmName = name.replace(/\.js$/, '_bg.wasm');
    const wasmPath = join(dir, wasmName);
    const wasmBefore = readFileSync(wasmPath);
    // The exports the glue reads only as `<instance>.name`, each renamed
    // `$a`, `$b`, … (the `$` keeps them apart from every other name).
    const exportNames = shortNames();
    const onlyAsProperty = (name) => {
      const uses = (glue.match(new RegExp(`(?<![\\w$])${name}(?![\\w$])`, 'g')) ?? []).length;
      const properties = (glue.match(new RegExp(`(?<=[\\w$]\\.)${name}(?![\\w$])`, 'g')) ?? []).length;
      return uses > 0 && uses === properties;
    };
    const { wasm, renamed, renamedExports } = renameImports(wasmBefore, (name) =>
      name !== 'memory' && /^[\w]+$/.test(name) && onlyAsProperty(name) ? `$${exportNames.next().value}` : null,
    );
    glue = renameInGlue(glue, renamed);
    for (const [name, short] of renamedExports) {
      glue = glue.replace(new RegExp(`(?<=[\\w$]\\.)${name}(?![\\w$])`, 'g'), short);
    }
    // Every import the wasm now names is one the glue defines.
    const defined = new Set([...glue.matchAll(/(?<![\w$])([A-Za-z]{1,2}):function/g)].map((m) => m[1]));
    for (const short of renamed.values()) if (!defined.has(short)) throw new Error(`${path}: import ${short} is not defined`);
    writeFileSync(path, glue);
    writeFileSync(wasmPath, wasm);
    html = setIntegrity(html, name, sri(glue), page);
    html = setIntegrity(html, wasmName, sri(wasm), page);
    console.log(`minify-glue: ${path}: ${before.length} -> ${glue.length} bytes; ${wasmName}: ${renamed.size} imports and ${renamedExports.size} exports renamed, ${wasmBefore.length} -> ${wasm.length} bytes`);
  }
  writeFileSync(page, html);
}
