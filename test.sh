#!/usr/bin/env bash
# Installs what the tests need (npm tools from tests/ and the Agents Playground from dev-tools/playground, Chromium
# where missing), checks formatting, builds, runs every test project, and ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

step() { printf '\n== %s ==\n' "$1"; }
fail() { printf '%s\n' "$1" >&2; echo "0 passed, 1 failed"; exit 1; }

step "npm tools (tests/package-lock.json)"
# A copy of the lockfile inside node_modules records what was installed: reinstall only when the lockfile changed.
if ! cmp -s tests/package-lock.json tests/node_modules/.focusbot-installed-lock.json 2>/dev/null; then
  # The lockfile was resolved with --legacy-peer-deps (peers are not installed on their own), and npm ci must resolve the
  # same way to agree with it.
  (cd tests && npm ci --no-audit --no-fund --legacy-peer-deps) || fail "npm ci failed"
  cp tests/package-lock.json tests/node_modules/.focusbot-installed-lock.json
fi

step "npm: Agents Playground (dev-tools/playground/package-lock.json)"
# The Playground developers chat in, which the end-to-end tests drive too; the same marker as FocusBot's launcher leaves.
if ! cmp -s dev-tools/playground/package-lock.json dev-tools/playground/node_modules/.focusbot-installed-lock.json 2>/dev/null; then
  (cd dev-tools/playground && npm ci --no-audit --no-fund) || fail "npm ci failed in dev-tools/playground"
  cp dev-tools/playground/package-lock.json dev-tools/playground/node_modules/.focusbot-installed-lock.json
fi

step "Chromium"
if ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null \
      || fail "could not install chromium"
  else
    fail "chromium is missing and apt-get is not available to install it"
  fi
fi
chromium --version

step "format"
# Whitespace only: the build enforces the code-style and analyzer rules itself (EnforceCodeStyleInBuild, warnings as
# errors), which is what a full `dotnet format` would check again, a minute of the suite's time.
dotnet format whitespace FocusBot.sln --verify-no-changes || fail "dotnet format found changes: run 'dotnet format FocusBot.sln'"

step "build"
dotnet build FocusBot.sln -c Release -nologo -clp:ErrorsOnly || fail "build failed"

passed=0; failed=0; skipped=0
for project in tests/*.Tests/*.csproj tests/FocusBot.EndToEnd/*.csproj; do
  [ -f "$project" ] || continue
  name=$(basename "$project" .csproj)
  step "$name"
  dotnet test "$project" -c Release --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results/$name"
  trx="$results/$name/$name.trx"
  if [ -f "$trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    get() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
    p=$(get passed); f=$(get failed); t=$(get total); e=$(get executed)
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
  else
    echo "no results from $name: counted as one failure"
    failed=$((failed + 1))
  fi
done

echo
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
