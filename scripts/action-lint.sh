#!/usr/bin/env bash
# The lint step of action.yml (the GitHub Action), kept in a file so that it can be tested.
#
# Reads IH_PATHS, IH_CONFIG, IH_FAIL_ON, IH_FORMAT, IH_ARGS and IH_SARIF from the environment
# (the action's inputs; never interpolated into the script, so no input can inject shell code).
# Writes the SARIF log to IH_SARIF (if set), prints the report in IH_FORMAT to the log, and sets
# the step outputs exit-code and sarif-file in GITHUB_OUTPUT. It always exits 0: the action's last
# step fails the job, after the SARIF upload, so code scanning sees the results even on failure.
set -uo pipefail

# One path per line when the input has several lines (so a path may contain spaces), otherwise
# paths separated by spaces. Neither is glob-expanded; IH_ARGS is split on whitespace.
paths=()
if [[ "${IH_PATHS:-}" == *$'\n'* ]]; then
  while IFS= read -r line; do
    line="${line#"${line%%[![:space:]]*}"}"
    line="${line%"${line##*[![:space:]]}"}"
    if [ -n "$line" ]; then
      paths+=("$line")
    fi
  done <<< "$IH_PATHS"
else
  read -r -a paths <<< "${IH_PATHS:-}"
fi
if [ "${#paths[@]}" -eq 0 ]; then
  paths=(.)
fi
extra=()
read -r -a extra <<< "${IH_ARGS:-}"

common=()
if [ -n "${IH_CONFIG:-}" ]; then
  common+=(--config "$IH_CONFIG")
fi
common+=("${extra[@]}")

output="${GITHUB_OUTPUT:-/dev/null}"
sarif=""
if [ -n "${IH_SARIF:-}" ]; then
  ih lint "${paths[@]}" "${common[@]}" --format sarif --fail-on never > "$IH_SARIF"
  sarif_status=$?
  if [ -s "$IH_SARIF" ]; then
    sarif="$IH_SARIF"
  else
    echo "::warning title=ih::no SARIF log was written (ih exited with $sarif_status)"
  fi
fi

ih lint "${paths[@]}" "${common[@]}" --format "${IH_FORMAT:-github}" --fail-on "${IH_FAIL_ON:-warning}"
status=$?

{
  echo "exit-code=$status"
  echo "sarif-file=$sarif"
} >> "$output"
exit 0
