# A real single-node Kafka broker (KRaft) run from Maven Central jars, no Docker. Sourced after lib.sh.
# shellcheck shell=bash

KAFKA_LIB=$ROLLGATE_CACHE/kafka/lib
KAFKA_TOPIC_PARTITIONS=${KAFKA_TOPIC_PARTITIONS:-6}

kafka_ensure_jars() { resolve_jars deploy/local/kafka/pom.xml "$KAFKA_LIB" "Kafka broker"; }

# kafka_tool MAIN_CLASS ARGS...: one of Kafka's command-line tools, on the broker's own classpath.
kafka_tool() {
  "$JAVA" -Xmx256m -Dlog4j2.configurationFile="$ROLLGATE_ROOT/deploy/local/kafka/log4j2-tools.properties" \
    -cp "$KAFKA_LIB/*" "$@"
}

# kafka_configure DIR BROKER_PORT CONTROLLER_PORT: writes DIR/server.properties for one combined
# broker+controller node with a static quorum of itself.
kafka_configure() {
  local dir=$1 port=$2 controller=$3
  mkdir -p "$dir/data"
  cat > "$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$dir/data
num.partitions=$KAFKA_TOPIC_PARTITIONS
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
}

kafka_marker() { echo "$1/server.properties"; }

kafka_running() { pid_alive "$1/kafka.pid" "$(kafka_marker "$1")"; }

kafka_bootstrap_ok() {
  kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$1" --list
}

# kafka_start DIR BOOTSTRAP: formats DIR/data once, starts the broker and waits until it answers.
kafka_start() {
  local dir=$1 bootstrap=$2 port=${2##*:}
  if kafka_running "$dir"; then
    say "Kafka already running on $bootstrap (pid $(cat "$dir/kafka.pid"))"
    return 0
  fi
  port_in_use "$port" && die "port $port is taken by another process: Kafka cannot listen there (set KAFKA_PORT)"
  if [ ! -f "$dir/data/meta.properties" ]; then
    local cluster_id
    cluster_id=$(head -c16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
    # A random id may begin with '-': the '=' form keeps it from being read as an option.
    kafka_tool kafka.tools.StorageTool format --cluster-id="$cluster_id" --config "$dir/server.properties" >"$dir/format.log" 2>&1 \
      || { cat "$dir/format.log" >&2; die "could not format the Kafka log directory $dir/data"; }
  fi
  start_process "$dir/kafka.pid" "$dir/kafka.log" "$JAVA" -Xms256m -Xmx768m \
    -Dlog4j2.configurationFile="$ROLLGATE_ROOT/deploy/local/kafka/log4j2-broker.properties" \
    -cp "$KAFKA_LIB/*" kafka.Kafka "$(kafka_marker "$dir")"
  wait_until 60 "" port_in_use "$port" \
    || { tail -20 "$dir/kafka.log" >&2; die "Kafka did not open $bootstrap within 60 s (log: $dir/kafka.log)"; }
  wait_until 60 "Kafka is up on $bootstrap (pid $(cat "$dir/kafka.pid"))" kafka_bootstrap_ok "$bootstrap" \
    || { tail -20 "$dir/kafka.log" >&2; die "Kafka on $bootstrap did not answer within 60 s"; }
}

kafka_stop() { stop_process "$1/kafka.pid" "$(kafka_marker "$1")" "Kafka"; }

# kafka_create_topics BOOTSTRAP: the event topic (kept forever: caches are rebuilt by replaying it)
# and its dead-letter topic. Does nothing to topics that exist.
kafka_create_topics() {
  local bootstrap=$1 topic
  for topic in rollgate.release-events rollgate.release-events.dlq; do
    kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$bootstrap" --create --if-not-exists \
      --topic "$topic" --partitions "$KAFKA_TOPIC_PARTITIONS" --replication-factor 1 \
      --config retention.ms=-1 >/dev/null || die "could not create topic $topic on $bootstrap"
  done
  # Devices' outcome reports: telemetry, kept a week (the counts themselves live in Kafka Streams' changelogs).
  kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$bootstrap" --create --if-not-exists \
    --topic rollgate.client-reports --partitions "$KAFKA_TOPIC_PARTITIONS" --replication-factor 1 \
    --config retention.ms=604800000 >/dev/null || die "could not create topic rollgate.client-reports on $bootstrap"
  say "topics rollgate.release-events and rollgate.release-events.dlq ready ($KAFKA_TOPIC_PARTITIONS partitions, kept forever), rollgate.client-reports (kept a week)"
}
