# Shared by deploy/local/{up,down,status,test}: sourced, never run.
# shellcheck shell=bash

ROLLGATE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# Everything the scripts create lives here, git-ignored: caches, PID files, logs, broker data, keys.
ROLLGATE_STATE=${ROLLGATE_STATE_DIR:-$ROLLGATE_ROOT/.rollgate}
ROLLGATE_CACHE=$ROLLGATE_STATE/cache
ROLLGATE_RUN=$ROLLGATE_STATE/run
ROLLGATE_LOGS=$ROLLGATE_STATE/logs

say() { printf '==> %s\n' "$*"; }
warn() { printf 'rollgate: %s\n' "$*" >&2; }
die() { printf 'rollgate: %s\n' "$*" >&2; exit 1; }

# Picks a JDK >= 21: JAVA_HOME first, then the Temurin 25 that machines of this kind carry.
# Exports JAVA_HOME (mvnw and the services use it) and sets JAVA.
pick_java() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    major=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 \
      | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1)
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME=$candidate
      JAVA=$candidate/bin/java
      return 0
    fi
  done
  die "no JDK 21 or newer found. Set JAVA_HOME to one (checked: JAVA_HOME='${JAVA_HOME:-}', /usr/lib/jvm/temurin-25-jdk-amd64). On Debian: apt-get install openjdk-21-jdk-headless, or install Temurin 21+ from adoptium.net."
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A port nobody listens on, from a range the local stack never uses by default.
free_port() {
  local port tries=0
  while [ $tries -lt 200 ]; do
    # Below the kernel's ephemeral range (32768+), where an outgoing connection could take the port
    # between this check and the bind; Java tests pick theirs from 20000-31999.
    port=$(( 10000 + RANDOM % 10000 ))
    if ! port_in_use "$port"; then echo "$port"; return 0; fi
    tries=$((tries + 1))
  done
  die "found no free port on 127.0.0.1"
}

# wait_until SECONDS DESCRIPTION COMMAND...: polls COMMAND every 0.2 s until it succeeds.
wait_until() {
  local seconds=$1 what=$2; shift 2
  local deadline=$(( $(date +%s) + seconds ))
  until "$@" >/dev/null 2>&1; do
    if [ "$(date +%s)" -ge "$deadline" ]; then return 1; fi
    sleep 0.2
  done
  [ -z "$what" ] || say "$what"
}

http_ok() { curl -fsS -o /dev/null --max-time 2 "$1"; }

# pid_alive PIDFILE MARKER: the process of PIDFILE runs and its command line holds MARKER, so that a
# recycled PID never gets mistaken for ours.
pid_alive() {
  local pidfile=$1 marker=$2 pid
  [ -f "$pidfile" ] || return 1
  pid=$(cat "$pidfile" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker"
}

# start_process PIDFILE LOGFILE COMMAND...: runs COMMAND in the background in its own session.
start_process() {
  local pidfile=$1 logfile=$2; shift 2
  mkdir -p "$(dirname "$pidfile")" "$(dirname "$logfile")"
  setsid "$@" >>"$logfile" 2>&1 < /dev/null &
  echo $! > "$pidfile"
}

# stop_process PIDFILE MARKER NAME: TERM, then KILL after 20 s; removes the PID file.
stop_process() {
  local pidfile=$1 marker=$2 name=$3 pid i
  if pid_alive "$pidfile" "$marker"; then
    pid=$(cat "$pidfile")
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
      warn "$name (pid $pid) ignored TERM; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    say "stopped $name (pid $pid)"
  fi
  rm -f "$pidfile"
}

is_debian_root() { [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; }

pg_reachable() {
  pg_isready -q -h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" 2>/dev/null
}

# PostgreSQL on 127.0.0.1:5432 with trust (or DB_USER/DB_PASSWORD) auth. Installs it on Debian as root.
ensure_postgres() {
  if command -v pg_isready >/dev/null && pg_reachable; then return 0; fi
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ] && [ "$(id -u)" = 0 ]; then
    say "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start || true
    if wait_until 30 "" pg_reachable; then
      mkdir -p "$ROLLGATE_RUN" && touch "$ROLLGATE_RUN/postgres.started-by-rollgate"
      return 0
    fi
  fi
  if is_debian_root; then
    say "installing PostgreSQL (Debian package postgresql)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null || apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null \
      || die "could not install PostgreSQL with apt-get"
    local version; version=$(ls /etc/postgresql | sort -V | tail -1)
    # Local development only: trust connections from 127.0.0.1, as on the machines this was built on.
    sed -i 's/^host\(\s\+all\s\+all\s\+127.0.0.1\/32\s\+\)\S\+/host\1trust/' "/etc/postgresql/$version/main/pg_hba.conf"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || pg_ctlcluster "$version" main restart
    if wait_until 30 "PostgreSQL is up" pg_reachable; then
      mkdir -p "$ROLLGATE_RUN" && touch "$ROLLGATE_RUN/postgres.started-by-rollgate"
      return 0
    fi
  fi
  die "PostgreSQL is not reachable on ${DB_HOST:-127.0.0.1}:${DB_PORT:-5432}. Install PostgreSQL 15 or newer
  (Debian/Ubuntu: apt-get install postgresql; macOS: brew install postgresql@15) and allow the user
  '${DB_USER:-postgres}' to connect from 127.0.0.1 (trust, or set DB_USER and DB_PASSWORD)."
}

redis_reachable() { redis-cli -h 127.0.0.1 -p "${1:-6379}" ping 2>/dev/null | grep -q PONG; }

ensure_redis_installed() {
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null && return 0
  if is_debian_root; then
    say "installing Redis (Debian package redis-server)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q redis-server >/dev/null || apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q redis-server >/dev/null \
      || die "could not install Redis with apt-get"
    return 0
  fi
  die "Redis 7 is not installed. Install it (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis)."
}

# The console's browser tests drive the machine's Chromium (never a browser Playwright downloads). Exports
# CHROMIUM; on Debian as root installs the chromium package when it is missing.
ensure_chromium() {
  local candidate
  for candidate in "${CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
      export CHROMIUM=$candidate
      return 0
    fi
  done
  if is_debian_root; then
    say "installing Chromium for the console's browser tests (Debian package chromium)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null || apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null \
      || die "could not install Chromium with apt-get"
    export CHROMIUM=/usr/bin/chromium
    return 0
  fi
  die "Chromium is missing; the console's browser tests need it. Install it (Debian/Ubuntu: apt-get install chromium; macOS: brew install --cask chromium) or set CHROMIUM to a Chromium executable."
}

# The console is built with the machine's Node.js at Maven build time (console/build.sh says what it needs).
ensure_node() {
  command -v node >/dev/null && command -v npm >/dev/null && return 0
  die "Node.js 20.19+ with npm is missing; the console is built with it. Install it from https://nodejs.org (or NodeSource's Debian packages)."
}

# start_redis PORT PIDFILE LOGFILE: a private, memory-only Redis.
start_redis() {
  mkdir -p "$(dirname "$2")" "$(dirname "$3")"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$1" --save "" --appendonly no \
    --dir /tmp --pidfile "$2" --logfile "$3" >/dev/null || die "could not start redis-server on port $1"
  wait_until 15 "Redis is up on 127.0.0.1:$1" redis_reachable "$1" || die "Redis did not answer on 127.0.0.1:$1"
}

# Redis on 127.0.0.1:6379. Starts (and on Debian as root installs) it when it does not answer; one
# that this script started is stopped by deploy/local/down.
ensure_redis() {
  ensure_redis_installed
  redis_reachable 6379 && return 0
  start_redis 6379 "$ROLLGATE_RUN/redis.pid" "$ROLLGATE_LOGS/redis.log"
}

psql_admin() {
  PGPASSWORD=${DB_PASSWORD:-} psql -v ON_ERROR_STOP=1 -q -X -h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" \
    -U "${DB_USER:-postgres}" -d postgres "$@"
}

# ensure_database NAME: creates it when missing; keeps its data otherwise.
ensure_database() {
  if [ -z "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'")" ]; then
    psql_admin -c "CREATE DATABASE \"$1\"" && say "created database $1"
  fi
}

# recreate_database NAME: an empty database, for a test run that must not see an earlier one's rows.
recreate_database() {
  psql_admin -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" -c "CREATE DATABASE \"$1\""
}

mvnw() { (cd "$ROLLGATE_ROOT" && ./mvnw "$@"); }

# resolve_jars POM LIB WHAT: copies the runtime jars POM names into LIB, once (again only when POM changes).
# Kafka and the S3 server run from such folders, apart from the services' classpath.
resolve_jars() {
  local pom=$1 lib=$2 what=$3 want
  want=$(sha256sum "$ROLLGATE_ROOT/$pom" | cut -c1-64)
  if [ -f "$lib/.resolved-from" ] && [ "$(cat "$lib/.resolved-from")" = "$want" ]; then
    return 0
  fi
  say "resolving the $what jars from Maven Central into $lib (once)"
  rm -rf "$lib.tmp"
  mvnw -B -q -f "$pom" dependency:copy-dependencies -DoutputDirectory="$lib.tmp" -DincludeScope=runtime \
    || die "could not resolve the $what jars ($pom) from Maven Central"
  rm -rf "$lib"
  mv "$lib.tmp" "$lib"
  echo "$want" > "$lib/.resolved-from"
}
