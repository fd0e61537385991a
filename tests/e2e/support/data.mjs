// Reads Waypoint's own data files, so the specs compare the page against
// the source of truth instead of against numbers copied by hand.
//
// A deliberately small TOML reader: it understands exactly what data/
// uses (comments, [table], [[array.of.tables]], bare/quoted/numeric keys,
// basic and multi-line basic strings, booleans, integers and arrays of
// strings). Anything else throws, so a data format change fails loudly
// rather than silently.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DATA = path.join(ROOT, 'data');

function parseValue(raw, where) {
  const v = raw.trim();
  if (v.startsWith('"')) return JSON.parse(v);
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (/^-?\d+$/.test(v)) return Number(v);
  if (v.startsWith('[')) return JSON.parse(v.replace(/,\s*]$/, ']'));
  throw new Error(`unsupported TOML value ${v} (${where})`);
}

/** Strips a trailing comment that is outside any string. */
function stripComment(line) {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && inString) { i++; continue; }
    if (c === '"') inString = !inString;
    if (c === '#' && !inString) return line.slice(0, i);
  }
  return line;
}

/** The body of a TOML multi-line basic string (between the """s), unescaped. */
function multiLineString(body, where) {
  // A newline right after the opening quotes is not part of the string.
  const raw = body.replace(/^\r?\n/, '');
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = raw[++i];
    const simple = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\' };
    if (next in simple) out += simple[next];
    else if (next === 'u' || next === 'U') {
      const len = next === 'u' ? 4 : 8;
      out += String.fromCodePoint(parseInt(raw.slice(i + 1, i + 1 + len), 16));
      i += len;
    } else if (/\s/.test(next)) {
      // A line-ending backslash trims the newline and the whitespace after it.
      const m = raw.slice(i).match(/^[ \t]*\r?\n\s*/);
      if (!m) throw new Error(`bad escape in multi-line string (${where})`);
      i += m[0].length - 1;
    } else {
      throw new Error(`unsupported escape \\${next} (${where})`);
    }
  }
  return out;
}

export function parseToml(text, file = '<toml>') {
  const root = {};
  let current = root;
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const where = `${file}:${n + 1}`;
    let m;
    // key = """...""" (may span lines; '#' inside is text, not a comment).
    if ((m = lines[n].match(/^\s*("(?:[^"\\]|\\.)*"|[\w-]+)\s*=\s*"""(.*)$/))) {
      const key = m[1].startsWith('"') ? JSON.parse(m[1]) : m[1];
      let body = m[2];
      while (!/(^|[^\\])"""\s*(#.*)?$/.test(body) || body.trimEnd() === '') {
        n++;
        if (n >= lines.length) throw new Error(`unterminated multi-line string (${where})`);
        body += '\n' + lines[n];
      }
      body = body.replace(/"""\s*(#.*)?$/, '');
      current[key] = multiLineString(body, where);
      continue;
    }
    let line = stripComment(lines[n]).trim();
    if (!line) continue;
    if ((m = line.match(/^\[\[([\w.-]+)\]\]$/))) {
      const parts = m[1].split('.');
      let t = root;
      for (const p of parts.slice(0, -1)) {
        const v = t[p];
        t = Array.isArray(v) ? v[v.length - 1] : (t[p] ??= {});
      }
      const last = parts[parts.length - 1];
      (t[last] ??= []).push((current = {}));
      continue;
    }
    if ((m = line.match(/^\[([\w.-]+)\]$/))) {
      current = root;
      for (const p of m[1].split('.')) current = current[p] ??= {};
      continue;
    }
    m = line.match(/^("(?:[^"\\]|\\.)*"|[\w-]+)\s*=\s*(.*)$/);
    if (!m) throw new Error(`unsupported TOML line (${where}): ${line}`);
    const key = m[1].startsWith('"') ? JSON.parse(m[1]) : m[1];
    let value = m[2];
    // Arrays may span lines.
    if (value.trim().startsWith('[')) {
      while (!stripComment(value).trim().endsWith(']')) {
        n++;
        if (n >= lines.length) throw new Error(`unterminated array (${where})`);
        value += ' ' + stripComment(lines[n]).trim();
      }
      value = stripComment(value);
    }
    current[key] = parseValue(value, where);
  }
  return root;
}

export function readToml(rel) {
  const file = path.join(DATA, rel);
  return parseToml(fs.readFileSync(file, 'utf8'), rel);
}

/** data/locales/<lang>/ui.toml, read as nested tables. */
export function uiStrings(lang) {
  return readToml(`locales/${lang}/ui.toml`);
}

export const site = () => readToml('site.toml');

/** Every service in data/providers, with its organization and source. */
export function services() {
  const dir = path.join(DATA, 'providers');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.toml'))
    .sort()
    .flatMap((f) => {
      const doc = readToml(`providers/${f}`);
      return (doc.service ?? []).map((s) => ({ ...s, organization: doc.organization, source: doc.source }));
    });
}

/** Services the directory lists (law-enforcement lines are kept apart). */
export const listedServices = () => services().filter((s) => !s.law_enforcement);

/** Whether a service serves a state: nationwide, statewide or a place in it. */
export function servesState(service, state) {
  return (service.areas ?? []).some((a) => a === 'US' || a === state || a.startsWith(`${state}:`));
}

export function service(id) {
  const s = services().find((x) => x.id === id);
  if (!s) throw new Error(`no service ${id} in data/providers`);
  return s;
}

/** "2026-11-28" -> "November 28, 2026", as data/locales/en/ui.toml formats it. */
export function englishDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const en = uiStrings('en');
  return en.date.format.replace('{month}', en.date.month[String(m)]).replace('{day}', String(d)).replace('{year}', String(y));
}

/** Digits only, as a tel:/sms: link dials them. */
export const dial = (number) => number.replace(/[^\d+]/g, '');
