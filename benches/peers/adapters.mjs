// The JavaScript search libraries Waypoint is compared with, each configured
// as its own documentation recommends for fuzzy search over several fields.
//
// Every library gets the same records: the text Waypoint indexes for each
// service, exported by `waypoint-bench export-records` (crates/cli/src/bin/waypoint-bench.rs)
// in four fields, which Waypoint weighs name 4, labels 3, details 2,
// description 1:
//   name        service name, organisation name (and alternate name)
//   labels      service-type labels and keywords, in every language
//   details     domains, populations, languages, places, in every language
//   description service and organisation descriptions, eligibility, how to get help
//
// `build(lib, data)` turns the records into the library's index (everything
// the library needs before the first keystroke, counted as its build time);
// `search(index, query)` returns record numbers, best first: what a results
// list needs. Only those two calls are timed.

const fieldWeights = { name: 4, labels: 3, details: 2, description: 1 };
const fields = Object.keys(fieldWeights);

/** Case and accent folding for libraries that leave it to the caller. */
const fold = (s) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

/** Every record as one object with its fields as single strings. */
const flatDocs = (records) =>
  records.map((r, i) => ({ id: i, name: r.name.join(' '), labels: r.labels.join(' '), details: r.details.join(' '), description: r.description.join(' ') }));

export const libraries = {
  // uFuzzy: no index, one haystack string per record (its README: "When held
  // just right, it can efficiently match against multiple object properties"
  // -- the fields joined), latinize() on haystack and needle for accents,
  // intraMode 1 (SingleError: one typo per term), out-of-order terms, and the
  // integrated search() = filter + info + sort, which ranks when at most
  // infoThresh (1e3, the default) records match and otherwise returns the
  // filtered records unranked, as the README's example does.
  ufuzzy: {
    label: 'uFuzzy',
    package: '@leeoniya/ufuzzy',
    file: '@leeoniya/ufuzzy/dist/uFuzzy.iife.min.js',
    global: 'uFuzzy',
    build(uFuzzy, data) {
      const haystack = uFuzzy.latinize(data.records.map((r) => fields.map((f) => r[f].join(' ')).join(' \u00b7 ')));
      return { uFuzzy, uf: new uFuzzy({ intraMode: 1 }), haystack };
    },
    search({ uFuzzy, uf, haystack }, query) {
      const [idxs, info, order] = uf.search(haystack, uFuzzy.latinize(query), 3, 1e3);
      if (idxs == null) return [];
      if (info && order) return order.map((i) => info.idx[i]);
      return idxs;
    },
  },

  // Fuse.js: weighted keys (arrays of strings are searched element by
  // element), threshold 0.4 (its docs: "for tighter matching, try 0.3 or
  // 0.4"), ignoreLocation (its docs: "If your data has long text fields ...
  // set ignoreLocation: true"), ignoreDiacritics. Results come back sorted.
  fuse: {
    label: 'Fuse.js',
    package: 'fuse.js',
    file: 'fuse.js/dist/fuse.basic.min.mjs',
    build(Fuse, data) {
      const keys = fields.map((name) => ({ name, weight: fieldWeights[name] }));
      return new Fuse(data.records, { keys, threshold: 0.4, ignoreLocation: true, ignoreDiacritics: true });
    },
    search(fuse, query) {
      return fuse.search(query).map((r) => r.refIndex);
    },
  },

  // Fuse.js token search: the mode its docs recommend for search bars and
  // multi-word queries over titles and descriptions (each word fuzzy-matched
  // on its own, BM25-style IDF ranking). Full build.
  'fuse-token': {
    label: 'Fuse.js (token search)',
    package: 'fuse.js',
    file: 'fuse.js/dist/fuse.min.mjs',
    build(Fuse, data) {
      const keys = fields.map((name) => ({ name, weight: fieldWeights[name] }));
      return new Fuse(data.records, { keys, useTokenSearch: true, threshold: 0.4, ignoreLocation: true, ignoreDiacritics: true });
    },
    search(fuse, query) {
      return fuse.search(query).map((r) => r.refIndex);
    },
  },

  // MiniSearch: fields, searchOptions { fuzzy: 0.2, prefix: true, boost }
  // (its README), processTerm folding accents and dropping the stopwords
  // Waypoint drops (its README's processTerm example). Results are sorted by
  // BM25+ score; terms combine with OR (its default).
  minisearch: {
    label: 'MiniSearch',
    package: 'minisearch',
    file: 'minisearch/dist/es/index.js',
    build(MiniSearch, data) {
      const stop = new Set(data.stopwords);
      const ms = new MiniSearch({
        fields,
        processTerm: (term) => {
          const t = fold(term);
          return stop.has(t) ? null : t;
        },
        searchOptions: { fuzzy: 0.2, prefix: true, boost: { name: 4, labels: 3, details: 2 } },
      });
      ms.addAll(flatDocs(data.records));
      return ms;
    },
    search(ms, query) {
      return ms.search(query).map((r) => r.id);
    },
  },

  // FlexSearch: a Document index over the four fields (most important
  // first), tokenize "forward" (prefixes), the LatinBalance encoder (case,
  // accents, basic phonetic folding: its "Fuzzy-Search" section), the
  // stopwords as an encoder filter, and suggest: true so a query with one
  // unmatched word still returns records. merge: true groups the per-field
  // results by record. Its search is limited (default 100); the limit is
  // raised to every record so it returns the whole ranked list as the others do.
  flexsearch: {
    label: 'FlexSearch',
    package: 'flexsearch',
    file: 'flexsearch/dist/flexsearch.compact.module.min.js',
    build(FlexSearch, data) {
      const { Document, Encoder, Charset } = FlexSearch;
      const encoder = new Encoder(Charset.LatinBalance, { filter: new Set(data.stopwords) });
      const index = new Document({ tokenize: 'forward', encoder, document: { id: 'id', index: fields } });
      for (const doc of flatDocs(data.records)) index.add(doc);
      return { index, limit: data.records.length };
    },
    search({ index, limit }, query) {
      return index.search(query, { limit, suggest: true, merge: true }).map((r) => r.id);
    },
  },
};

/** Loads a library's dist file (an ES module, or a script that sets a global). */
export async function load(name, base = '/node_modules/') {
  const lib = libraries[name];
  const url = base + lib.file;
  if (lib.global) {
    await new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = url;
      s.onload = resolve;
      s.onerror = () => reject(new Error(`could not load ${url}`));
      document.head.append(s);
    });
    return globalThis[lib.global];
  }
  const mod = await import(url);
  return mod.default ?? mod;
}
