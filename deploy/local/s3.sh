# A real S3 server for package files, run from Maven Central jars (S3Proxy over its filesystem backend), no
# Docker. package-service stores uploaded packages and their diffs in its bucket, and devices download them
# from it, as they would from a CDN in front of a bucket in production. Sourced after lib.sh.
# shellcheck shell=bash

S3_LIB=$ROLLGATE_CACHE/s3/lib
S3_PORT=${S3_PORT:-8090}
S3_BUCKET=${S3_BUCKET:-rollgate-packages}
S3_DIR=$ROLLGATE_STATE/s3

s3_url() { echo "http://127.0.0.1:${1:-$S3_PORT}"; }

s3_ensure_jars() { resolve_jars deploy/local/s3/pom.xml "$S3_LIB" "S3 server (org.gaul:s3proxy)"; }

s3_marker() { echo "$1/s3proxy.conf"; }

s3_running() { pid_alive "$1/s3.pid" "$(s3_marker "$1")"; }

# s3_start DIR PORT BUCKET...: starts the server over DIR/data, waits until it answers, makes the buckets.
# Anyone on this machine may read and write it (no authorization): it listens on 127.0.0.1 only.
s3_start() {
  local dir=$1 port=$2 bucket
  shift 2
  mkdir -p "$dir/data"
  if s3_running "$dir"; then
    say "S3 server already running on $(s3_url "$port") (pid $(cat "$dir/s3.pid"))"
  else
    port_in_use "$port" && die "port $port is taken by another process: the S3 server cannot listen there (set S3_PORT)"
    cat > "$(s3_marker "$dir")" <<CONF
s3proxy.endpoint=$(s3_url "$port")
s3proxy.authorization=none
jclouds.provider=filesystem-nio2
jclouds.filesystem.basedir=$dir/data
jclouds.identity=local
jclouds.credential=local
CONF
    start_process "$dir/s3.pid" "$dir/s3.log" "$JAVA" -Xms64m -Xmx256m -DLOG_LEVEL=warn \
      -cp "$S3_LIB/*" org.gaul.s3proxy.Main --properties "$(s3_marker "$dir")"
    wait_until 60 "S3 server is up on $(s3_url "$port") (pid $(cat "$dir/s3.pid"))" port_in_use "$port" \
      || { tail -20 "$dir/s3.log" >&2; die "the S3 server did not open port $port within 60 s (log: $dir/s3.log)"; }
  fi
  for bucket in "$@"; do
    # PUT on an existing bucket answers 409 BucketAlreadyOwnedByYou: both mean it is there.
    case $(curl -sS -o /dev/null -w '%{http_code}' -X PUT "$(s3_url "$port")/$bucket") in
      200|409) ;;
      *) die "could not make the bucket $bucket on $(s3_url "$port")" ;;
    esac
  done
}

s3_stop() { stop_process "$1/s3.pid" "$(s3_marker "$1")" "S3 server"; }
