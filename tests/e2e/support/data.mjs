// Reads Waypoint's own data files, so the specs compare the page against
// the source of truth instead of against numbers copied by hand.
//
// The files are read by Waypoint itself: `make e2e-fixtures` runs
// `waypoint dump`, which writes every file of data/ as the CLI parses it to
// target/e2e-fixtures/data.json, so there is one reader of the format and
// the specs cannot drift from it. A field a file leaves out is there with
// the value Waypoint gives it (false, []); an unset optional one is absent.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DATA = path.join(ROOT, 'data');
export const DUMP = path.join(ROOT, 'target/e2e-fixtures/data.json');

let files;
/** Every file of the dump by its path in data/, read once. */
const dumped = () => (files ??= JSON.parse(fs.readFileSync(DUMP, 'utf8')).files);

/** A file of data/ (e.g. `taxonomy.toml`, `locales/en/ui.toml`), as Waypoint parses it. */
export function readToml(rel) {
  const files = dumped();
  if (!(rel in files)) throw new Error(`no ${rel} in ${DUMP}: run make e2e-fixtures`);
  // A copy, so a spec that changes what it was given changes nothing else.
  return structuredClone(files[rel]);
}

/** data/locales/<lang>/ui.toml, read as nested tables. */
export function uiStrings(lang) {
  return readToml(`locales/${lang}/ui.toml`);
}

export const site = () => readToml('site.toml');

/** Every service in data/providers, with its organization and source. */
export function services() {
  return Object.keys(dumped())
    .filter((f) => f.startsWith('providers/') && f.endsWith('.toml'))
    .sort()
    .flatMap((f) => {
      const doc = readToml(f);
      return (doc.service ?? []).map((s) => ({ ...s, organization: doc.organization, source: doc.source }));
    });
}

/** Whether a service offers only codes data/taxonomy.toml marks as for
 *  professionals (training, task forces). */
export function forProfessionals(service) {
  const professional = new Set(readToml('taxonomy.toml').service.filter((t) => t.audience === 'professionals').map((t) => t.code));
  return (service.services ?? []).length > 0 && service.services.every((code) => professional.has(code));
}

/** Services the public directory lists: law-enforcement lines are kept
 *  apart, and services only for professionals wait until the type of help
 *  asks for them (the staff console lists those too). */
export const listedServices = () => services().filter((s) => !s.law_enforcement && !forProfessionals(s));

/** "Collected from public sources on November 28, 2026": the date line the
 *  page shows for a service, with what kind of check its source made. */
export function verifiedText(service) {
  const { verified } = uiStrings('en');
  const undated = !service.source.last_verified;
  const template = undated ? verified.undated : verified[service.source.check];
  const date = undated ? '' : englishDate(service.source.last_verified);
  return template.replace('{date}', date).replace('{source}', service.source.name);
}

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
