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

# The launchers' keys: what jobs/gazette and jobs/nightly.sh read (the Airflow DAG reads
# gazette.submit.jar). The same list as CommandDefaults.LAUNCHER_KEYS in Gazette, which ignores
# them. The other gazette.* keys are the defaults of Gazette's options, gazette.COMMAND.OPTION
# (gazette.nightly.input for nightly --input): Gazette reads and checks those.
props_gazette_keys=(gazette.master gazette.heap gazette.submit gazette.submit.command
  gazette.submit.options gazette.submit.jar gazette.submit.properties)

# props_check FILE: returns 2, with one line per key, when the file sets a launcher key that
# does not exist (gazette.WORD or gazette.submit.*: a misspelt gazette.hepa would otherwise be
# ignored without a word) or a key of the launchers' first format, which Gazette's options
# replaced (the same words as CommandDefaults.MOVED). Options' keys are left to Gazette.
props_check() {
  local i key known bad=0
  for ((i = 0; i < ${#props_keys[@]}; i++)); do
    key="${props_keys[i]}"
    [[ "$key" == gazette.* ]] || continue
    for known in "${props_gazette_keys[@]}"; do
      [[ "$key" == "$known" ]] && continue 2
    done
    case "$key" in
      gazette.input) echo "gazette: $1: gazette.input is now gazette.nightly.input" >&2 ;;
      gazette.output) echo "gazette: $1: gazette.output is now gazette.nightly.output" >&2 ;;
      gazette.nightly.options)
        echo "gazette: $1: gazette.nightly.options is gone: give each nightly option a key of its" \
          "own, e.g. gazette.nightly.trend-top=100 for --trend-top 100" >&2 ;;
      *)
        [[ "$key" == gazette.submit.* || "${key#gazette.}" != *.* ]] || continue
        echo "gazette: $1: unknown key $key (the launcher's keys: ${props_gazette_keys[*]};" \
          "an option's key is gazette.COMMAND.OPTION, e.g. gazette.nightly.input)" >&2 ;;
    esac
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
