// Orders the release wasm's functions so that functions alike sit side by
// side, then drops their names.
//
// gzip finds repeats only within the last 32 KB it has read, and the wasm
// is ~350 KB of code; two near-identical functions (yew's monomorphised
// copies, the views' element builders) compress to almost nothing when
// they are neighbours and to their full size when they are far apart.
// wasm-opt can order functions only by name, so this script gives each
// function a name that says where it should go and asks wasm-opt to sort
// by it (`--reorder-functions-by-name`; no other pass, so the code itself
// is what `-Oz` made it) and to drop the names (`--strip-debug`).
//
// Where it should go: a chain that always steps to the function not yet
// placed most similar to one of the last few placed, similarity being the
// MinHash estimate of the Jaccard index of the bodies' 4-byte shingles;
// of a few such chains, the one whose code compresses smallest.
// Brotli's window is far larger, so this is for gzip-only hosts.
//
// Trunk's wasm-opt keeps the names for this step (`-g` in index.html).
//
//   node scripts/order-functions.mjs FILE.wasm [FILE.wasm ...]   (in place)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { leb, readLeb } from './wasm-leb.mjs';

/** The sections of a wasm module: { id, start, end, name? } (start/end of the payload). */
function sections(wasm) {
  const out = [];
  let pos = 8;
  while (pos < wasm.length) {
    const id = wasm[pos];
    const [size, body] = readLeb(wasm, pos + 1);
    const section = { id, head: pos, start: body, end: body + size };
    if (id === 0) {
      const [len, at] = readLeb(wasm, body);
      section.name = wasm.subarray(at, at + len).toString();
    }
    out.push(section);
    pos = body + size;
  }
  return out;
}

/** How many functions the module imports (they come first in the index space). */
function importedFunctions(wasm, section) {
  let [count, pos] = readLeb(wasm, section.start);
  let functions = 0;
  const skipName = (p) => {
    const [len, at] = readLeb(wasm, p);
    return at + len;
  };
  while (count--) {
    pos = skipName(skipName(pos));
    const kind = wasm[pos++];
    if (kind === 0) {
      functions++;
      pos = readLeb(wasm, pos)[1];
    } else if (kind === 1) {
      pos++; // reftype
      const flags = wasm[pos++];
      pos = readLeb(wasm, pos)[1];
      if (flags & 1) pos = readLeb(wasm, pos)[1];
    } else if (kind === 2) {
      const flags = wasm[pos++];
      pos = readLeb(wasm, pos)[1];
      if (flags & 1) pos = readLeb(wasm, pos)[1];
    } else if (kind === 3) {
      pos += 2; // valtype, mutability
    } else {
      throw new Error(`import kind ${kind} not understood`);
    }
  }
  return functions;
}

/** The defined functions' bodies, in order. */
function bodies(wasm, section) {
  let [count, pos] = readLeb(wasm, section.start);
  const out = [];
  while (count--) {
    const [size, at] = readLeb(wasm, pos);
    out.push(wasm.subarray(at, at + size));
    pos = at + size;
  }
  return out;
}

const HASHES = 192;
// Odd multipliers for a family of cheap hash functions over 32-bit shingles.
const SEEDS = Array.from({ length: HASHES }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0);

function signature(body) {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (let i = 0; i + 4 <= body.length; i++) {
    const shingle = (body[i] | (body[i + 1] << 8) | (body[i + 2] << 16) | (body[i + 3] << 24)) >>> 0;
    for (let h = 0; h < HASHES; h++) {
      let x = Math.imul(shingle ^ SEEDS[h], SEEDS[h]) >>> 0;
      x = (x ^ (x >>> 15)) >>> 0;
      if (x < sig[h]) sig[h] = x;
    }
  }
  return sig;
}

/**
 * One order to place the functions in: a greedy chain from `start`, each
 * step to the function not yet placed most like one of the last `recent`
 * placed (gzip still sees them).
 */
function chain(list, sigs, start, recent) {
  const n = list.length;
  const placed = new Uint8Array(n);
  const order = [];
  let current = start;
  for (let step = 0; step < n; step++) {
    placed[current] = 1;
    order.push(current);
    let best = -1, bestScore = -1;
    const near = order.slice(-recent).map((i) => sigs[i]);
    for (let j = 0; j < n; j++) {
      if (placed[j]) continue;
      const b = sigs[j];
      let same = 0;
      for (const a of near) {
        let matches = 0;
        for (let h = 0; h < HASHES; h++) if (a[h] === b[h]) matches++;
        same = Math.max(same, matches);
      }
      // Ties go to the function nearest in size, then to the earliest.
      const score = same * 1e6 - Math.min(999999, Math.abs(list[j].length - list[current].length));
      if (score > bestScore) {
        bestScore = score;
        best = j;
      }
    }
    if (best < 0) break;
    current = best;
  }
  return order;
}

/**
 * The orders to try: chains from the first and from the largest function,
 * looking back one to three functions. They differ by a few hundred bytes
 * either way, and which wins depends on the code, so each build measures
 * (`order`) rather than guesses.
 */
export function candidateOrders(list) {
  const sigs = list.map(signature);
  let largest = 0;
  list.forEach((body, i) => { if (body.length > list[largest].length) largest = i; });
  return [...new Set([0, largest])].flatMap((start) => [1, 2, 3].map((recent) => ({ start, recent, order: chain(list, sigs, start, recent) })));
}

/** A name section whose function names sort in `order`. */
function nameSection(imported, order) {
  const width = String(order.length).length;
  const entries = [];
  // Imports keep their place (they are not in the code section); name them
  // too so every index has a name.
  for (let i = 0; i < imported; i++) entries.push([i, `import${i}`]);
  order.forEach((defined, rank) => entries.push([imported + defined, `f${String(rank).padStart(width, '0')}`]));
  entries.sort((x, y) => x[0] - y[0]);
  const names = Buffer.concat([
    leb(entries.length),
    ...entries.map(([index, name]) => Buffer.concat([leb(index), leb(name.length), Buffer.from(name)])),
  ]);
  const sub = Buffer.concat([Buffer.from([1]), leb(names.length), names]);
  const payload = Buffer.concat([leb(4), Buffer.from('name'), sub]);
  return Buffer.concat([Buffer.from([0]), leb(payload.length), payload]);
}

function order(file) {
  const wasm = readFileSync(file);
  const all = sections(wasm);
  const code = all.find((s) => s.id === 10);
  if (!code) throw new Error(`${file}: no code section`);
  const imports = all.find((s) => s.id === 2);
  const imported = imports ? importedFunctions(wasm, imports) : 0;
  const list = bodies(wasm, code);
  // Every section but the old names, then the new names.
  const kept = all.filter((s) => !(s.id === 0 && s.name === 'name')).map((s) => wasm.subarray(s.head, s.end));
  // The features the module was built with (index.html's wasm-opt flags).
  const features = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
    '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];
  const tmp = `${file}.named`;
  let best = null;
  for (const candidate of candidateOrders(list)) {
    writeFileSync(tmp, Buffer.concat([wasm.subarray(0, 8), ...kept, nameSection(imported, candidate.order)]));
    execFileSync('wasm-opt', [...features, '--reorder-functions-by-name', '--strip-debug', tmp, '-o', `${file}.ordered`], { stdio: 'inherit' });
    const bytes = readFileSync(`${file}.ordered`);
    const size = gzipSync(bytes, { level: 9 }).length;
    if (!best || size < best.size) best = { ...candidate, bytes, size };
  }
  writeFileSync(file, best.bytes);
  rmSync(tmp);
  rmSync(`${file}.ordered`);
  return { functions: list.length, before: wasm.length, after: best.bytes.length, start: best.start, recent: best.recent };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of process.argv.slice(2)) {
    const r = order(file);
    console.log(`order-functions: ${file}: ${r.functions} functions ordered by likeness (chain from function ${r.start}, looking back ${r.recent}), ${r.before} -> ${r.after} bytes`);
  }
}
