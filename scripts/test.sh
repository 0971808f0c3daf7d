#!/usr/bin/env bash
# Runs every test of the repository and ends with the line "N passed, N failed[, N skipped]".
#
# Database tests run on SQLite and on MariaDB. Point TICKETSAAS_TEST_MYSQL at a server you already have
# (e.g. "Server=127.0.0.1;Port=3306;User ID=root;Password=secret;": each test class creates and drops its
# own database); without it this script starts a private mariadbd on a temporary data directory, installing
# Debian's mariadb-server first when it is missing.
#
# Transcript pages are opened in Debian's Chromium at /usr/bin/chromium (Playwright downloads no browser here);
# the script installs the chromium package when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
mariadb_pid=""

cleanup() {
  if [ -n "$mariadb_pid" ]; then
    kill "$mariadb_pid" 2>/dev/null || true
    wait "$mariadb_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

start_private_mariadb() {
  if ! command -v mariadbd >/dev/null 2>&1; then
    echo "Installing mariadb-server (Debian package)..."
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server >/dev/null
  fi
  local datadir="$work/mariadb" port
  port=$(free_port)
  mkdir -p "$datadir"
  mariadb-install-db --no-defaults --datadir="$datadir" --auth-root-authentication-method=normal \
    --skip-test-db --user="$(id -un)" >"$work/mariadb-install.log" 2>&1
  mariadbd --no-defaults --datadir="$datadir" --socket="$datadir/mysqld.sock" --pid-file="$datadir/mysqld.pid" \
    --port="$port" --bind-address=127.0.0.1 --skip-name-resolve --user="$(id -un)" \
    --innodb-buffer-pool-size=256M --innodb-flush-log-at-trx-commit=2 --max-connections=500 \
    --log-error="$work/mariadb-error.log" &
  mariadb_pid=$!
  for _ in $(seq 1 60); do
    if mariadb-admin --no-defaults --socket="$datadir/mysqld.sock" -uroot ping >/dev/null 2>&1; then
      export TICKETSAAS_TEST_MYSQL="Server=127.0.0.1;Port=$port;User ID=root;Password=;"
      echo "Private MariaDB listening on 127.0.0.1:$port"
      return
    fi
    sleep 0.5
  done
  echo "mariadbd did not start; its log:" >&2
  cat "$work/mariadb-error.log" >&2
  exit 1
}

if [ -z "${TICKETSAAS_TEST_MYSQL:-}" ]; then
  start_private_mariadb
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing chromium (Debian package)..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# Node helpers some tests call (e.g. Discord's own signature check, to compare verdicts with ours).
for lock in tests/*/node/package-lock.json; do
  [ -f "$lock" ] || continue
  (cd "$(dirname "$lock")" && npm ci --no-audit --no-fund --loglevel=error)
done

dotnet build TicketSaas.sln -nologo -v q
set +e
# One test assembly at a time: timing-sensitive tests (rate-limit bursts) must not share 2 cores with crash tests.
dotnet test TicketSaas.sln --no-build --nologo -m:1 --logger "trx" --logger "console;verbosity=minimal" --results-directory "$work/results"
dotnet_status=$?
set -e

passed=0 failed=0 skipped=0
for trx in "$work"/results/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  attr() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(attr passed)))
  failed=$((failed + $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted)))
  skipped=$((skipped + $(attr total) - $(attr executed)))
done
if [ "$dotnet_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # dotnet test failed without a failing test (a crashed test host, say): count it.
  failed=1
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
