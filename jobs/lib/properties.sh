# shellcheck shell=bash
# Reads a Java properties file (jobs/gazette.properties) in bash; sourced by jobs/gazette and
# jobs/nightly.sh, under set -euo pipefail. Plain arrays only (no associative arrays).
#
# The format read is the part of java.util.Properties that settings files use: one
# "key=value", "key: value" or "key value" per line; lines starting with # or ! are comments;
# blank lines are skipped; whitespace around keys and values is dropped (spark-submit trims
# values too); a key given twice keeps its last value. Backslashes (escapes, continued lines)
# are refused with the line number, rather than read differently from Java.

props_keys=()
props_values=()

# props_fail FILE LINE MESSAGE: one line on standard error.
props_fail() {
  echo "gazette: $1, line $2: $3" >&2
}

# props_load FILE: reads FILE into props_keys and props_values (keys in file order).
# Returns 2 with one message per bad line.
# shellcheck disable=SC2094  # the messages name the file; they go to standard error
props_load() {
  local file="$1" line key value n=0 i bad=0
  props_keys=()
  props_values=()
  while IFS= read -r line || [[ -n "$line" ]]; do
    n=$((n + 1))
    line="${line%$'\r'}"
    line="${line#"${line%%[![:space:]]*}"}"
    [[ -z "$line" || "$line" == '#'* || "$line" == '!'* ]] && continue
    if [[ "$line" == *\\* ]]; then
      props_fail "$file" "$n" "backslashes are not read here (no escapes, no continued lines): write the value plainly, on one line"
      bad=1
      continue
    fi
    if [[ ! "$line" =~ ^([^=:[:space:]]+)[[:space:]]*[=:]?[[:space:]]*(.*)$ ]]; then
      props_fail "$file" "$n" "expected key=value"
      bad=1
      continue
    fi
    key="${BASH_REMATCH[1]}"
    value="${BASH_REMATCH[2]}"
    value="${value%"${value##*[![:space:]]}"}"
    for ((i = 0; i < ${#props_keys[@]}; i++)); do
      if [[ "${props_keys[i]}" == "$key" ]]; then
        props_values[i]="$value"
        continue 2
      fi
    done
    props_keys+=("$key")
    props_values+=("$value")
  done < "$file"
  return $((bad * 2))
}

# The gazette.* keys jobs/gazette and jobs/nightly.sh read (jobs/gazette.properties shows them).
props_gazette_keys=(gazette.input gazette.output gazette.nightly.options gazette.master
  gazette.heap gazette.submit gazette.submit.command gazette.submit.options gazette.submit.jar)

# props_check FILE: returns 2, with one line per key, when the file sets a gazette.* key that
# nothing reads (a misspelt key would otherwise be ignored without a word).
props_check() {
  local i known bad=0
  for ((i = 0; i < ${#props_keys[@]}; i++)); do
    [[ "${props_keys[i]}" == gazette.* ]] || continue
    for known in "${props_gazette_keys[@]}"; do
      [[ "${props_keys[i]}" == "$known" ]] && continue 2
    done
    echo "gazette: $1: unknown key ${props_keys[i]} (the gazette.* keys: ${props_gazette_keys[*]})" >&2
    bad=1
  done
  return $((bad * 2))
}

# props_get KEY DEFAULT: prints the value of KEY, or DEFAULT when the file does not set it.
# A key set to nothing ("gazette.heap=") counts as not set.
props_get() {
  local i
  for ((i = 0; i < ${#props_keys[@]}; i++)); do
    if [[ "${props_keys[i]}" == "$1" && -n "${props_values[i]}" ]]; then
      printf '%s\n' "${props_values[i]}"
      return 0
    fi
  done
  printf '%s\n' "$2"
}

# props_file_usable FILE: true when FILE can be read as a properties file (/dev/null can).
props_file_usable() {
  [[ -r "$1" && ! -d "$1" ]]
}

# quote_command ARG...: the command as one line of shell, each argument quoted as needed.
quote_command() {
  local out
  printf -v out '%q ' "$@"
  printf '%s\n' "${out% }"
}
