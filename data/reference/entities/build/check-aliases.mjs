// Checks the hand-written alias tables of data/reference/entities/ and exits non-zero on an error:
//   - aliases.tsv and place-aliases.tsv are well formed (4 columns, known type, valid id, no id twice);
//   - an alias (compared with fold(): case, accents, punctuation and hyphens ignored) belongs to one id only,
//     across both files;
//   - no alias of a person, organisation or event of aliases.tsv is also the name of a country (places.tsv);
//   - every name and short form of src/main/resources/org/gazette/generate/entities.txt (the synthetic corpus)
//     resolves to one id, the same for all names of an entity, except short forms that two entities share ("Kim"),
//     which must resolve to none.
// Warnings (printed, not fatal): aliases that are also names of cities in places.tsv.
//
//   node data/reference/entities/build/check-aliases.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fold, readTsv, splitList } from './common.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DIR = path.resolve(HERE, '..');
const REPO = path.resolve(DIR, '..', '..', '..');
const ENTITIES = path.join(REPO, 'src', 'main', 'resources', 'org', 'gazette', 'generate', 'entities.txt');
const TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC']);

const errors = [];
const warnings = [];

// ------------------------------------------------------------------ strict index
const strict = new Map(); // fold -> {id, spelling, file}
const entries = new Map(); // id -> {type, name, file}
function index(file, idPattern) {
  for (const row of readTsv(path.join(DIR, file))) {
    const where = `${file}:${row.lineNumber}`;
    if (row.length < 3 || row.length > 4) { errors.push(`${where}: ${row.length} columns, expected 4`); continue; }
    const [id, type, name, aliases] = row;
    if (!idPattern.test(id)) errors.push(`${where}: bad id "${id}"`);
    if (!TYPES.has(type)) errors.push(`${where}: bad type "${type}"`);
    if (!name) errors.push(`${where}: empty name`);
    if (entries.has(id)) errors.push(`${where}: id ${id} already at ${entries.get(id).file}`);
    entries.set(id, { type, name, file: where });
    for (const spelling of [name, ...splitList(aliases)]) {
      if (/\t/.test(spelling)) errors.push(`${where}: tab inside "${spelling}"`);
      const k = fold(spelling);
      if (!k) continue;
      const prev = strict.get(k);
      if (prev && prev.id !== id) errors.push(`${where}: "${spelling}" is an alias of ${prev.id} (${prev.file}) and of ${id}`);
      else if (!prev) strict.set(k, { id, spelling, file: where });
    }
  }
}
index('aliases.tsv', /^[a-z0-9]+(-[a-z0-9]+)*$/);
index('place-aliases.tsv', /^(country:[A-Z]{3}|city:\d+|region:([A-Z]{3}:)?[a-z0-9-]+|continent:[a-z-]+)$/);

// ------------------------------------------------------------------ places.tsv (generated)
const placeIndex = new Map(); // fold -> Set(id)
const countryNames = new Map(); // fold -> id
const placesFile = path.join(DIR, 'places.tsv');
if (fs.existsSync(placesFile)) {
  for (const [id, kind, , , names] of readTsv(placesFile)) {
    for (const n of splitList(names)) {
      const k = fold(n);
      if (!placeIndex.has(k)) placeIndex.set(k, new Set());
      placeIndex.get(k).add(id);
      if (kind === 'country') countryNames.set(k, id);
    }
  }
  for (const [k, { id, spelling, file }] of strict) {
    if (!/^[a-z]/.test(id) || entries.get(id).type === 'LOC') continue;
    if (countryNames.has(k)) errors.push(`${file}: "${spelling}" (${id}) is the name of ${countryNames.get(k)}`);
    else if (placeIndex.has(k)) warnings.push(`"${spelling}" (${id}) is also a place: ${[...placeIndex.get(k)].join(' ')}`);
  }
} else {
  warnings.push('places.tsv missing: run build.sh first for the checks against places');
}

// ------------------------------------------------------------------ entities.txt coverage
function resolve(spelling) {
  const k = fold(spelling);
  if (strict.has(k)) return [strict.get(k).id];
  if (placeIndex.has(k)) return [...placeIndex.get(k)];
  return [];
}
if (fs.existsSync(ENTITIES)) {
  const LANGS = ['en', 'fr', 'de', 'es', 'it'];
  const ents = [];
  for (const row of readTsv(ENTITIES)) {
    const [type, , spec] = row;
    const kv = new Map();
    for (const part of splitList(spec)) {
      const eq = part.indexOf('=');
      if (eq > 0) kv.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
    const names = new Set(), shorts = new Set();
    for (const l of LANGS) {
      const name = kv.get(l) || kv.get('en');
      names.add(name);
      const short = kv.get(`short.${l}`) || kv.get('short') || name.split(' ').pop();
      shorts.add(short);
    }
    ents.push({ type, line: row.lineNumber, label: kv.get('en'), names, shorts });
  }
  const shortCount = new Map(); // fold -> number of entities with that short form
  for (const e of ents) for (const k of new Set([...e.shorts].map(fold))) shortCount.set(k, (shortCount.get(k) || 0) + 1);
  let covered = 0;
  for (const e of ents) {
    const ids = new Set();
    let ok = true;
    for (const n of e.names) {
      const r = resolve(n);
      if (r.length === 0) { errors.push(`entities.txt:${e.line}: "${n}" (${e.label}) resolves to no id`); ok = false; }
      else if (r.length > 1 && !r.some((id) => entries.has(id))) warnings.push(`entities.txt:${e.line}: "${n}" names several places: ${r.join(' ')}`);
      else ids.add(r.find((id) => entries.has(id)) || r[0]);
    }
    for (const s of e.shorts) {
      if (e.names.has(s)) continue;
      const r = resolve(s);
      if (shortCount.get(fold(s)) > 1) {
        if (strict.has(fold(s))) { errors.push(`entities.txt:${e.line}: shared short form "${s}" must not be an alias (${strict.get(fold(s)).id})`); ok = false; }
        continue;
      }
      if (r.length === 0) { errors.push(`entities.txt:${e.line}: short form "${s}" (${e.label}) resolves to no id`); ok = false; }
      else ids.add(r.find((id) => entries.has(id)) || r[0]);
    }
    if (ids.size > 1) { errors.push(`entities.txt:${e.line}: names of ${e.label} resolve to several ids: ${[...ids].join(' ')}`); ok = false; }
    const id = [...ids][0];
    if (id && entries.has(id) && entries.get(id).type !== e.type && !(e.type === 'LOC' && /:/.test(id))) {
      errors.push(`entities.txt:${e.line}: ${e.label} is ${e.type} there but ${entries.get(id).type} in ${entries.get(id).file}`);
      ok = false;
    }
    if (ok) covered++;
  }
  console.log(`entities.txt: ${covered} of ${ents.length} entities resolve`);
} else {
  warnings.push(`${ENTITIES} missing: coverage not checked`);
}

const perType = {};
for (const { type } of entries.values()) perType[type] = (perType[type] || 0) + 1;
console.log(`aliases.tsv + place-aliases.tsv: ${entries.size} ids (${Object.entries(perType).map(([t, n]) => `${t} ${n}`).join(', ')}), ${strict.size} distinct aliases`);
for (const w of warnings) console.log(`warning: ${w}`);
for (const e of errors) console.error(`ERROR: ${e}`);
if (errors.length) {
  console.error(`${errors.length} error(s)`);
  process.exit(1);
}
console.log('aliases: OK');
