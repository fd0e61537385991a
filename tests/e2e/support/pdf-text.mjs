// The text of a PDF that Chromium's page.pdf() wrote, for checking what a
// printout shows: each page's content streams, with every glyph mapped back
// to its characters through its font's ToUnicode map. Only what Skia
// writes (uncompressed cross-reference, FlateDecode streams, Identity-H
// fonts) is understood; it is a test helper, not a PDF reader.
import { inflateSync } from 'node:zlib';

function objects(pdf) {
  const text = pdf.toString('latin1');
  const out = new Map();
  const re = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m; (m = re.exec(text)); ) {
    const body = m[2];
    const s = body.indexOf('stream');
    let stream = null;
    if (s >= 0) {
      let start = s + 'stream'.length;
      if (text[m.index + m[0].indexOf(body) + start] === '\r') start++;
      if (body[start] === '\n') start++;
      const end = body.lastIndexOf('endstream');
      const raw = Buffer.from(body.slice(start, end), 'latin1');
      stream = /\/FlateDecode/.test(body.slice(0, s)) ? inflateSync(raw, { finishFlush: 2 }) : raw;
    }
    out.set(Number(m[1]), { dict: s >= 0 ? body.slice(0, s) : body, stream });
  }
  return out;
}

/** A ToUnicode CMap as a Map from glyph code (hex) to text. */
function cmap(buf) {
  const map = new Map();
  const text = buf.toString('latin1');
  const utf16 = (hex) => String.fromCharCode(...hex.match(/.{4}/g).map((h) => parseInt(h, 16)));
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, from, to] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(from.toUpperCase(), utf16(to));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, to] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const start = parseInt(to, 16);
      for (let c = parseInt(lo, 16); c <= parseInt(hi, 16); c++) {
        map.set(c.toString(16).toUpperCase().padStart(lo.length, '0'), String.fromCharCode(start + c - parseInt(lo, 16)));
      }
    }
  }
  return map;
}

/** Every page's text, in drawing order (words separated by spaces where the PDF moves the pen). */
export function pdfText(pdf) {
  const objs = objects(pdf);
  const ref = (s) => Number(/(\d+) 0 R/.exec(s)?.[1]);
  const pages = [];
  for (const [, o] of objs) {
    if (!/\/Type\s*\/Page\b/.test(o.dict)) continue;
    // The page's fonts: name -> ToUnicode map.
    let resources = /\/Resources\s*(\d+ 0 R|<<[\s\S]*)/.exec(o.dict)?.[1] ?? '';
    if (/^\d+ 0 R/.test(resources)) resources = objs.get(ref(resources))?.dict ?? '';
    let fontDict = /\/Font\s*(\d+ 0 R|<<[\s\S]*?>>)/.exec(resources)?.[1] ?? '';
    if (/^\d+ 0 R/.test(fontDict)) fontDict = objs.get(ref(fontDict))?.dict ?? '';
    const fonts = new Map();
    for (const [, name, num] of fontDict.matchAll(/\/([A-Za-z0-9_.+-]+)\s+(\d+) 0 R/g)) {
      const font = objs.get(Number(num));
      const tu = font && /\/ToUnicode\s+(\d+) 0 R/.exec(font.dict);
      fonts.set(name, tu ? cmap(objs.get(Number(tu[1])).stream) : new Map());
    }
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(o.dict)?.[1] ?? '';
    let text = '';
    for (const [, num] of contents.matchAll(/(\d+) 0 R/g)) {
      const stream = objs.get(Number(num))?.stream?.toString('latin1') ?? '';
      let font = new Map();
      for (const m of stream.matchAll(/\/([A-Za-z0-9_.+-]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj|\[((?:[^\]])*)\]\s*TJ|\bET\b/g)) {
        if (m[1]) font = fonts.get(m[1]) ?? new Map();
        else if (m[0] === 'ET') text += ' ';
        else {
          const hexes = m[2] !== undefined ? [m[2]] : [...m[3].matchAll(/<([0-9A-Fa-f]*)>/g)].map((x) => x[1]);
          for (const hex of hexes) {
            for (const code of hex.match(/.{4}/g) ?? []) text += font.get(code.toUpperCase()) ?? '';
          }
        }
      }
    }
    // NFKC: the ligatures a font draws (ﬁ, ﬃ) as the letters they stand for.
    pages.push(text.normalize('NFKC').replace(/\s+/g, ' '));
  }
  return pages;
}
