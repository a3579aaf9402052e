# shellcheck shell=bash
# ./submit.sh cluster start|join|status|stop: a Spark standalone cluster (a Master and Workers) on
# this machine, run from the project's own jars, with no Spark distribution. Sourced by submit.sh,
# which defines ROOT, JAVA, java_opens, SPARK_HOME_CLASSPATH_FILE, check_master, require_java and
# build_if_stale.
#
# Everything lives in one directory, $HHSWEEP_CLUSTER_DIR (default ~/.hhsweep/cluster):
#   spark-home/jars/  links to Spark's jars in Maven's local repository: the class path of the
#                     daemons, and the one a Worker gives its executors
#   logs/             master.log, worker-N.log (each start begins them anew)
#   work/worker-N/    a Worker's work dir; app-ID/EXECUTOR/stderr is an executor's log
#   pids/             master.pid, worker-N.pid: what stop stops, and nothing else
#   cluster.env       how the cluster was started: master URL, ports, workers, cores, memory
# Every daemon carries -Dhhsweep.cluster.dir=<that directory> on its command line, so a pid file
# whose process has exited, and whose pid now names another program, is never acted on.

CLUSTER_MASTER_CLASS=org.apache.spark.deploy.master.Master
CLUSTER_WORKER_CLASS=org.apache.spark.deploy.worker.Worker
CLUSTER_EXECUTOR_CLASS=org.apache.spark.executor.CoarseGrainedExecutorBackend
# A Worker given SIGTERM stops its executors before it exits; one still there after this many
# seconds gets SIGKILL, as does any of its executors left behind.
CLUSTER_STOP_GRACE_S=15
# Start-up measured here: the Master ~5 s, Workers registered ~12 s after it (up to 21 s under load).
CLUSTER_START_TIMEOUT_S=120
# A Worker is a JVM of ~220 MB before any executor: more than this is a typo, not a plan.
CLUSTER_MAX_WORKERS=64
CLUSTER_REGISTERED='Successfully registered with master'

cluster_usage() {
    cat <<'EOF'
usage: ./submit.sh cluster start [--workers N] [--cores C] [--memory M] [--port P] [--webui-port W] [--host ADDRESS]
       ./submit.sh cluster join spark://HOST:PORT [--workers N] [--cores C] [--memory M] [--host ADDRESS]
       ./submit.sh cluster status
       ./submit.sh cluster stop
  start   a Master and N Workers on this machine (default 1 Worker with all cores, 2g each, master
          port 7077, web UI 8080, bound to 127.0.0.1); builds hhsweep first if needed
  join    N Workers on this machine for a Master elsewhere (run it on each further host)
  status  the master URL, the Workers alive, their cores and memory, the log files
  stop    stops exactly the processes start or join started (and their executors)
  --cores and --memory are per Worker. Files: $HHSWEEP_CLUSTER_DIR (default ~/.hhsweep/cluster).
EOF
}

cluster_error() {
    echo "error: $*" >&2
    exit 2
}

cluster_command() {
    if [[ $# -eq 0 ]]; then
        cluster_usage >&2
        exit 2
    fi
    [[ -n "${HHSWEEP_CLUSTER_DIR:-}" || -n "${HOME:-}" ]] ||
        cluster_error "neither HHSWEEP_CLUSTER_DIR nor HOME is set: name the cluster's directory with HHSWEEP_CLUSTER_DIR"
    CLUSTER_DIR="${HHSWEEP_CLUSTER_DIR:-$HOME/.hhsweep/cluster}"
    local sub="$1"
    shift
    case "$sub" in
        start | join | status | stop) ;;
        -h | --help | help)
            cluster_usage
            exit 0
            ;;
        *) cluster_error "unknown cluster command '$sub': expected start, join, status or stop" ;;
    esac
    cluster_parse "$sub" "$@"
    if [[ "$sub" == start || "$sub" == join ]]; then
        mkdir -p "$CLUSTER_DIR" || cluster_error "cannot create the cluster directory $CLUSTER_DIR (HHSWEEP_CLUSTER_DIR)"
    fi
    # One spelling of the directory, through links: the daemons are recognised by it.
    if [[ -d "$CLUSTER_DIR" ]]; then
        CLUSTER_DIR="$(cd "$CLUSTER_DIR" && pwd -P)"
    fi
    "cluster_$sub"
}

# Options: the same spelling and checks for start and join; status and stop take none.
cluster_parse() {
    local sub="$1" allowed name value
    shift
    case "$sub" in
        start) allowed="workers cores memory port webui-port host" ;;
        join) allowed="workers cores memory host" ;;
        *) allowed="" ;;
    esac
    c_workers=1 c_cores="" c_memory=2g c_port=7077 c_webui_port=8080 c_host="" c_master=""
    if [[ "$sub" == join ]]; then
        [[ $# -gt 0 && "$1" != --* ]] || cluster_error "cluster join needs the master's URL: ./submit.sh cluster join spark://HOST:PORT"
        c_master="$1"
        shift
        [[ "$c_master" == spark://* ]] || cluster_error "cluster join $c_master: expected spark://HOST:PORT, the URL cluster start printed"
        check_master "$c_master" "cluster join"
    fi
    while [[ $# -gt 0 ]]; do
        case "$1" in
            -h | --help)
                cluster_usage
                exit 0
                ;;
            --*) name="${1%%=*}" ;;
            *) cluster_error "cluster $sub: unexpected argument '$1' (./submit.sh cluster --help)" ;;
        esac
        [[ " $allowed " == *" ${name#--} "* ]] || break
        if [[ "$1" == *=* ]]; then
            value="${1#*=}"
            shift
        else
            [[ $# -ge 2 ]] || cluster_error "$name needs a value"
            value="$2"
            shift 2
        fi
        case "$name" in
            --workers) c_workers="$value" ;;
            --cores) c_cores="$value" ;;
            --memory) c_memory="$value" ;;
            --port) c_port="$value" ;;
            --webui-port) c_webui_port="$value" ;;
            --host) c_host="$value" ;;
        esac
    done
    if [[ $# -gt 0 ]]; then
        name="${1%%=*}"
        if [[ -z "$allowed" ]]; then
            cluster_error "cluster $sub takes no options, got $name"
        fi
        cluster_error "cluster $sub: unknown option $name (expected one of --${allowed// /, --})"
    fi
    [[ "$c_workers" =~ ^[1-9][0-9]*$ && "$c_workers" -le $CLUSTER_MAX_WORKERS ]] ||
        cluster_error "--workers $c_workers: expected a whole number of Workers from 1 to $CLUSTER_MAX_WORKERS"
    if [[ -z "$c_cores" ]]; then
        # The machine's cores shared out between the Workers.
        local cpus
        cpus="$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)"
        c_cores=$((cpus / c_workers))
        [[ $c_cores -ge 1 ]] || c_cores=1
    fi
    [[ "$c_cores" =~ ^[1-9][0-9]{0,3}$ ]] || cluster_error "--cores $c_cores: expected a whole number of cores per Worker, at least 1"
    [[ "$c_memory" =~ ^[1-9][0-9]*[mMgGtT]$ ]] ||
        cluster_error "--memory $c_memory: expected a size per Worker such as 2g or 1536m"
    local option port
    for option in port webui-port; do
        port="$c_port"
        [[ $option == port ]] || port="$c_webui_port"
        [[ "$port" =~ ^[1-9][0-9]{0,4}$ && "$port" -le 65535 ]] ||
            cluster_error "--$option $port: expected a TCP port number from 1 to 65535"
    done
    [[ "$c_port" != "$c_webui_port" ]] || cluster_error "--port and --webui-port are both $c_port: expected two different ports"
    if [[ -n "$c_host" ]]; then
        [[ "$c_host" =~ ^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$ ]] ||
            cluster_error "--host $c_host: expected a host name or IPv4 address of this machine"
        [[ "$c_host" != 0.0.0.0 ]] ||
            cluster_error "--host 0.0.0.0: expected an address of this machine that Workers and drivers can reach (Spark names the master by it)"
    fi
}

cluster_memory_mb() {
    local n="${1%?}"
    case "$1" in
        *[mM]) echo "$n" ;;
        *[gG]) echo $((n * 1024)) ;;
        *[tT]) echo $((n * 1024 * 1024)) ;;
    esac
}

# --- processes ---------------------------------------------------------------------------------

# Whether PID is alive and is a JVM of CLASS started for this cluster directory.
cluster_owned() {
    local args
    args="$(ps -ww -o args= -p "$1" 2>/dev/null)" || return 1
    [[ "$args" == *" -Dhhsweep.cluster.dir=$CLUSTER_DIR "* && "$args" == *" $2 "* ]]
}

cluster_pid() {
    local file="$CLUSTER_DIR/pids/$1.pid" pid
    [[ -f "$file" ]] || return 1
    pid="$(cat "$file")"
    [[ "$pid" =~ ^[0-9]+$ ]] && echo "$pid"
}

# The worker names (worker-1 ...) that have a pid file, in order.
cluster_worker_names() {
    local file name
    for file in "$CLUSTER_DIR"/pids/worker-*.pid; do
        [[ -f "$file" ]] || continue
        name="${file##*/}"
        echo "${name%.pid}"
    done | sort -t- -k2 -n
}

# Prints "pid" of NAME (master or worker-N) if it is running, else nothing.
cluster_running_pid() {
    local name="$1" pid class="$CLUSTER_WORKER_CLASS"
    [[ "$name" == master ]] && class="$CLUSTER_MASTER_CLASS"
    pid="$(cluster_pid "$name")" || return 1
    cluster_owned "$pid" "$class" && echo "$pid"
}

cluster_children() {
    ps -A -o pid= -o ppid= 2>/dev/null | awk -v parent="$1" '$2 == parent { print $1 }'
}

# Whether PID runs: a zombie (exited, not yet reaped by its new parent) does not.
cluster_alive() {
    local stat
    stat="$(ps -o stat= -p "$1" 2>/dev/null)" || return 1
    stat="${stat// /}"
    [[ -n "$stat" && "$stat" != Z* ]]
}

# Waits until none of PIDS is alive, at most SECONDS; fails if some still are.
cluster_wait_gone() {
    local seconds="$1" pid alive
    shift
    local deadline=$((SECONDS + seconds))
    while :; do
        alive=0
        for pid in "$@"; do
            if cluster_alive "$pid"; then
                alive=1
            fi
        done
        [[ $alive == 0 ]] && return 0
        [[ $SECONDS -lt $deadline ]] || return 1
        sleep 0.2
    done
}

# Stops every running process this directory's pid files name: Workers first (each stops its
# executors), then the Master; SIGKILL for what outlives the grace time. Prints what it stopped.
cluster_stop_processes() {
    local name pid workers=() worker_names=() executors=() child
    for name in $(cluster_worker_names); do
        pid="$(cluster_running_pid "$name")" || continue
        workers+=("$pid")
        worker_names+=("$name")
        for child in $(cluster_children "$pid"); do
            if cluster_owned_executor "$child"; then
                executors+=("$child")
            fi
        done
    done
    if [[ ${#workers[@]} -gt 0 ]]; then
        kill -TERM "${workers[@]}" 2>/dev/null || true
        if ! cluster_wait_gone "$CLUSTER_STOP_GRACE_S" "${workers[@]}"; then
            kill -KILL "${workers[@]}" 2>/dev/null || true
            cluster_wait_gone 5 "${workers[@]}" || true
        fi
    fi
    for pid in "${executors[@]+"${executors[@]}"}"; do
        if cluster_owned_executor "$pid"; then
            kill -KILL "$pid" 2>/dev/null || true
        fi
    done
    local master_pid=""
    if master_pid="$(cluster_running_pid master)"; then
        kill -TERM "$master_pid" 2>/dev/null || true
        if ! cluster_wait_gone "$CLUSTER_STOP_GRACE_S" "$master_pid"; then
            kill -KILL "$master_pid" 2>/dev/null || true
            cluster_wait_gone 5 "$master_pid" || true
        fi
    fi
    stopped_summary=""
    if [[ -n "$master_pid" ]]; then
        stopped_summary="the master (pid $master_pid)"
    fi
    if [[ ${#workers[@]} -gt 0 ]]; then
        stopped_summary="${stopped_summary:+$stopped_summary, }${#workers[@]} worker(s) (${worker_names[*]}: pids ${workers[*]})"
    fi
}

cluster_owned_executor() {
    local args
    args="$(ps -ww -o args= -p "$1" 2>/dev/null)" || return 1
    [[ "$args" == *" $CLUSTER_EXECUTOR_CLASS "* ]]
}

cluster_forget() {
    rm -f "$CLUSTER_DIR"/pids/master.pid "$CLUSTER_DIR"/pids/worker-*.pid "$CLUSTER_DIR/cluster.env"
}

# Whether anything started from this directory is still running.
cluster_any_running() {
    local name
    cluster_running_pid master >/dev/null && return 0
    for name in $(cluster_worker_names); do
        cluster_running_pid "$name" >/dev/null && return 0
    done
    return 1
}

cluster_setting() {
    if [[ -f "$CLUSTER_DIR/cluster.env" ]]; then
        sed -n "s/^$1=//p" "$CLUSTER_DIR/cluster.env"
    fi
}

# --- the master's web UI, without curl: its JSON is pretty-printed with top-level keys at two spaces

cluster_http_get() { # HOST PORT PATH: the body on stdout; fails when nothing answers
    local line in_body=0
    { exec 3<>"/dev/tcp/$1/$2"; } 2>/dev/null || return 1
    printf 'GET %s HTTP/1.0\r\nHost: %s:%s\r\nConnection: close\r\n\r\n' "$3" "$1" "$2" >&3
    while IFS= read -r -t 5 line <&3 || [[ -n "$line" ]]; do
        line="${line%$'\r'}"
        if [[ $in_body == 1 ]]; then
            printf '%s\n' "$line"
        elif [[ -z "$line" ]]; then
            in_body=1
        fi
        line=""
    done
    exec 3<&-
}

cluster_json_value() { # KEY < JSON: a top-level number or string
    sed -n "s/^  \"$1\" : \"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}\$/\1/p" | head -n 1
}

cluster_port_in_use() { # HOST PORT
    if { exec 3<>"/dev/tcp/$1/$2"; } 2>/dev/null; then
        exec 3<&-
        return 0
    fi
    return 1
}

# --- start, join ---------------------------------------------------------------------------------

cluster_refuse_running() {
    if cluster_any_running; then
        local url
        url="$(cluster_setting master_url)"
        cluster_error "a cluster is already running from $CLUSTER_DIR (${url:-master URL unknown}); ./submit.sh cluster stop ends it, or set HHSWEEP_CLUSTER_DIR to start another"
    fi
    # Files of a cluster whose processes have all exited (a reboot, a kill): nothing to keep.
    cluster_forget
}

# The cluster's Spark home: links to the jars Maven resolved (Spark, Scala, Hadoop, Parquet and
# the libraries they share with hhsweep; not hhsweep's own, which travel in the application jar).
cluster_link_spark_home() {
    local jars="$CLUSTER_DIR/spark-home/jars" entry count=0
    mkdir -p "$jars"
    find "$jars" -maxdepth 1 -type l -delete
    local entries=()
    # One line without a final newline: read says end of file, having read it all.
    IFS=: read -r -a entries <"$SPARK_HOME_CLASSPATH_FILE" || true
    for entry in "${entries[@]}"; do
        [[ -f "$entry" ]] || cluster_error "$entry is missing from Maven's local repository: run mvn -B -DskipTests -pl spark-jobs -am package to fetch it again"
        ln -s "$entry" "$jars/" 2>/dev/null || cluster_error "two of Spark's jars are named ${entry##*/}: cannot link both into $jars"
        count=$((count + 1))
    done
    [[ $count -gt 0 ]] || cluster_error "$SPARK_HOME_CLASSPATH_FILE lists no jars: rebuild with mvn -B -DskipTests -pl spark-jobs -am package"
}

# Starts NAME (master or worker-N) in the background, detached from this shell; its pid goes to
# pids/NAME.pid. The Workers' environment is what their executors need: SPARK_HOME to build an
# executor's class path, SPARK_SCALA_VERSION so that Spark looks for jars/ and not for a source
# build ("Cannot find any build directories"), and the address to bind.
cluster_start_daemon() {
    local name="$1" class="$2" host="$3"
    shift 3
    local log="$CLUSTER_DIR/logs/$name.log"
    : >"$log"
    local env=(SPARK_HOME="$CLUSTER_DIR/spark-home" SPARK_SCALA_VERSION=2.13)
    [[ -n "$host" ]] && env+=(SPARK_LOCAL_IP="$host")
    # Detached: a closed terminal (SIGHUP, ignored by nohup) or a Ctrl-C at the shell (SIGINT to the
    # terminal's foreground group, which setsid leaves) must not take the cluster with it. This
    # background subshell leads no process group, so setsid needs no fork: the pid stays the JVM's.
    local detach=(nohup)
    command -v setsid >/dev/null && detach=(setsid nohup)
    (
        cd "$CLUSTER_DIR" &&
            exec "${detach[@]}" env "${env[@]}" "$JAVA" -Xmx1g "${java_opens[@]}" "-Dhhsweep.cluster.dir=$CLUSTER_DIR" \
                -cp "$CLUSTER_DIR/spark-home/jars/*" "$class" "$@" >>"$log" 2>&1 </dev/null
    ) &
    echo "$!" >"$CLUSTER_DIR/pids/$name.pid"
}

# A failed start: stop what it started, then one line: the option to change when the master could
# not bind (exit 2), else what failed with the log's last error line and the log to read (exit 1).
cluster_start_failed() {
    local what="$1" log="$2" last
    last="$(grep -E 'ERROR|Exception|Error:' "$log" 2>/dev/null | tail -n 1 | cut -c1-300)"
    cluster_stop_processes
    cluster_forget
    if grep -q "Cannot assign requested address" "$log" 2>/dev/null; then
        cluster_error "--host $c_host: not an address of this machine (the master cannot bind to it); log: $log"
    fi
    if grep -q "Service 'sparkMaster' failed" "$log" 2>/dev/null; then
        cluster_error "--port $c_port: $c_host:$c_port is in use by another program; choose another --port (log: $log)"
    fi
    if grep -q "Service 'MasterUI' failed" "$log" 2>/dev/null; then
        cluster_error "--webui-port $c_webui_port: $c_host:$c_webui_port is in use by another program; choose another --webui-port (log: $log)"
    fi
    echo "error: $what${last:+: $last}; log: $log" >&2
    exit 1
}

cluster_await_master() {
    local pid="$1" deadline=$((SECONDS + CLUSTER_START_TIMEOUT_S)) status
    while [[ $SECONDS -lt $deadline ]]; do
        cluster_owned "$pid" "$CLUSTER_MASTER_CLASS" ||
            cluster_start_failed "the Spark master exited while starting" "$CLUSTER_DIR/logs/master.log"
        status="$(cluster_http_get "$c_host" "$c_webui_port" /json/ | cluster_json_value status)" || true
        [[ "$status" == ALIVE ]] && return 0
        sleep 0.5
    done
    cluster_start_failed "the Spark master was not up after $CLUSTER_START_TIMEOUT_S s" "$CLUSTER_DIR/logs/master.log"
}

cluster_await_workers() {
    local deadline=$((SECONDS + CLUSTER_START_TIMEOUT_S)) i waiting
    while :; do
        waiting=0
        for ((i = 1; i <= c_workers; i++)); do
            local log="$CLUSTER_DIR/logs/worker-$i.log" pid
            pid="$(cluster_pid "worker-$i")" || pid=""
            cluster_owned "$pid" "$CLUSTER_WORKER_CLASS" ||
                cluster_start_failed "worker-$i exited while starting" "$log"
            grep -q "$CLUSTER_REGISTERED" "$log" || waiting=$i
        done
        [[ $waiting == 0 ]] && return 0
        [[ $SECONDS -lt $deadline ]] ||
            cluster_start_failed "worker-$waiting did not register with $c_master within $CLUSTER_START_TIMEOUT_S s (is the master running and reachable from this host?)" \
                "$CLUSTER_DIR/logs/worker-$waiting.log"
        sleep 0.5
    done
}

cluster_start_workers() {
    local i host_args=()
    [[ -n "$c_host" ]] && host_args=(--host "$c_host")
    for ((i = 1; i <= c_workers; i++)); do
        mkdir -p "$CLUSTER_DIR/work/worker-$i"
        # Web UI on a free port of its own: the Master's page links to it.
        cluster_start_daemon "worker-$i" "$CLUSTER_WORKER_CLASS" "$c_host" "${host_args[@]+"${host_args[@]}"}" \
            --cores "$c_cores" --memory "$c_memory" --work-dir "$CLUSTER_DIR/work/worker-$i" --webui-port 0 "$c_master"
    done
    cluster_await_workers
}

cluster_prepare() {
    require_java
    build_if_stale
    mkdir -p "$CLUSTER_DIR/pids" "$CLUSTER_DIR/logs" "$CLUSTER_DIR/work"
    cluster_link_spark_home
    if [[ $(cluster_memory_mb "$c_memory") -lt 1024 ]]; then
        echo "note: Workers of $c_memory run no executor of Spark's default 1g: submit with --executor-memory $c_memory or less" >&2
    fi
}

cluster_write_settings() {
    local role="$1"
    {
        echo "role=$role"
        echo "master_url=$c_master"
        echo "host=$c_host"
        echo "port=$c_port"
        echo "webui_port=$c_webui_port"
        echo "workers=$c_workers"
        echo "cores=$c_cores"
        echo "memory=$c_memory"
        echo "started=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    } >"$CLUSTER_DIR/cluster.env"
}

cluster_start() {
    c_host="${c_host:-127.0.0.1}"
    c_master="spark://$c_host:$c_port"
    cluster_refuse_running
    # Asked on loopback, which answers at once, also for a program listening on every address; a
    # port taken on another address only shows when the master cannot bind it (cluster_start_failed).
    local option port
    for option in port webui-port; do
        port="$c_port"
        [[ $option == port ]] || port="$c_webui_port"
        if cluster_port_in_use 127.0.0.1 "$port" || { [[ "$c_host" == 127.* ]] && cluster_port_in_use "$c_host" "$port"; }; then
            cluster_error "--$option $port: $c_host:$port is in use by another program; choose another --$option"
        fi
    done
    cluster_prepare
    cluster_write_settings start
    local started=$SECONDS
    # No REST submission server (it would take port 6066 too), and no moving to the next port when
    # the chosen one was taken meanwhile: the Workers and the printed URL name this one.
    printf '%s\n' spark.master.rest.enabled=false spark.port.maxRetries=0 >"$CLUSTER_DIR/master.properties"
    cluster_start_daemon master "$CLUSTER_MASTER_CLASS" "$c_host" --host "$c_host" --port "$c_port" \
        --webui-port "$c_webui_port" --properties-file "$CLUSTER_DIR/master.properties"
    cluster_await_master "$(cluster_pid master)"
    cluster_start_workers
    echo "started in $((SECONDS - started)) s"
    cluster_describe
}

cluster_join() {
    # A master on loopback: the Workers bind there too; otherwise Spark picks this host's address.
    if [[ -z "$c_host" && "$c_master" =~ ^spark://(127\.0\.0\.1|localhost): ]]; then
        c_host=127.0.0.1
    fi
    cluster_refuse_running
    cluster_prepare
    cluster_write_settings join
    local started=$SECONDS
    cluster_start_workers
    echo "joined in $((SECONDS - started)) s"
    cluster_describe
}

# --- status, stop ----------------------------------------------------------------------------------

# What runs, from the pid files and the master's JSON; returns 1 when something started has exited.
cluster_describe() {
    local role master_url host webui_port name pid running="" exited="" degraded=0
    role="$(cluster_setting role)"
    master_url="$(cluster_setting master_url)"
    host="$(cluster_setting host)"
    webui_port="$(cluster_setting webui_port)"
    echo "cluster directory: $CLUSTER_DIR"
    if [[ "$role" == start ]]; then
        if pid="$(cluster_running_pid master)"; then
            echo "master: $master_url (pid $pid), web UI http://$host:$webui_port"
        else
            echo "master: $master_url, exited (its log: $CLUSTER_DIR/logs/master.log)"
            degraded=1
        fi
    else
        echo "master: $master_url (not started here)"
    fi
    for name in $(cluster_worker_names); do
        if pid="$(cluster_running_pid "$name")"; then
            running="${running:+$running, }$name (pid $pid)"
        else
            exited="${exited:+$exited, }$name (its log: $CLUSTER_DIR/logs/$name.log)"
            degraded=1
        fi
    done
    echo "workers started here: $(cluster_setting workers), $(cluster_setting cores) core(s) and $(cluster_setting memory) each;" \
        "running: ${running:-none}${exited:+; exited: $exited}"
    if [[ "$role" == start ]]; then
        local json
        if json="$(cluster_http_get "$host" "$webui_port" /json/)" && [[ -n "$json" ]]; then
            echo "alive workers (the master's count, joined hosts included): $(cluster_json_value aliveworkers <<<"$json")," \
                "$(cluster_json_value cores <<<"$json") cores ($(cluster_json_value coresused <<<"$json") in use)," \
                "$(cluster_json_value memory <<<"$json") MB ($(cluster_json_value memoryused <<<"$json") MB in use)"
        fi
    fi
    local logs="worker-N.log"
    [[ "$role" == start ]] && logs="master.log, $logs"
    echo "logs: $CLUSTER_DIR/logs/ ($logs);" \
        "executors: $CLUSTER_DIR/work/worker-N/<application>/<executor>/stderr"
    echo "submit: ./submit.sh --master $master_url sweep CONFIG"
    if [[ "$role" == start ]]; then
        local join="./submit.sh cluster join $master_url --host THAT-HOSTS-ADDRESS"
        case "$host" in
            127.* | localhost)
                echo "join from another host: the master listens on $host only; start it with --host" \
                    "<this machine's address>, then run there: ./submit.sh cluster join spark://<this machine's address>:$(cluster_setting port) --host THAT-HOSTS-ADDRESS"
                ;;
            *)
                echo "join from another host (hhsweep checked out there): $join;" \
                    "or from a Spark 4.2 distribution: \$SPARK_HOME/sbin/start-worker.sh $master_url"
                ;;
        esac
    fi
    echo "stop: ./submit.sh cluster stop"
    return $degraded
}

cluster_status() {
    if ! cluster_any_running; then
        if [[ -f "$CLUSTER_DIR/cluster.env" ]]; then
            echo "no cluster running from $CLUSTER_DIR (the one started $(cluster_setting started) has exited; logs in $CLUSTER_DIR/logs/)"
        else
            echo "no cluster running from $CLUSTER_DIR"
        fi
        exit 3
    fi
    cluster_describe || exit 1
}

cluster_stop() {
    if ! cluster_any_running; then
        local stale=""
        if [[ -f "$CLUSTER_DIR/cluster.env" ]] || compgen -G "$CLUSTER_DIR/pids/*.pid" >/dev/null; then
            stale=" (its processes had already exited; their pid files are removed)"
            cluster_forget
        fi
        cluster_error "nothing to stop: no cluster is running from $CLUSTER_DIR$stale"
    fi
    cluster_stop_processes
    cluster_forget
    echo "stopped $stopped_summary; logs kept in $CLUSTER_DIR/logs/"
}
