#!/usr/bin/env bash
# What a scheduler calls: Gazette's `nightly --date D` for one day, yesterday in UTC unless a
# date is given, with the settings of a properties file (jobs/gazette.properties).
#
#   jobs/nightly.sh                          # yesterday (UTC)
#   jobs/nightly.sh 2023-07-03               # that day: a backfill, or a rerun
#   jobs/nightly.sh --properties /etc/gazette/prod.properties
#   jobs/nightly.sh 2023-07-03 -- --no-topics   # more nightly options after --
#   jobs/nightly.sh --dry-run [DATE]         # print the command, run nothing
#
# The properties file: --properties FILE, else $GAZETTE_PROPERTIES, else jobs/gazette.properties.
# The script reads its launcher keys, gazette.submit*: gazette.submit=local runs jobs/gazette on
# this machine (which reads gazette.heap, gazette.master and the spark.* keys);
# gazette.submit=spark-submit runs spark-submit with --properties-file FILE and
# target/gazette-spark.jar (gazette.submit.command, .options, .jar). Either way the job is
#   nightly --date D --properties FILE [NIGHTLY_OPTION...]
# and Gazette reads its options' defaults from the file's gazette.nightly.* keys
# (gazette.nightly.input, gazette.nightly.output, gazette.nightly.trend-top, ...); an option
# after -- wins over the file. Relative paths are relative to the project folder, where the job
# runs. In spark-submit's cluster deploy mode the driver runs on the cluster and reads the file
# there: gazette.submit.properties is its path there (e.g. the file shipped with --files).
#
# Output: a line with the UTC time at the start and at the end, and the job's own log.
# Exit status: 0 the run worked; 1 it failed (the tables are as they were before it);
# 2 bad usage: this script's arguments or settings, or Gazette's (a bad option, a missing
# input). Any other status is the JVM's or spark-submit's (137: killed, e.g. out of memory).
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib/properties.sh
. "$home/jobs/lib/properties.sh"

usage() {
  echo "usage: jobs/nightly.sh [--properties FILE] [--dry-run] [YYYY-MM-DD] [-- NIGHTLY_OPTION...]" >&2
}

# bad_usage MESSAGE: a mistake in the arguments; bad_setting MESSAGE: in the settings.
bad_usage() {
  echo "nightly.sh: $1" >&2
  usage
  exit 2
}

bad_setting() {
  echo "nightly.sh: $1" >&2
  exit 2
}

# utc_date [DATE]: prints DATE (or yesterday) as YYYY-MM-DD when it is a real day of the
# calendar; fails otherwise. GNU date first, then BSD date (macOS).
utc_date() {
  if [[ $# -eq 0 ]]; then
    date -u -d yesterday +%F 2>/dev/null || date -u -v-1d +%F
  else
    date -u -d "$1" +%F 2>/dev/null || date -u -j -f %F "$1" +%F 2>/dev/null
  fi
}

# absolute PATH: PATH made absolute against the project folder, unless it already is or is a
# URI (hdfs://..., s3a://..., local:///...).
absolute() {
  if [[ "$1" == /* || "$1" =~ ^[A-Za-z][A-Za-z0-9+.-]*: ]]; then
    printf '%s\n' "$1"
  else
    printf '%s\n' "$home/$1"
  fi
}

properties="${GAZETTE_PROPERTIES:-$home/jobs/gazette.properties}"
dry_run=0
date_arg=""
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --properties)
      [[ $# -ge 2 && -n "$2" ]] || bad_usage "--properties needs a FILE"
      properties="$2"
      shift 2 ;;
    --properties=*)
      properties="${1#--properties=}"
      [[ -n "$properties" ]] || bad_usage "--properties needs a FILE"
      shift ;;
    --dry-run) dry_run=1; shift ;;
    -h | --help)
      usage 2>&1
      sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'
      exit 0 ;;
    --) shift; extra=("$@"); break ;;
    -*) bad_usage "unknown option $1" ;;
    *)
      [[ -z "$date_arg" ]] || bad_usage "one date only (got $date_arg and $1)"
      date_arg="$1"
      shift ;;
  esac
done

if [[ -z "$date_arg" ]]; then
  day="$(utc_date)"
elif [[ "$date_arg" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] && day="$(utc_date "$date_arg")" \
    && [[ "$day" == "$date_arg" ]]; then
  :
else
  bad_usage "the date must be a day written YYYY-MM-DD, like 2023-07-03 (got $date_arg)"
fi

[[ "$properties" == /* ]] || properties="$PWD/$properties"
props_file_usable "$properties" || bad_setting "cannot read the properties file $properties"
props_load "$properties" || exit 2
props_check "$properties" || exit 2

mode="$(props_get gazette.submit local)"
# The job. Its options come from the file's gazette.nightly.* keys, which Gazette reads from
# the file as its driver sees it: in spark-submit's cluster deploy mode the driver runs on the
# cluster, where this path may not exist (gazette.submit.properties names it there).
driver_properties="$properties"
if [[ "$mode" == spark-submit ]]; then
  driver_properties="$(props_get gazette.submit.properties "$properties")"
fi
nightly=(nightly --date "$day" --properties "$driver_properties" ${extra[@]+"${extra[@]}"})

case "$mode" in
  local)
    cmd=(env "GAZETTE_PROPERTIES=$properties" "$home/jobs/gazette" "${nightly[@]}") ;;
  spark-submit)
    submit="$(props_get gazette.submit.command "${SPARK_HOME:+$SPARK_HOME/bin/}spark-submit")"
    [[ "$submit" != */* ]] || submit="$(absolute "$submit")"
    jar="$(absolute "$(props_get gazette.submit.jar target/gazette-spark.jar)")"
    submit_options=()
    read -r -a submit_options <<< "$(props_get gazette.submit.options '')"
    cmd=("$submit" --properties-file "$properties"
      ${submit_options[@]+"${submit_options[@]}"}
      --class org.gazette.Gazette "$jar" "${nightly[@]}")
    if [[ $dry_run -eq 0 ]]; then
      command -v "$submit" > /dev/null \
        || bad_setting "cannot run $submit: set SPARK_HOME, or gazette.submit.command in $properties"
      [[ "$jar" != /* || -f "$jar" ]] \
        || bad_setting "no application jar $jar: build it with 'mvn -B package' in $home, or set gazette.submit.jar"
    fi ;;
  *) bad_setting "gazette.submit must be local or spark-submit (got $mode in $properties)" ;;
esac

if [[ $dry_run -eq 1 ]]; then
  quote_command "${cmd[@]}"
  exit 0
fi

cd "$home"
stamp() { date -u +%Y-%m-%dT%H:%M:%SZ; }
echo "$(stamp) nightly.sh: starting nightly --date $day ($mode, $properties)"

# The job runs as a child, so that the end line can be written; a TERM, INT or HUP sent to
# this script is passed on to it, and the script waits for it to stop.
"${cmd[@]}" &
child=$!
trap 'kill -TERM "$child" 2> /dev/null || true' TERM INT HUP
status=0
wait "$child" || status=$?
while kill -0 "$child" 2> /dev/null; do
  status=0
  wait "$child" || status=$?
done
trap - TERM INT HUP

case "$status" in
  0) echo "$(stamp) nightly.sh: nightly --date $day finished in ${SECONDS}s" ;;
  2) echo "$(stamp) nightly.sh: nightly --date $day refused (exit status 2: bad usage) after ${SECONDS}s" ;;
  *) echo "$(stamp) nightly.sh: nightly --date $day failed (exit status $status) after ${SECONDS}s" ;;
esac
exit "$status"
