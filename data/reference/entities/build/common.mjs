// Shared helpers for build.mjs and check-aliases.mjs (Gazette reference data, entities).
import fs from 'node:fs';

/** Case-, accent- and punctuation-insensitive key: how two spellings are compared. */
export function fold(s) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ıİ]/g, 'i')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/[đĐ]/g, 'd')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[œŒ]/g, 'oe')
    .toLowerCase()
    .replace(/[’‘ʼʻ`´]/g, "'")
    .replace(/[‐‑‒–—-]/g, ' ')
    .replace(/[.]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A Latin spelling without diacritics ("São Paulo" -> "Sao Paulo"), keeping case. */
export function asciiSpelling(s) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i').replace(/İ/g, 'I')
    .replace(/ł/g, 'l').replace(/Ł/g, 'L')
    .replace(/ø/g, 'o').replace(/Ø/g, 'O')
    .replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .replace(/[‘ʻʼ]/g, '')
    .replace(/’/g, "'")
    .normalize('NFC');
}

/**
 * Reads a TSV file of this folder: skips blank and '#' lines and the header (the first other line, the column
 * names), returns arrays of trimmed cells with their line number.
 */
export function readTsv(path) {
  const rows = [];
  const text = fs.readFileSync(path, 'utf8');
  let header = true;
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    if (header) { header = false; return; }
    const cells = line.replace(/\r$/, '').split('\t').map((c) => c.trim());
    cells.lineNumber = i + 1;
    rows.push(cells);
  });
  return rows;
}

/** Splits a ` | ` list. */
export function splitList(cell) {
  return (cell || '').split('|').map((s) => s.trim()).filter((s) => s !== '');
}

/** Keeps the first of each spelling (exact, after NFC), in order. */
export function uniq(list) {
  const seen = new Set();
  const out = [];
  for (const raw of list) {
    if (!raw) continue;
    const s = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (s === '' || seen.has(s)) continue;
    seen.add(s);
    out.push(s);
  }
  return out;
}
