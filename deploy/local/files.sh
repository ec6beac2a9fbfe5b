# Package files for the local stack: a static HTTP server (the JDK's jwebserver) over .rollgate/files, so
# that the demo's versions point at real zips a device can download. In production a CDN does this.
# Sourced after lib.sh.
FILES_PORT=${FILES_PORT:-8090}
FILES_DIR=$ROLLGATE_STATE/files

files_url() { echo "http://127.0.0.1:$FILES_PORT"; }

files_running() { pid_alive "$ROLLGATE_RUN/files.pid" "$FILES_DIR"; }

files_start() {
  mkdir -p "$FILES_DIR"
  if files_running; then return 0; fi
  local server
  server="$(dirname "$JAVA")/jwebserver"
  [ -x "$server" ] || die "$server is missing: the package files need the JDK's jwebserver (JDK 18 or newer)"
  start_process "$ROLLGATE_RUN/files.pid" "$ROLLGATE_LOGS/files.log" \
    "$server" -b 127.0.0.1 -p "$FILES_PORT" -d "$FILES_DIR" -o none
  wait_until 30 "package files at $(files_url)" http_ok "$(files_url)/" \
    || die "the package file server did not start; see $ROLLGATE_LOGS/files.log"
}

files_stop() { stop_process "$ROLLGATE_RUN/files.pid" "$FILES_DIR" "package files"; }
