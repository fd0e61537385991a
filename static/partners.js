// The partners page (partners.html): choose the widget's options, see it
// live, copy the two-line snippet or a plain frame. Runs under the site's
// strict CSP: no inline script or style, no request, nothing stored.
'use strict';

// The site's taxonomy, in English (data/taxonomy.toml and
// data/locales/en/taxonomy.toml). tests/e2e/widget/partners-page.spec.mjs
// fails if these drift from data/.
const STATES = [['AL', 'Alabama'], ['AK', 'Alaska'], ['AZ', 'Arizona'], ['AR', 'Arkansas'], ['CA', 'California'],
  ['CO', 'Colorado'], ['CT', 'Connecticut'], ['DE', 'Delaware'], ['DC', 'District of Columbia'], ['FL', 'Florida'],
  ['GA', 'Georgia'], ['HI', 'Hawaii'], ['ID', 'Idaho'], ['IL', 'Illinois'], ['IN', 'Indiana'], ['IA', 'Iowa'],
  ['KS', 'Kansas'], ['KY', 'Kentucky'], ['LA', 'Louisiana'], ['ME', 'Maine'], ['MD', 'Maryland'],
  ['MA', 'Massachusetts'], ['MI', 'Michigan'], ['MN', 'Minnesota'], ['MS', 'Mississippi'], ['MO', 'Missouri'],
  ['MT', 'Montana'], ['NE', 'Nebraska'], ['NV', 'Nevada'], ['NH', 'New Hampshire'], ['NJ', 'New Jersey'],
  ['NM', 'New Mexico'], ['NY', 'New York'], ['NC', 'North Carolina'], ['ND', 'North Dakota'], ['OH', 'Ohio'],
  ['OK', 'Oklahoma'], ['OR', 'Oregon'], ['PA', 'Pennsylvania'], ['RI', 'Rhode Island'], ['SC', 'South Carolina'],
  ['SD', 'South Dakota'], ['TN', 'Tennessee'], ['TX', 'Texas'], ['UT', 'Utah'], ['VT', 'Vermont'],
  ['VA', 'Virginia'], ['WA', 'Washington'], ['WV', 'West Virginia'], ['WI', 'Wisconsin'], ['WY', 'Wyoming'],
  ['PR', 'Puerto Rico'], ['GU', 'Guam'], ['VI', 'U.S. Virgin Islands'], ['AS', 'American Samoa'],
  ['MP', 'Northern Mariana Islands']];

const DOMAINS = [
  ['housing', 'Housing', [['emergency-shelter', 'Emergency shelter'], ['transitional-housing', 'Transitional housing'],
    ['flexible-funding', 'Help paying rent and bills'], ['relocation', 'Help moving somewhere safe']]],
  ['legal', 'Legal help', [['criminal-record-relief', 'Clearing a criminal record'],
    ['immigration-legal', 'Immigration legal help'], ['identity-credit-repair', 'Identity theft and credit repair'],
    ['incarcerated-survivor-rights', 'Rights of survivors in jail or prison'],
    ['family-law', 'Family law (custody, child support)'], ['victim-rights-advocacy', "Victims' rights advocacy"]]],
  ['mental-health', 'Mental health', [['trauma-therapy', 'Trauma therapy'],
    ['crisis-intervention', 'Crisis help and safety planning'], ['support-groups', 'Support groups'],
    ['wellness-skills', 'Coping and wellness skills'], ['substance-use', 'Help with alcohol or drug use']]],
  ['comprehensive', 'Comprehensive services', [['hotline', 'Hotline'], ['case-management', 'Case management'],
    ['emergency-response', 'Emergency response'], ['medical-care', 'Medical care'],
    ['task-force', 'Task forces and coalitions'], ['employment-education', 'Jobs and education'],
    ['interpretation', 'Interpreters and translation'], ['transportation', 'Transportation'],
    ['basic-needs', 'Food, clothing and basic needs'], ['labor-rights', "Workers' rights and unpaid wages"]]],
  ['for-organizations', 'For organizations', [['training-technical-assistance', 'Training and technical assistance']]],
];

const POPULATIONS = [['women', 'Women'], ['men', 'Men'], ['girls', 'Girls'], ['boys', 'Boys'],
  ['lgbtq', 'LGBTQ+ people'], ['youth', 'Youth and minors'], ['foreign-nationals', 'Foreign nationals'],
  ['us-citizens', 'US citizens'], ['native-tribal', 'Native American and tribal communities'],
  ['detained', 'People in detention or prison'], ['labor-trafficking', 'Survivors of labor trafficking'],
  ['sex-trafficking', 'Survivors of sex trafficking']];

/** The sandbox and permissions embed.js gives its frame (README explains each). */
const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox ' +
  'allow-top-navigation-by-user-activation allow-top-navigation-to-custom-protocols';
const DEFAULT_TITLE = 'Help and services directory';

const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, children = []) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
};
const checkbox = (name, value, label) =>
  el('label', { className: 'choice' }, [el('input', { type: 'checkbox', name, value, autocomplete: 'off' }), ` ${label}`]);
const checked = (name) => [...document.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);

/** Where this site lives: embed.js and the app are beside this page. */
const SITE = new URL('./', location.href).href;

function build() {
  $('opt-states').append(...STATES.map(([code, name]) => el('option', { value: code, textContent: `${name} (${code})` })));
  $('opt-domains').append(...DOMAINS.map(([code, label]) => checkbox('domain', code, label)));
  $('opt-services').append(...DOMAINS.map(([, label, services]) =>
    el('fieldset', {}, [el('legend', { textContent: label }), ...services.map(([code, l]) => checkbox('service', code, l))])));
  $('opt-populations').append(...POPULATIONS.map(([code, label]) => checkbox('population', code, label)));
}

/** The options as chosen, already checked; `exitError` when the exit URL is unusable. */
function options() {
  const o = {
    view: document.querySelector('input[name="view"]:checked').value,
    states: [...$('opt-states').selectedOptions].map((opt) => opt.value),
    domains: checked('domain'),
    services: checked('service'),
    populations: checked('population'),
    lang: $('opt-lang').value,
    accent: '',
    accentInk: '',
    exit: '',
    exitError: '',
    title: $('opt-title').value.trim(),
  };
  if ($('opt-colours').checked) {
    o.accent = $('opt-accent').value;
    o.accentInk = $('opt-accent-ink').value;
  }
  const exit = $('opt-exit').value.trim();
  if (exit) {
    let url = null;
    try {
      url = new URL(exit);
    } catch (_) { /* reported below */ }
    // https only, as the hint says: a plain http exit page can be read or
    // changed on the way by anyone on the network.
    if (url && url.protocol === 'https:') o.exit = url.href;
    else o.exitError = 'This is not a web address starting with https://. The directory\'s own exit page is used until it is.';
  }
  // Colours that are hard to read are not used: the warning says why, and
  // the directory keeps its own until the partner picks readable ones.
  if (o.accent && contrastProblems(o).length) o.accentRejected = true;
  if (o.accentRejected) o.accent = o.accentInk = '';
  return o;
}

/** The placeholder's data attributes, in snippet order. */
function attributes(o) {
  return [
    ['data-view', o.view],
    ['data-states', o.states.join(',')],
    ['data-domains', o.domains.join(',')],
    ['data-services', o.services.join(',')],
    ['data-populations', o.populations.join(',')],
    ['data-lang', o.lang],
    ['data-accent', o.accent],
    ['data-accent-ink', o.accentInk],
    ['data-exit', o.exit],
    ['data-title', o.title],
  ].filter(([, v]) => v);
}

const escapeAttr = (v) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The two lines a partner pastes. */
function snippet(o) {
  const attrs = attributes(o).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
  return `<div data-waypoint${attrs}></div>\n<script src="${escapeAttr(new URL('embed.js', SITE).href)}" async></script>`;
}

/** The frame embed.js would make, for pages that cannot run scripts (no parent: it cannot resize). */
function frameSrc(o) {
  const q = [['embed', '1'], ['view', o.view], ['states', o.states.join(',')], ['domains', o.domains.join(',')],
    ['services', o.services.join(',')], ['populations', o.populations.join(',')], ['lang', o.lang],
    ['accent', o.accent.replace('#', '')], ['accent_ink', o.accentInk.replace('#', '')], ['exit', o.exit]]
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ',')}`);
  return `${SITE}?${q.join('&')}`;
}

function iframeSnippet(o) {
  return `<iframe src="${escapeAttr(frameSrc(o))}" title="${escapeAttr(o.title || DEFAULT_TITLE)}"\n` +
    `  sandbox="${SANDBOX}"\n` +
    '  allow="" referrerpolicy="no-referrer" style="width:100%;height:1400px;border:0"></iframe>';
}

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a, b) {
  const lum = (hex) => {
    const [r, g, b2] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** What is hard to read about the chosen colours (WCAG AA needs 4.5:1). */
function contrastProblems(o) {
  const onWhite = contrast(o.accent, '#ffffff');
  const ink = contrast(o.accent, o.accentInk);
  const problems = [];
  if (onWhite < 4.5) problems.push(`links in your accent on white are ${onWhite.toFixed(1)}:1`);
  if (ink < 4.5) problems.push(`text on your accent is ${ink.toFixed(1)}:1`);
  return problems;
}

function contrastNote(o) {
  const chosen = $('opt-colours').checked ? { accent: $('opt-accent').value, accentInk: $('opt-accent-ink').value } : null;
  if (!chosen) return '';
  const problems = contrastProblems(chosen);
  return problems.length
    ? `Hard to read: ${problems.join(' and ')}. Not used until both are at least 4.5:1; the directory keeps its own colours.`
    : `Readable: ${contrast(chosen.accent, '#ffffff').toFixed(1)}:1 on white, ${contrast(chosen.accent, chosen.accentInk).toFixed(1)}:1 for text on the accent.`;
}

let previewTimer = 0;
let lastPreview = '';

/** Puts a fresh placeholder in the preview; embed.js (loaded by this page) turns it into the widget. */
function preview(o) {
  const key = JSON.stringify(attributes(o));
  if (key === lastPreview) return;
  lastPreview = key;
  const holder = el('div');
  holder.setAttribute('data-waypoint', '');
  for (const [k, v] of attributes(o)) holder.setAttribute(k, v);
  $('preview').replaceChildren(holder);
}

function update({ now = false } = {}) {
  const o = options();
  $('snippet').textContent = snippet(o);
  $('iframe-snippet').textContent = iframeSnippet(o);
  $('opt-exit-error').textContent = o.exitError;
  $('opt-exit').setAttribute('aria-invalid', String(!!o.exitError));
  $('opt-accent').disabled = $('opt-accent-ink').disabled = !$('opt-colours').checked;
  const note = contrastNote(o);
  if ($('contrast').textContent !== note) $('contrast').textContent = note;
  clearTimeout(previewTimer);
  if (now) preview(o);
  else previewTimer = setTimeout(() => preview(o), 400);
}

async function copy(button) {
  const text = $(button.dataset.copy).textContent;
  const status = $(`${button.id}-status`);
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = 'Copied.';
  } catch (_) {
    // No clipboard (an old browser, or permission refused): select it for Ctrl+C.
    getSelection().selectAllChildren($(button.dataset.copy));
    status.textContent = 'Selected: press Ctrl+C (Command+C on a Mac) to copy.';
  }
  setTimeout(() => { status.textContent = ''; }, 4000);
}

build();
document.querySelector('main').addEventListener('input', () => update());
document.querySelector('main').addEventListener('change', () => update());
for (const b of document.querySelectorAll('button.copy')) b.addEventListener('click', () => copy(b));
update({ now: true });
