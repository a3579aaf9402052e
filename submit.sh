#!/usr/bin/env bash
# Runs hhsweep's commands (sweep, validate, query, plot, report), and starts a standalone Spark
# cluster on this machine (cluster start|join|status|stop, in lib/cluster.sh).
#
#   ./submit.sh [--master URL] [spark-submit options] COMMAND ...
#   ./submit.sh cluster start|join|status|stop [options]
#
# Without --master (or with --master local[N]) the command runs here, in one JVM, on all cores,
# from the project's own jars, which are built on first use and rebuilt when sources change.
# With a cluster master (spark://, yarn, k8s://...) it goes through spark-submit: $SPARK_HOME's
# when SPARK_HOME has one, else Spark's SparkSubmit class from the project's classpath.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MAIN=org.hhsweep.spark.cli.Main
TARGET="$ROOT/spark-jobs/target"
CLASSPATH_FILE="$TARGET/classpath.txt"
SPARK_HOME_CLASSPATH_FILE="$TARGET/spark-home-classpath.txt"
LOG_CONFIG="$ROOT/conf/log4j2.properties"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

usage() {
    cat <<'EOF'
usage: ./submit.sh [--master URL] [spark-submit options] COMMAND ...
commands:
  sweep CONFIG [--out DIR] [--overwrite | --resume] [--max-output SIZE|none] [--ignore-free-space]
                                           run a sweep (or a config's fit), write its Parquet tables and manifest
  validate CONFIG                          check a config and print its size without running it
  query DIR SQL [--format table|csv|json] [--limit N]
                                           Spark SQL over an output's runs, summaries, spikes, traces
  plot DIR --kind traces|raster|fi|heatmap|isi|gates|rates|sensitivity|fit [--where SQL] [--out FILE [--overwrite]]
       [--format png|svg] [--width W] [--height H] [--limit N] [--x PATH] [--y PATH] [--series PATH|none]
       [--run ID]                          a figure from an output's tables (default DIR/plots/KIND.png);
                                           gates: one run's model (default the base model)
  report DIR                               DIR/report.html: manifest, summary tables and plots
  unlock DIR [--force]                     remove the lock a killed sweep left on an hdfs:// output
  every command takes --verbose (Spark's logs, stack traces)
  cluster start|join|status|stop [options] a standalone Spark cluster on this machine
                                           (./submit.sh cluster --help)
options before COMMAND:
  --master URL        local[N] (default local[*]: all cores), spark://HOST:PORT, yarn, k8s://...
  --conf KEY=VALUE    a Spark setting (also in local mode)
  --driver-memory M   heap of the driver (in local mode: of the one JVM), e.g. 8g
  --deploy-mode client with yarn the only mode: the driver runs here (cluster is refused)
  any other spark-submit option, with a cluster master
environment: SPARK_HOME (use its spark-submit), SPARK_LOCAL_IP (default 127.0.0.1 when running
  locally), HADOOP_CONF_DIR / YARN_CONF_DIR (the Hadoop cluster's client configuration: needed
  by --master yarn, and on the class path in every mode, for hdfs:// outputs), HHSWEEP_JAVA_OPTS
  (extra JVM options in local mode), HHSWEEP_CDS=0 (no class data sharing archive in local mode),
  HHSWEEP_CLUSTER_DIR (the cluster command's files, default ~/.hhsweep/cluster)
EOF
}

# A master URL Spark accepts (given with option $2, default --master): checked here so that a typo fails in one line at once, not after
# seconds of Spark's start-up with a stack trace.
check_master() {
    local m="$1" option="${2:---master}"
    case "$m" in
        local | local\[\*\] | yarn | k8s://?*) return 0 ;;
        local\[*\])
            # local[N], local[*], local[N,F], local[*,F]: N at least 1, F (task retries) at least 1.
            [[ "$m" =~ ^local\[([1-9][0-9]*|\*)(,[1-9][0-9]*)?\]$ ]] && return 0
            echo "error: $option $m: expected local[N] with N at least 1 thread, local[*] (all cores) or local[N,F]" >&2
            exit 2
            ;;
        spark://*)
            [[ "$m" =~ ^spark://[^:,/]+:[0-9]+(,[^:,/]+:[0-9]+)*$ ]] && return 0
            echo "error: $option $m: expected spark://HOST:PORT (or HOST1:PORT1,HOST2:PORT2 for standby masters)" >&2
            exit 2
            ;;
    esac
    echo "error: $option $m: expected local[N], local[*], spark://HOST:PORT, yarn or k8s://URL" >&2
    exit 2
}

# A JVM heap size as Spark writes it (512m, 4g, 1024k, optionally with b: 4gb), for -Xmx in local mode.
check_memory() {
    [[ "$1" =~ ^[1-9][0-9]*[kKmMgGtT]?[bB]?$ && ! "$1" =~ ^[0-9]+[bB]$ ]] && return 0
    echo "error: --driver-memory $1: expected a size such as 512m or 4g" >&2
    exit 2
}

master=""
driver_memory=""
confs=()
submit_opts=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        sweep | validate | query | plot | report | unlock | cluster | --version) break ;;
        -h | --help | help)
            usage
            exit 0
            ;;
        --master)
            [[ $# -ge 2 ]] || { echo "error: --master needs a URL" >&2; exit 2; }
            master="$2"
            shift 2
            ;;
        --master=*)
            master="${1#*=}"
            shift
            ;;
        --conf)
            [[ $# -ge 2 ]] || { echo "error: --conf needs KEY=VALUE" >&2; exit 2; }
            confs+=("$2")
            shift 2
            ;;
        --conf=*)
            confs+=("${1#*=}")
            shift
            ;;
        --driver-memory)
            [[ $# -ge 2 ]] || { echo "error: --driver-memory needs a size" >&2; exit 2; }
            driver_memory="$2"
            shift 2
            ;;
        --driver-memory=*)
            driver_memory="${1#*=}"
            shift
            ;;
        --verbose | --supervise)
            submit_opts+=("$1")
            shift
            ;;
        --*=*)
            submit_opts+=("$1")
            shift
            ;;
        --*)
            [[ $# -ge 2 ]] || { echo "error: $1 needs a value" >&2; exit 2; }
            submit_opts+=("$1" "$2")
            shift 2
            ;;
        *)
            echo "error: unknown command or option '$1' (./submit.sh --help lists them)" >&2
            exit 2
            ;;
    esac
done
if [[ $# -eq 0 ]]; then
    usage >&2
    exit 2
fi
[[ -z "$master" ]] || check_master "$master"
[[ -z "$driver_memory" ]] || check_memory "$driver_memory"

# The directories of the Hadoop cluster's client configuration, as set ("NAME=DIR" each).
hadoop_conf_dirs() {
    [[ -z "${HADOOP_CONF_DIR:-}" ]] || echo "HADOOP_CONF_DIR=$HADOOP_CONF_DIR"
    [[ -z "${YARN_CONF_DIR:-}" ]] || echo "YARN_CONF_DIR=$YARN_CONF_DIR"
}

# What --master yarn needs from the user, checked before any JVM starts: the driver runs here
# (it reads CONFIG here and prints progress and results here), and the cluster's client
# configuration says where the ResourceManager and the file system are.
check_yarn() {
    local i mode="" c dirs=() d f found
    for ((i = 0; i < ${#submit_opts[@]}; i++)); do
        case "${submit_opts[i]}" in
            --deploy-mode) mode="${submit_opts[i + 1]}" ;;
            --deploy-mode=*) mode="${submit_opts[i]#*=}" ;;
        esac
    done
    for c in "${confs[@]+"${confs[@]}"}"; do
        [[ "$c" == spark.submit.deployMode=* ]] && mode="${c#*=}"
    done
    if [[ -n "$mode" && "$mode" != client ]]; then
        echo "error: --deploy-mode $mode: hhsweep's driver runs where submit.sh runs (it reads CONFIG and prints progress and results here); expected --deploy-mode client, the default" >&2
        exit 2
    fi
    mapfile -t dirs < <(hadoop_conf_dirs)
    if [[ ${#dirs[@]} -eq 0 ]]; then
        echo "error: --master yarn needs HADOOP_CONF_DIR (or YARN_CONF_DIR): the directory of the cluster's client configuration (core-site.xml, yarn-site.xml)" >&2
        exit 2
    fi
    for d in "${dirs[@]}"; do
        [[ -d "${d#*=}" ]] || { echo "error: $d: not a directory; expected the cluster's client configuration (core-site.xml, yarn-site.xml)" >&2; exit 2; }
    done
    for f in yarn-site.xml core-site.xml; do
        found=""
        for d in "${dirs[@]}"; do
            [[ -f "${d#*=}/$f" ]] && found=1
        done
        if [[ -z "$found" ]]; then
            echo "error: ${dirs[*]} has no $f: expected the cluster's client configuration (core-site.xml with fs.defaultFS, yarn-site.xml with yarn.resourcemanager.address)" >&2
            exit 2
        fi
    done
}
[[ "$master" != yarn ]] || check_yarn

# Like Spark's own launcher: the configuration directories on the class path, after the jars.
hadoop_class_path=""
while IFS= read -r d; do
    hadoop_class_path+=":${d#*=}"
done < <(hadoop_conf_dirs)

require_java() {
    command -v "$JAVA" >/dev/null || { echo "error: java not found (Java 17 is needed)" >&2; exit 1; }
}

app_jar() {
    compgen -G "$TARGET/spark-jobs-*-app.jar" | head -n 1 || true
}

# Build on first use, and again whenever a pom or a main source is newer than the jar; sets $jar.
build_if_stale() {
    jar="$(app_jar)"
    if [[ -z "$jar" || ! -f "$CLASSPATH_FILE" || ! -f "$SPARK_HOME_CLASSPATH_FILE" ]] ||
        [[ -n "$(find "$ROOT/pom.xml" "$ROOT/sim-core/pom.xml" "$ROOT/spark-jobs/pom.xml" \
            "$ROOT/sim-core/src/main" "$ROOT/spark-jobs/src/main" -type f -newer "$jar" -print -quit)" ]]; then
        command -v mvn >/dev/null || { echo "error: mvn not found (Maven is needed to build hhsweep)" >&2; exit 1; }
        echo "building hhsweep (first use, or sources changed) ..." >&2
        # Maven's output goes to a log, shown only when the build fails.
        local build_log
        build_log="$(mktemp "${TMPDIR:-/tmp}/hhsweep-build.XXXXXX")"
        if ! (cd "$ROOT" && mvn -B -DskipTests -pl spark-jobs -am package) >"$build_log" 2>&1; then
            tail -n 50 "$build_log" >&2
            echo "error: the build failed; full log in $build_log" >&2
            exit 1
        fi
        rm -f "$build_log"
        jar="$(app_jar)"
        [[ -n "$jar" && -f "$CLASSPATH_FILE" ]] || { echo "error: build produced no application jar" >&2; exit 1; }
    fi
}

# Spark on Java 17 needs these opens: one list, kept in the root pom (property spark.jvm.opens).
read -r -a java_opens <<<"$(sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' "$ROOT/pom.xml")"

if [[ "$1" == cluster ]]; then
    if [[ -n "$master$driver_memory" || ${#confs[@]} -gt 0 || ${#submit_opts[@]} -gt 0 ]]; then
        echo "error: cluster takes its options after it (./submit.sh cluster start --workers 2), not --master, --conf or spark-submit options" >&2
        exit 2
    fi
    # shellcheck source=lib/cluster.sh
    source "$ROOT/lib/cluster.sh"
    cluster_command "${@:2}"
    exit 0
fi

require_java
build_if_stale
spark_classpath="$(cat "$CLASSPATH_FILE")"

# The fast integrators run on SIMD lanes only in a JVM with the incubating Vector API (about 3x
# faster; the same bits either way). -Dhhsweep.vector=false in the JVM options turns it off.
VECTOR_MODULE=--add-modules=jdk.incubator.vector
# The JVM announces the module on stderr at every start; that line says nothing to a user.
INCUBATOR_WARNING='/^WARNING: Using incubator modules: jdk\.incubator\.vector$/d'

# The value the user gave with --conf KEY=VALUE (the last one), with OPTIONS appended.
merged_conf() {
    local key="$1" options="$2" value="" c
    for c in "${confs[@]+"${confs[@]}"}"; do
        [[ "$c" == "$key="* ]] && value="${c#*=}"
    done
    [[ " $value " == *" $options "* ]] || value="${value:+$value }$options"
    printf '%s=%s' "$key" "$value"
}

case "$master" in
    "" | local | local\[*)
        export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
        if [[ ${#submit_opts[@]} -gt 0 ]]; then
            echo "error: ${submit_opts[*]}: only with a cluster --master (local mode takes --conf and --driver-memory)" >&2
            exit 2
        fi
        jvm=("${java_opens[@]}" "$VECTOR_MODULE" "-Dlog4j2.configurationFile=$LOG_CONFIG")
        [[ -n "$master" ]] && jvm+=("-Dspark.master=$master")
        # -Xmx takes 4g, not Spark's 4gb.
        [[ -n "$driver_memory" ]] && jvm+=("-Xmx${driver_memory%[bB]}")
        # SparkConf reads every spark.* system property.
        for c in "${confs[@]+"${confs[@]}"}"; do
            [[ "$c" == *=* ]] || { echo "error: --conf needs KEY=VALUE, got $c" >&2; exit 2; }
            jvm+=("-D$c")
        done
        # Class data sharing: the classes a sweep loads (~13,000, most of them Spark's) saved in
        # a dynamic archive next to the jar, mapped at later starts instead of being parsed and
        # verified again: about 3 s less CPU per command. The first sweep after a build writes it
        # (a few seconds at its exit); a rebuild invalidates it. HHSWEEP_CDS=0 turns this off. The
        # JVM's notes on the archive (classes it cannot store, an archive it cannot use) stay silent.
        cds_archive="$TARGET/hhsweep-cds.jsa"
        cds_dump=""
        if [[ "${HHSWEEP_CDS:-1}" != 0 ]]; then
            jvm+=(-Xlog:cds=off,cds+dynamic=off)
            if [[ -f "$cds_archive" && ! "$jar" -nt "$cds_archive" && ! "$CLASSPATH_FILE" -nt "$cds_archive" ]]; then
                jvm+=("-XX:SharedArchiveFile=$cds_archive")
            elif [[ "$1" == sweep ]]; then
                cds_dump="$cds_archive.$$"
                jvm+=("-XX:ArchiveClassesAtExit=$cds_dump")
            fi
        fi
        if [[ -n "$cds_dump" ]]; then
            status=0
            # shellcheck disable=SC2086
            "$JAVA" ${HHSWEEP_JAVA_OPTS:-} "${jvm[@]}" -cp "$jar:$spark_classpath$hadoop_class_path" "$MAIN" "$@" \
                2> >(sed -u "$INCUBATOR_WARNING" >&2) || status=$?
            if [[ $status -eq 0 && -s "$cds_dump" ]]; then
                mv -f "$cds_dump" "$cds_archive"
            else
                rm -f "$cds_dump"
            fi
            exit "$status"
        fi
        # shellcheck disable=SC2086
        exec "$JAVA" ${HHSWEEP_JAVA_OPTS:-} "${jvm[@]}" -cp "$jar:$spark_classpath$hadoop_class_path" "$MAIN" "$@" \
            2> >(sed -u "$INCUBATOR_WARNING" >&2)
        ;;
esac

# A cluster: the driver runs here (client mode), so the output directory must be on a file
# system every worker can write (a local path is fine when the cluster is this one machine).
opts=(--master "$master" --class "$MAIN")
[[ -n "$driver_memory" ]] && opts+=(--driver-memory "$driver_memory")
for c in "${confs[@]+"${confs[@]}"}"; do
    opts+=(--conf "$c")
done
# Executors get the Vector API module added to whatever JVM options the user gave them.
opts+=(--conf "$(merged_conf spark.executor.extraJavaOptions "$VECTOR_MODULE")")
case "$master" in
    spark://127.0.0.1:* | spark://localhost:*)
        # A one-machine cluster: keep the driver on loopback, where the workers look for it.
        export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
        [[ " ${confs[*]+"${confs[*]}"} " == *" spark.driver.host="* ]] || opts+=(--conf spark.driver.host=127.0.0.1)
        ;;
esac
if [[ -n "${SPARK_HOME:-}" && -x "$SPARK_HOME/bin/spark-submit" ]]; then
    driver_opts="$(merged_conf spark.driver.extraJavaOptions "$VECTOR_MODULE -Dlog4j2.configurationFile=$LOG_CONFIG")"
    exec "$SPARK_HOME/bin/spark-submit" "${opts[@]}" \
        --driver-java-options "${driver_opts#*=}" \
        "${submit_opts[@]+"${submit_opts[@]}"}" "$jar" "$@"
fi
# Here SparkSubmit runs the driver in its own JVM, so the driver's options go on this command line.
exec "$JAVA" "${java_opens[@]}" "$VECTOR_MODULE" "-Dlog4j2.configurationFile=$LOG_CONFIG" -cp "$spark_classpath$hadoop_class_path" \
    org.apache.spark.deploy.SparkSubmit "${opts[@]}" "${submit_opts[@]+"${submit_opts[@]}"}" "$jar" "$@" \
    2> >(sed -u "$INCUBATOR_WARNING" >&2)
