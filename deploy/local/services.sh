# The four services of the local stack: ports, environment, build, start. Sourced after lib.sh.
# shellcheck shell=bash

# package-service's environment names the S3 server's address.
source "$(dirname "${BASH_SOURCE[0]}")/s3.sh"

ROLLGATE_SERVICES="package-service release-service targeting-service gateway"

KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
KAFKA_DIR=$ROLLGATE_STATE/kafka

service_port() {
  case $1 in
    gateway) echo "${GATEWAY_PORT:-8080}" ;;
    package-service) echo "${PACKAGE_SERVICE_PORT:-8081}" ;;
    release-service) echo "${RELEASE_SERVICE_PORT:-8082}" ;;
    targeting-service) echo "${TARGETING_SERVICE_PORT:-8083}" ;;
  esac
}

service_url() { echo "http://127.0.0.1:$(service_port "$1")"; }

service_jar() { echo "$ROLLGATE_ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

# The environment each service reads (see each application.properties and docs/configuration.md).
service_env() {
  local name=$1
  echo "HTTP_PORT=$(service_port "$name")"
  echo "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT"
  echo "REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}"
  echo "DB_HOST=${DB_HOST:-127.0.0.1}"
  echo "DB_PORT=${DB_PORT:-5432}"
  echo "DB_USER=${DB_USER:-postgres}"
  echo "DB_PASSWORD=${DB_PASSWORD:-}"
  echo "PACKAGE_SERVICE_URL=$(service_url package-service)"
  echo "RELEASE_SERVICE_URL=$(service_url release-service)"
  echo "JWT_PUBLIC_KEY_LOCATION=$JWT_DIR/public.pem"
  echo "JWT_ISSUER=$JWT_ISSUER"
  case $name in
    package-service)
      echo "DB_NAME=rollgate_package"
      echo "S3_ENDPOINT=$(s3_url)"
      echo "S3_BUCKET=$S3_BUCKET" ;;
    release-service)
      echo "DB_NAME=rollgate_release"
      # Kafka Streams' local state for release health (restored from its changelogs when it is gone).
      echo "STREAMS_STATE_DIR=$ROLLGATE_STATE/streams/release-service" ;;
  esac
}

# JVM options when JAVA_OPTS does not set them. The gateway's heap is fixed and its young generation
# large, so that it collects every second or two under load rather than several times a second: each G1
# pause on two shared cores takes 5-15 ms, and at that rate they set the client API's p99. What outlives
# a request (cached segments, remembered audiences) is promoted after two collections, not copied fifteen.
# The old generation keeps room beyond the cache budget (30 % of the heap, 154 MB of its 352 MB): with
# half the heap young, a full cache filled three quarters of it and G1 marked it without pause, a fifth
# more CPU a request and a p99 over 10 ms (docs/performance.md, "the stack with history").
service_java_opts() {
  case $1 in
    gateway) echo "-Xms512m -Xmx512m -Xmn160m -XX:MaxTenuringThreshold=2" ;;
    *) echo "-Xms64m -Xmx512m" ;;
  esac
}

service_marker() { service_jar "$1"; }

service_running() { pid_alive "$ROLLGATE_RUN/$1.pid" "$(service_marker "$1")"; }

# Builds every service jar when a source, POM or resource is newer than one of the jars.
build_if_stale() {
  local name jar sources stale=""
  for name in $ROLLGATE_SERVICES; do
    jar=$(service_jar "$name")
    if [ ! -f "$jar" ]; then stale="$name has no jar"; break; fi
    # The gateway serves the console, so a console change makes its jar stale too.
    sources="pom.xml contracts outbox $name"
    [ "$name" = gateway ] && sources="$sources console"
    # shellcheck disable=SC2086
    if [ -n "$(cd "$ROLLGATE_ROOT" && find $sources -newer "$jar" -type f \
        -not -path '*/target/*' -not -path '*/node_modules/*' 2>/dev/null | head -1)" ]; then
      stale="$name changed since its jar was built"; break
    fi
  done
  if [ -z "$stale" ]; then
    say "service jars are up to date"
    return 0
  fi
  say "building the service jars ($stale): ./mvnw -B -q package -DskipTests"
  mvnw -B -q package -DskipTests || die "the build failed; run ./mvnw package to see why"
}

start_service() {
  local name=$1 port
  port=$(service_port "$name")
  if service_running "$name"; then
    say "$name already running on :$port (pid $(cat "$ROLLGATE_RUN/$name.pid"))"
    return 0
  fi
  port_in_use "$port" && die "port $port is taken by another process: $name cannot start there"
  local -a env_vars
  mapfile -t env_vars < <(service_env "$name")
  # shellcheck disable=SC2086
  start_process "$ROLLGATE_RUN/$name.pid" "$ROLLGATE_LOGS/$name.log" \
    env "${env_vars[@]}" "$JAVA" ${JAVA_OPTS:-$(service_java_opts "$name")} -jar "$(service_jar "$name")"
  say "started $name on :$port (pid $(cat "$ROLLGATE_RUN/$name.pid"), log $ROLLGATE_LOGS/$name.log)"
}

wait_service_ready() {
  local name=$1
  wait_until 120 "$name is ready" http_ok "$(service_url "$name")/q/health/ready" && return 0
  if ! service_running "$name"; then
    tail -30 "$ROLLGATE_LOGS/$name.log" >&2
    die "$name exited during start-up (log: $ROLLGATE_LOGS/$name.log)"
  fi
  curl -s "$(service_url "$name")/q/health/ready" >&2 || true
  die "$name is not ready after 120 s (log: $ROLLGATE_LOGS/$name.log)"
}

stop_service() { stop_process "$ROLLGATE_RUN/$1.pid" "$(service_marker "$1")" "$1"; }
