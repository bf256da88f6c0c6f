#!/usr/bin/env bash
# Every test: makes sure what the tests need is here (Debian's redis-server for the cluster tests, chromium and chromium-driver
# and fonts-noto-cjk for the browser tests), installing it when run as root and naming it otherwise, starts a loopback Redis for the cluster tests,
# runs `dotnet test ModularGov.sln` (with any arguments given, e.g. --filter), stops that Redis, and ends with one summary line.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

command -v dotnet >/dev/null || { echo "the .NET 10 SDK is required" >&2; exit 1; }

missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
# Chinese glyphs for the console's screenshots (artifacts/screenshots/); without them a person sees boxes.
[ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "the tests need ${missing[*]}; install them with:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# One Redis for every cluster test, on a free loopback port, without persistence; stopped when the script ends.
work=$(mktemp -d)
redis_pid=""
cleanup() {
  if [ -n "$redis_pid" ]; then kill "$redis_pid" 2>/dev/null || true; wait "$redis_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
if [ -z "${MODULARGOV_TEST_REDIS:-}" ]; then
  for port in $(shuf -i 20000-40000 -n 20); do
    redis-cli -p "$port" ping >/dev/null 2>&1 && continue # someone else's
    redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --dir "$work" >"$work/redis.log" 2>&1 &
    redis_pid=$!
    for _ in $(seq 1 50); do
      redis-cli -p "$port" ping >/dev/null 2>&1 && break
      kill -0 "$redis_pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$redis_pid" 2>/dev/null && redis-cli -p "$port" ping >/dev/null 2>&1; then
      export MODULARGOV_TEST_REDIS="127.0.0.1:$port"
      break
    fi
    kill "$redis_pid" 2>/dev/null || true
    wait "$redis_pid" 2>/dev/null || true
    redis_pid=""
  done
  [ -n "$redis_pid" ] || { echo "redis-server did not start:" >&2; cat "$work/redis.log" >&2; exit 1; }
fi

status=0
dotnet test ModularGov.sln "$@" 2>&1 | tee "$work/test.log" || status=$?

# One plain summary line for the whole run, added up from each test assembly's result line.
count() { grep -Eo "$1: +[0-9]+" "$work/test.log" | awk '{s+=$2} END {print s+0}' || true; }
echo "tests: $(count Passed) passed, $(count Failed) failed, $(count Skipped) skipped"
exit "$status"
