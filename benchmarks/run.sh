#!/usr/bin/env bash
# Benchmarks of the plugin, against the local emulator; prints figures, asserts nothing.
#   benchmarks/run.sh [runs]      (default 11 runs per build of the goal-overhead benchmark, against the emulator
#                                 over http on loopback and then over https, each beside boto3 making the same calls)
#   COMPARE_WITH=<version> benchmarks/run.sh   also times start-session of another version of the plugin
#                                 installed in the local repository, alternating with the others
#   BENCH="early reuse" benchmarks/run.sh      only these sections (default: overhead early reuse readiness)
#   EARLY_RUNS=5 benchmarks/run.sh             runs of each build in "early" (default 3; each run is ~90 s)
#   BENCH=local benchmarks/run.sh              local mode: a real Spark Connect server's time to ready (without and
#                                              with its class-data archive, and a warm server adopted) and memory
#                                              (not in the default set: the first run downloads Spark, ~330 MB)
# It installs the plugin into your local Maven repository (./mvnw install, tests skipped), as trying a
# snapshot plugin takes. Needs JDK 17+, python3 is not needed; /usr/bin/time for the memory figures.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-11}
VERSION=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)

echo "== Building and installing emr-serverless-maven-plugin $VERSION (tests skipped)"
./mvnw -B -q install -DskipTests -Dinvoker.skip -P'!compat'
mkdir -p target
CORE=emr-serverless-core
PLUGIN_MODULE=emr-serverless-maven-plugin
# The emulator is in the core's test classes.
./mvnw -B -q -pl "$CORE" dependency:build-classpath -DincludeScope=test -Dmdep.outputFile="$PWD/target/benchmark-classpath.txt"
TEST_CP="$CORE/target/test-classes:$CORE/target/classes:$(cat target/benchmark-classpath.txt)"

# Starts an emulator on a free port (the fallback when python3 is missing), ended with this script, and waits until
# it listens: start_emulator VARIABLE FALLBACK-PORT LOG [EmulatorMain options]; VARIABLE is set to the port.
EMULATORS=()
trap 'kill "${EMULATORS[@]}" 2>/dev/null || true' EXIT
start_emulator() {
  local variable=$1 fallback=$2 log=$3 port
  shift 3
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo "$fallback")
  java -cp "$TEST_CP" io.github.emrserverless.core.emulator.EmulatorMain --port "$port" --max-lifetime PT30M --page-size 50 "$@" > "$log" 2>&1 &
  EMULATORS+=($!)
  for _ in $(seq 1 100); do (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
  printf -v "$variable" '%s' "$port"
}
start_emulator PORT 18443 target/benchmark-emulator.log

export AWS_ACCESS_KEY_ID=AKIDBENCHMARK AWS_SECRET_ACCESS_KEY=emulator-secret AWS_REGION=eu-west-1
export AWS_CONFIG_FILE=/nonexistent AWS_SHARED_CREDENTIALS_FILE=/nonexistent AWS_EC2_METADATA_DISABLED=true
# Reuse asks STS who the caller is (its scope); the emulator answers GetCallerIdentity.
export AWS_ENDPOINT_URL_STS="http://127.0.0.1:$PORT"
BENCH=${BENCH:-overhead early reuse readiness}
section() { [[ " $BENCH " == *" $1 "* ]]; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# The median of the differences, run by run, of two space-separated lists of times: paired "A-times" "B-times".
paired() {
  paste <(echo "$1" | tr ' ' '\n' | grep .) <(echo "$2" | tr ' ' '\n' | grep .) | awk '{print $1 - $2}' | median | cut -d. -f1
}

# One series of the goal overhead against ENDPOINT: validate, skip, start-session without waiting (and the
# version to compare with), alternating with boto3 making the same calls, each build's session ended untimed.
overhead_series() {
  local endpoint=$1
  MVN=(./mvnw -B -q -o -f benchmarks/overhead/pom.xml -Demr.plugin.version="$VERSION" -Demr-serverless.endpoint="$endpoint")
  BUILDS=("validate" "pre-integration-test -Demr-serverless.skip=true" "pre-integration-test -Demr-serverless.waitForReady=false")
  NAMES=("validate" "skip" "start (no wait)")
  if [ -n "${COMPARE_WITH:-}" ]; then
    BUILDS+=("pre-integration-test -Demr-serverless.waitForReady=false -Demr.plugin.version=$COMPARE_WITH")
    NAMES+=("start $COMPARE_WITH")
  fi
  local last=$(( ${#BUILDS[@]} - 1 ))
  "${MVN[@]}" -q pre-integration-test -Demr-serverless.waitForReady=false > target/benchmark-warmup.log || { cat target/benchmark-warmup.log; exit 1; }
  end_session
  local -A times
  # The yardstick: boto3 in a cold Python process, the same GetApplication + StartSession against the same
  # endpoint, above a bare interpreter; alternating with the builds.
  local boto3=(python3 benchmarks/boto3/start_session.py "$endpoint" appready arn:aws:iam::123456789012:role/benchmark)
  local have_boto3=0 run i start end boto3_session
  if python3 -c 'import boto3' 2> /dev/null; then have_boto3=1; fi
  for run in $(seq 1 "$RUNS"); do
    if [ "$have_boto3" = 1 ]; then
      start=$(date +%s%N); python3 -c pass; end=$(date +%s%N)
      times[python]+="$(( (end - start) / 1000000 )) "
      start=$(date +%s%N); boto3_session=$("${boto3[@]}"); end=$(date +%s%N)
      times[boto3]+="$(( (end - start) / 1000000 )) "
      # Untimed, as for the builds: live sessions left behind would slow every later start's look-up.
      python3 benchmarks/boto3/start_session.py "$endpoint" appready --terminate "$boto3_session"
    fi
    for i in $(seq 0 "$last"); do
      start=$(date +%s%N)
      # shellcheck disable=SC2086
      "${MVN[@]}" ${BUILDS[$i]} > /dev/null
      end=$(date +%s%N)
      times[$i]+="$(( (end - start) / 1000000 )) "
      if [ "$i" -ge 2 ]; then end_session; fi
    done
  done
  local -a medians
  for i in $(seq 0 "$last"); do
    medians[$i]=$(echo "${times[$i]}" | tr ' ' '\n' | grep . | median)
    printf '  %-16s median %6d ms   (runs: %s)\n' "${NAMES[$i]}" "${medians[$i]}" "${times[$i]}"
  done
  printf '  added over validate: skip %+d ms, start-session without waiting %+d ms\n' \
    $(( ${medians[1]%.*} - ${medians[0]%.*} )) $(( ${medians[2]%.*} - ${medians[0]%.*} ))
  # The same, paired: the median of each round's difference (the builds of a round run one after the other), which a
  # machine that speeds up or slows down during the series moves less than a difference of medians.
  local start_paired
  start_paired=$(paired "${times[2]}" "${times[0]}")
  printf '  paired (median of the rounds'"'"' differences): start-session without waiting %+d ms over validate\n' "$start_paired"
  if [ "$have_boto3" = 1 ]; then
    local python_median boto3_median boto3_paired
    python_median=$(echo "${times[python]}" | tr ' ' '\n' | grep . | median)
    boto3_median=$(echo "${times[boto3]}" | tr ' ' '\n' | grep . | median)
    boto3_paired=$(paired "${times[boto3]}" "${times[python]}")
    printf '  %-16s median %6d ms   (runs: %s)\n' "python3 -c pass" "${python_median%.*}" "${times[python]}"
    printf '  %-16s median %6d ms   (runs: %s)\n' "boto3" "${boto3_median%.*}" "${times[boto3]}"
    awk -v s="$(( ${medians[2]%.*} - ${medians[0]%.*} ))" -v b="$(( ${boto3_median%.*} - ${python_median%.*} ))" \
      'BEGIN { printf "  boto3 GetApplication + StartSession above a bare interpreter: %+d ms; start-session / boto3: %.2f\n", b, s / b }'
    awk -v s="$start_paired" -v b="$boto3_paired" \
      'BEGIN { printf "  paired: boto3 %+d ms above a bare interpreter, start-session %+d ms over validate; start-session / boto3: %.2f\n", b, s, s / b }'
  else
    echo "  (python3 with boto3 not found: no boto3 yardstick)"
  fi
  if [ -n "${COMPARE_WITH:-}" ]; then
    printf '  start-session of %s: %+d ms over validate (paired: %+d ms)\n' "$COMPARE_WITH" \
      $(( ${medians[3]%.*} - ${medians[0]%.*} )) "$(paired "${times[3]}" "${times[0]}")"
  fi
}

# Ends the session the last timed start left running, untimed: otherwise the live-session ceiling
# (maxLiveSessions, 10 by default) would refuse the eleventh start.
end_session() {
  local id
  id=$(sed -n 's/.*"sessionId" *: *"\([0-9a-z]*\)".*/\1/p' benchmarks/overhead/target/emr-serverless/session.json | head -1)
  "${MVN[@]}" -q emr-serverless:terminate-session -Demr-serverless.sessionId="$id" \
    -Demr-serverless.waitForTermination=false > /dev/null
}

if section overhead; then
echo "== Goal overhead: $RUNS runs of each build, alternating (warm-up first), http on loopback"
overhead_series "http://127.0.0.1:$PORT"

echo "== Footprint"
# The plugin jar bundles its runtime dependencies; its installed POM (flattened) lists none and imports no
# BOM, so this jar is the whole classpath Maven resolves for it, and that POM the only one it reads.
./mvnw -B -q -pl "$PLUGIN_MODULE" -am dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$PWD/target/benchmark-runtime-classpath.txt"
BUNDLED=$(tr ':' '\n' < target/benchmark-runtime-classpath.txt | grep -c .)
POM_DEPS=$(grep -c '<dependency>' "$PLUGIN_MODULE/.flattened-pom.xml" || true)
PLUGIN=$(du -b "$PLUGIN_MODULE/target/emr-serverless-maven-plugin-$VERSION.jar" | cut -f1)
awk -v n="$BUNDLED" -v d="$POM_DEPS" -v p="$PLUGIN" 'BEGIN { printf "  plugin runtime classpath: 1 jar (%d libraries bundled, %d more to resolve), %.1f MB\n", n, d, p / 1048576 }'
if [ -x /usr/bin/time ]; then
  for i in 0 2; do
    # shellcheck disable=SC2086
    rss=$( { /usr/bin/time -f '%M' "${MVN[@]}" ${BUILDS[$i]} > /dev/null; } 2>&1 | tail -1 )
    printf '  peak RSS of the Maven JVM, %-16s %4d MB\n' "${NAMES[$i]}:" $(( rss / 1024 ))
  done
else
  echo "  (no /usr/bin/time: install it, e.g. apt-get install time, for the memory figures)"
fi

# The same over https, as every call to AWS is: both sides then set up TLS and trust the emulator's own
# certificate (the JVM through its trust store, boto3 through AWS_CA_BUNDLE).
start_emulator HTTPS_PORT 18444 target/benchmark-emulator-https.log --https target/benchmark-tls
echo "== Goal overhead over https: $RUNS runs of each build, alternating (warm-up first)"
(
  export MAVEN_OPTS="${MAVEN_OPTS:-} -Djavax.net.ssl.trustStore=$PWD/target/benchmark-tls/trust.p12 -Djavax.net.ssl.trustStorePassword=changeit"
  export AWS_CA_BUNDLE="$PWD/target/benchmark-tls/server.crt"
  overhead_series "https://localhost:$HTTPS_PORT"
)

fi

if section early; then
  RUNS_EARLY=${EARLY_RUNS:-3}
  EMVN=(./mvnw -B -q -o -f benchmarks/early/pom.xml -Demr.plugin.version="$VERSION" -Demr-serverless.endpoint="http://127.0.0.1:$PORT")
  echo "== Start early, await late: a 20 s test phase, sessions that take 20 s to start ($RUNS_EARLY runs of each build, alternating)"
  PROFILES=("" "-Pseries" "-Pearly")
  LABELS=("no session" "in series" "early/late")
  declare -A etimes
  for run in $(seq 1 "$RUNS_EARLY"); do
    for i in 0 1 2; do
      start=$(date +%s%N)
      # shellcheck disable=SC2086
      "${EMVN[@]}" ${PROFILES[$i]} verify > /dev/null
      end=$(date +%s%N)
      etimes[$i]+="$(( (end - start) / 1000000 )) "
    done
  done
  declare -a emedians
  for i in 0 1 2; do
    emedians[$i]=$(echo "${etimes[$i]}" | tr ' ' '\n' | grep . | median)
    printf '  %-12s median %6d ms   (runs: %s)\n' "${LABELS[$i]}" "${emedians[$i]}" "${etimes[$i]}"
  done
  awk -v b="${emedians[0]}" -v s="${emedians[1]}" -v e="${emedians[2]}" 'BEGIN {
    printf "  the session costs the build %.1f s in series, %.1f s started early: %.0f%% of its start hidden\n",
      (s - b) / 1000, (e - b) / 1000, 100 * (1 - (e - b) / (s - b)) }'
fi

if section reuse; then
  echo "== Reuse: from the start of start-session to the exported properties (5 runs each, alternating)"
  # Maven's log with times, to cut start-session's own span out of the build.
  span() {
    MAVEN_OPTS="-Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS" \
      ./mvnw -B -o -f benchmarks/overhead/pom.xml -Demr.plugin.version="$VERSION" \
      -Demr-serverless.endpoint="http://127.0.0.1:$PORT" "$@" pre-integration-test | awk '
      function ms(t) { split(t, p, /[:.]/); return ((p[1] * 60 + p[2]) * 60 + p[3]) * 1000 + p[4] }
      /:start-session / && /---/ { begun = ms($1) }
      /Spark Connect endpoint/ { print ms($1) - begun; exit }'
  }
  span -Demr-serverless.reuse=true > /dev/null   # the session the reusing builds find
  declare -a fresh reused
  for _ in 1 2 3 4 5; do
    fresh+=("$(span)")
    reused+=("$(span -Demr-serverless.reuse=true)")
  done
  printf '  new session (emulator: ready after 1 s) median %6d ms   (runs: %s)\n' \
    "$(printf '%s\n' "${fresh[@]}" | median)" "${fresh[*]}"
  printf '  reused warm session                     median %6d ms   (runs: %s)\n' \
    "$(printf '%s\n' "${reused[@]}" | median)" "${reused[*]}"
fi

if section readiness; then
echo "== Readiness: delay in noticing a ready session, and GetSession calls (about 2 minutes)"
java -cp "$TEST_CP" io.github.emrserverless.core.benchmark.ReadinessBenchmark 5 2>/dev/null
fi

if section local; then
  echo "== Local mode: time to ready and memory of a real Spark Connect server, without and with its class-data archive,"
  echo "   and a warm server adopted (reuse); 5 runs each, alternating; jars already resolved, the archive made and the"
  echo "   warm server started by untimed runs first; build = the whole mvn verify, start-session to terminate-session"
  LOCAL=(./mvnw -B -f benchmarks/local/pom.xml -Demr.plugin.version="$VERSION" verify)
  export EMR_SERVERLESS_CACHE="$PWD/target/benchmark-cache"
  rm -rf "$EMR_SERVERLESS_CACHE"
  "${LOCAL[@]}" -q > /dev/null   # resolves the server once and makes the archive; the runs below read both
  EMR_SERVERLESS_LOCAL_REUSE=true "${LOCAL[@]}" -q -o -Demr-serverless.reuse=true > /dev/null   # the warm server
  declare -a ready_off ready_on ready_warm build_off build_on build_warm rss
  local_run() {  # $1: true or false (the archive), $2: true for reuse; sets READY (time to ready) and BUILD_MS
    begun=$(date +%s%N)
    EMR_SERVERLESS_CLASS_DATA_ARCHIVE=$1 EMR_SERVERLESS_LOCAL_REUSE=$2 "${LOCAL[@]}" -o -Demr-serverless.reuse="$2" \
      > target/benchmark-local.log &
    BUILD=$!
    peak=0
    while kill -0 "$BUILD" 2>/dev/null; do
      pid=$(pgrep -f 'emr-serverless.localSession=' | head -1 || true)
      if [ -n "$pid" ]; then
        kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
        [ "${kb:-0}" -gt "$peak" ] && peak=$kb
      fi
      sleep 0.2
    done
    wait "$BUILD"
    BUILD_MS=$(( ($(date +%s%N) - begun) / 1000000 ))
    [ "$2" = true ] || rss+=("$(( peak / 1024 ))")
    # From the fork to a server that accepts connections, as report.json records it.
    READY=$(sed -n 's/.*"timeToReadySeconds" : \([0-9.]*\).*/\1/p' benchmarks/local/target/emr-serverless/report.json)
  }
  for _ in 1 2 3 4 5; do
    local_run false false; ready_off+=("$READY"); build_off+=("$BUILD_MS")
    local_run true false; ready_on+=("$READY"); build_on+=("$BUILD_MS")
    local_run true true; ready_warm+=("$READY"); build_warm+=("$BUILD_MS")
  done
  warm_id=$(sed -n 's/.*"sessionId" : "\(local-[0-9a-z]*\)".*/\1/p' benchmarks/local/target/emr-serverless/session.json)
  "${LOCAL[@]:0:5}" -q -o emr-serverless:terminate-session -Demr-serverless.mode=local -Demr-serverless.sessionId="$warm_id" > /dev/null
  printf '  time to ready without the archive  median %6s s    (runs: %s)\n' "$(printf '%s\n' "${ready_off[@]}" | median)" "${ready_off[*]}"
  printf '  time to ready with the archive     median %6s s    (runs: %s)\n' "$(printf '%s\n' "${ready_on[@]}" | median)" "${ready_on[*]}"
  printf '  time to ready, warm server adopted median %6s s    (runs: %s)\n' "$(printf '%s\n' "${ready_warm[@]}" | median)" "${ready_warm[*]}"
  printf '  build without the archive          median %6s ms   (runs: %s)\n' "$(printf '%s\n' "${build_off[@]}" | median)" "${build_off[*]}"
  printf '  build with the archive             median %6s ms   (runs: %s)\n' "$(printf '%s\n' "${build_on[@]}" | median)" "${build_on[*]}"
  printf '  build, warm server adopted         median %6s ms   (runs: %s)\n' "$(printf '%s\n' "${build_warm[@]}" | median)" "${build_warm[*]}"
  printf '  server RSS      median %6s MB   (runs: %s; peak while idle after start)\n' \
    "$(printf '%s\n' "${rss[@]}" | median)" "${rss[*]}"
  du -sh "$EMR_SERVERLESS_CACHE/class-data" | sed 's/^/  archive size /'
fi
