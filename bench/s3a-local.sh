#!/usr/bin/env bash
# s3a:// outputs against a local S3 server, the runs behind docs/deploy.md's "s3a:// in detail":
# S3Proxy 4.1.0 (filesystem backend) on 127.0.0.1, Hadoop's S3A (hadoop-aws 3.5.0, the AWS SDK
# bundle 2.35.4, analyticsaccelerator-s3 1.3.1), hhsweep in local mode (local[2]) as submit.sh runs
# it with the S3A jars and a Hadoop configuration directory added to the class path:
#
#   same      conf/fi-curve.yaml to s3a:// and to a local path: every Parquet file byte-identical;
#   resume    a 2,000-run sweep in 20 chunks, its driver SIGKILLed once 5 are committed, then
#             --resume: every file byte-identical to an uninterrupted local run's, none left hidden;
#   race      two sweeps of it started a second apart on one empty prefix: how each ended;
#   settings  the store's endpoint and keys given only as spark.hadoop.* properties (what --conf
#             gives): how the sweep ends;
#   probe     bench/S3aProbe.java: exclusive creates, setTimes, a rename onto a file, the
#             manifest's replacement while a reader loops.
#
# usage: bench/s3a-local.sh [--port P] [--replacements N] [--out DIR]
# Defaults: port 9390, 200 replacements. Maven fetches what it lacks (S3Proxy's jar with
# dependencies, 55 MB; the SDK bundle, 686 MB) and copies the jars into DIR/jars. MVN_OPTS_EXTRA is
# passed to Maven (e.g. -o). 12-14 minutes on 2 cores loaded by other builds. Every finding is one
# line, with the date and load average, also appended to DIR/figures.txt; the store's files and the
# logs stay in DIR (default: a new temporary directory). The server is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

port=9390
replacements=200
out=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --port) port=$2; shift 2 ;;
        --replacements) replacements=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
out=${out:-$(mktemp -d -t hh-s3a-XXXXXX)}
mkdir -p "$out/jars" "$out/hadoop-conf" "$out/store/hhsweep"
out=$(cd "$out" && pwd)
echo "store, outputs and logs in $out" >&2

stamp() { echo "$(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"; }
report() { echo "$(stamp) | $*" | tee -a "$out/figures.txt"; }

for artifact in org.gaul:s3proxy:4.1.0:jar:jar-with-dependencies org.apache.hadoop:hadoop-aws:3.5.0 \
    software.amazon.awssdk:bundle:2.35.4 software.amazon.s3.analyticsaccelerator:analyticsaccelerator-s3:1.3.1; do
    # shellcheck disable=SC2086
    mvn -B -q -C ${MVN_OPTS_EXTRA:-} org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
        -Dartifact="$artifact" -DoutputDirectory="$out/jars" >"$out/fetch.log" 2>&1 \
        || { cat "$out/fetch.log" >&2; echo "could not fetch $artifact" >&2; exit 1; }
done
s3a_jars="$out/jars/hadoop-aws-3.5.0.jar:$out/jars/bundle-2.35.4.jar:$out/jars/analyticsaccelerator-s3-1.3.1.jar"

# The store: objects are files under $out/store/BUCKET/, which is how the checks below read them.
cat >"$out/s3proxy.properties" <<EOF
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=local-identity
s3proxy.credential=local-credential
jclouds.provider=filesystem
jclouds.filesystem.basedir=$out/store
EOF
java -Xmx256m -jar "$out/jars/s3proxy-4.1.0-jar-with-dependencies.jar" --properties "$out/s3proxy.properties" \
    >"$out/s3proxy.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    kill -0 "$server" 2>/dev/null || { cat "$out/s3proxy.log" >&2; echo "S3Proxy did not start" >&2; exit 1; }
    sleep 0.2
done
s3a_settings=(fs.s3a.endpoint=http://127.0.0.1:$port fs.s3a.endpoint.region=us-east-1 fs.s3a.path.style.access=true
    fs.s3a.connection.ssl.enabled=false fs.s3a.access.key=local-identity fs.s3a.secret.key=local-credential
    fs.s3a.aws.credentials.provider=org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider)
{
    echo '<?xml version="1.0"?>'
    echo '<configuration>'
    for s in "${s3a_settings[@]}"; do
        echo "  <property><name>${s%%=*}</name><value>${s#*=}</value></property>"
    done
    echo '</configuration>'
} >"$out/hadoop-conf/core-site.xml"

# The application jar and its class path, built when needed as for any command.
./submit.sh validate conf/tutorial.yaml >"$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 1; }
jar=$(compgen -G "spark-jobs/target/spark-jobs-*-app.jar" | head -n 1)
classpath="$root/$jar:$(cat spark-jobs/target/classpath.txt):$s3a_jars"
read -r -a opens <<<"$(sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' pom.xml)"
export SPARK_LOCAL_IP=127.0.0.1
# hhsweep as submit.sh runs it in local mode, with the Hadoop configuration directory first; a
# command, not a function, so that a sweep started with & has the JVM's pid in $!.
hhsweep=(java "${opens[@]}" --add-modules=jdk.incubator.vector "-Dlog4j2.configurationFile=$root/conf/log4j2.properties"
    "-Dspark.master=local[2]" -cp "$out/hadoop-conf:$classpath" org.hhsweep.spark.cli.Main)

# shellcheck source=bench/miniature.sh
source bench/miniature.sh

# "N of M files byte-identical" between a local output and the store's copy of an s3a:// one.
compare() { # local output, prefix in the bucket
    local same=0 all=0 f
    for f in "$1"/*/part-*.parquet; do
        all=$((all + 1))
        cmp -s "$f" "$out/store/hhsweep/$2/${f#"$1"/}" && same=$((same + 1))
    done
    echo "$same of $all files byte-identical, $(find "$out/store/hhsweep/$2" -name 'part-*.parquet' | wc -l) in the store"
}

# same
./submit.sh --master 'local[2]' sweep conf/fi-curve.yaml --out "$out/fi-local" >"$out/fi-local.log" 2>&1
"${hhsweep[@]}" sweep conf/fi-curve.yaml --out s3a://hhsweep/fi-curve >"$out/fi-s3a.log" 2>&1
report "same: conf/fi-curve.yaml to s3a:// and to a local path: $(compare "$out/fi-local" fi-curve)"

# resume
miniature s3a-resume 0.02 20.2 80.1 100 >"$out/resume.yaml"
./submit.sh --master 'local[2]' sweep "$out/resume.yaml" --out "$out/resume-local" >"$out/resume-local.log" 2>&1
"${hhsweep[@]}" sweep "$out/resume.yaml" --out s3a://hhsweep/resume >"$out/resume-killed.log" 2>&1 &
driver=$!
committed() { find "$out/store/hhsweep/$1/runs" -name 'part-*' 2>/dev/null | wc -l; }
until [[ $(committed resume) -ge 5 ]]; do
    kill -0 "$driver" 2>/dev/null || { tail -n 20 "$out/resume-killed.log" >&2; echo "the sweep ended before 5 chunks" >&2; exit 1; }
    sleep 0.2
done
kill -9 "$driver"
wait "$driver" 2>/dev/null || true
killed_at=$(committed resume)
"${hhsweep[@]}" sweep "$out/resume.yaml" --out s3a://hhsweep/resume --resume >"$out/resume.log" 2>&1
report "resume: driver SIGKILLed with $killed_at of 20 chunks committed; $(grep '^resumed' "$out/resume.log");" \
    "$(compare "$out/resume-local" resume); hidden files left: $(find "$out/store/hhsweep/resume" -name '.*' | wc -l)"

# race
race() { # log
    local status=0
    "${hhsweep[@]}" sweep "$out/resume.yaml" --out s3a://hhsweep/race >"$1" 2>&1 || status=$?
    echo "exit $status: $(grep -m 1 -E '^(error|output):' "$1" | cut -c1-240 || true)" >>"$1"
}
race "$out/race-1.log" &
first=$!
sleep 1
race "$out/race-2.log"
wait "$first"
report "race: first started: $(tail -n 1 "$out/race-1.log"); a second later: $(tail -n 1 "$out/race-2.log")"
report "race: left in the store: manifest $(grep -o '"status" *: *"[a-z]*"' "$out/store/hhsweep/race/manifest.json" | tr -d ' "' ),"\
    "committed files: runs $(committed race), summaries $(find "$out/store/hhsweep/race/summaries" -name 'part-*' | wc -l)," \
    "spikes $(find "$out/store/hhsweep/race/spikes" -name 'part-*' | wc -l) (20 chunks)"

# settings
settings_status=0
env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN \
    java "${opens[@]}" --add-modules=jdk.incubator.vector "-Dlog4j2.configurationFile=$root/conf/log4j2.properties" \
    "-Dspark.master=local[2]" "${s3a_settings[@]/#/-Dspark.hadoop.}" -cp "$classpath" org.hhsweep.spark.cli.Main \
    sweep conf/fi-curve.yaml --out s3a://hhsweep/settings >"$out/settings.log" 2>&1 || settings_status=$?
report "settings as spark.hadoop.* only: exit $settings_status: $(grep -m 1 '^error' "$out/settings.log" | cut -c1-160)"

# probe
java -Dlog4j2.configurationFile="$root/conf/log4j2.properties" -cp "$out/hadoop-conf:$classpath" \
    bench/S3aProbe.java s3a://hhsweep/probe "$replacements" >"$out/probe.log" 2>&1
grep -E '^(conditional|create|setTimes|rename|manifest)' "$out/probe.log" | while read -r line; do
    report "probe: $line"
done
