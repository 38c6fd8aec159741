#!/usr/bin/env bash
# Faults and load (issue #9): the chat survives killed servers, and 50
# people for 60 s against the production settings get no 5xx and lose no
# write.
#
# Needs DATABASE_URL naming a PostgreSQL database that may be written to
# (CI: the PG leg's database, already migrated with the demo site loaded;
# the demo data is loaded with --force if missing: never point this at a
# real site). Starts its own redis-server instances (6381, 6382), daphne
# processes for the fault tests (8601-8602) and, for the load test, uvicorn
# with two workers as README's production command runs it (8611), and stops
# everything it started on exit (uvicorn's workers with their master).
#
#   DATABASE_URL=postgres://app:app@127.0.0.1:5432/app_faults bash scripts/ci_faults.sh
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?DATABASE_URL must name a PostgreSQL database}"

PY=.venv/bin/python
LOAD_REDIS_PORT=${FAULTS_LOAD_REDIS_PORT:-6382}
LOAD_PORT=${FAULTS_LOAD_PORT:-8611}
USERS=${LOADTEST_USERS:-50}
DURATION=${LOADTEST_DURATION:-60s}
WORK=$(mktemp -d /tmp/pusat-faults.XXXXXX)
PIDS=()

cleanup() {
    # Last started, first stopped: the server before the Redis it uses, so
    # its sockets close cleanly instead of logging Redis errors on the way out.
    local i
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
        kill "${PIDS[i]}" 2>/dev/null || true
        wait "${PIDS[i]}" 2>/dev/null || true
    done
}
trap cleanup EXIT

step() { printf '\n--- %s (%s)\n' "$*" "$(date -u +%H:%M:%S)"; }
wait_port() {
    for _ in $(seq 1 300); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.2
    done
    echo "nothing listens on port $1" >&2
    return 1
}
# A server left over on one of our ports would answer in place of ours
# (with another secret key): refuse to start rather than measure it.
ports_free() {
    for port in "$@"; do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "port $port is already in use; stop what listens there first" >&2
            return 1
        fi
    done
}
FAULT_PORT=${FAULTS_PORT:-8601}
ports_free "${FAULTS_REDIS_PORT:-6381}" "$FAULT_PORT" "$((FAULT_PORT + 1))" "$LOAD_REDIS_PORT" "$LOAD_PORT"

# The production arrangement on loopback: DEBUG off, production settings,
# plain http (a TLS proxy would be in front), static files from a manifest.
export DJANGO_ENV=production DJANGO_SETTINGS_MODULE=pusat.settings.production
export SECRET_KEY=${FAULTS_SECRET_KEY:-$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')}
export FAULTS_SECRET_KEY=$SECRET_KEY
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=0 SECURE_HSTS_SECONDS=0 LOG_LEVEL=WARNING
export STATIC_ROOT=${FAULTS_STATIC_ROOT:-/tmp/pusat-faults-static}
export FAULTS_STATIC_ROOT=$STATIC_ROOT
export PYTHONPATH="$PWD/site:$PWD"

step "Prepare the database and static files"
START=$(date +%s)
$PY manage.py migrate --noinput -v 0
if ! $PY manage.py shell -c "from pusat.accounts.models import User; import sys; sys.exit(0 if User.objects.filter(email='admin@pusatkreatif.id').exists() else 1)"; then
    $PY manage.py load_demo_data --force >/dev/null
fi
$PY manage.py collectstatic --noinput -v 0

step "Fault tests (faults/: chat across killed servers)"
FAULTS_STATUS=0
$PY -m pytest -p no:django -p no:cacheprovider -q -s faults | tee "$WORK/faults.log" || FAULTS_STATUS=$?

step "Load test: $USERS people for $DURATION (locust, uvicorn --workers 2, PostgreSQL, Redis)"
redis-server --port "$LOAD_REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no >"$WORK/redis.log" 2>&1 &
PIDS+=($!)
export REDIS_URL="redis://127.0.0.1:$LOAD_REDIS_PORT/0"
wait_port "$LOAD_REDIS_PORT"
# The production arrangement (README, "Configuration"): uvicorn, one worker
# per core, HTTP and websockets; --proxy-headers as behind the TLS proxy. A
# bounded graceful shutdown, so a socket left open cannot hang the cleanup.
(cd site && exec ../.venv/bin/uvicorn pusat.asgi:application --host 127.0.0.1 --port "$LOAD_PORT" \
    --workers 2 --timeout-keep-alive 65 --proxy-headers --no-access-log --timeout-graceful-shutdown 10) \
    >"$WORK/server.log" 2>&1 &
PIDS+=($!)
wait_port "$LOAD_PORT"
# The port opens with the first worker; wait for both to finish starting.
for _ in $(seq 1 300); do
    [ "$(grep -c 'Application startup complete' "$WORK/server.log")" -ge 2 ] && break
    sleep 0.2
done
$PY -m loadtest.prepare >"$WORK/plan.json"
LOAD_STATUS=0
LOADTEST_PLAN="$WORK/plan.json" LOADTEST_RESULTS="$WORK/results.json" \
    .venv/bin/locust -f loadtest/locustfile.py --headless -u "$USERS" -r 10 -t "$DURATION" \
    --host "http://127.0.0.1:$LOAD_PORT" --csv "$WORK/load" --only-summary --stop-timeout 10 \
    >"$WORK/locust.log" 2>&1 || LOAD_STATUS=$?
tail -n 40 "$WORK/locust.log"
VERIFY_STATUS=0
$PY -m loadtest.verify "$WORK/plan.json" "$WORK/results.json" "$WORK/load_stats.csv" \
    >"$WORK/verify.txt" || VERIFY_STATUS=$?
if grep -q "Traceback" "$WORK/server.log"; then
    echo "the server logged errors under load:" && grep -A3 "Traceback" "$WORK/server.log" | tail -n 30
    VERIFY_STATUS=1
fi

step "Summary"
grep '^RESULT' "$WORK/faults.log" | sed 's/^RESULT /  /' || true
echo "  fault tests: $([ "$FAULTS_STATUS" = 0 ] && echo passed || echo FAILED)"
echo "  load test ($USERS users, $DURATION), latency from locust:"
awk -F, 'NR==1{for(i=1;i<=NF;i++)h[$i]=i} $2=="Aggregated"{printf "    requests %s, failures %s, median %s ms, 95%% %s ms, max %s ms, %s req/s\n", $h["Request Count"], $h["Failure Count"], $h["50%"], $h["95%"], $h["Max Response Time"], $h["Requests/s"]}' "$WORK/load_stats.csv"
cat "$WORK/verify.txt"
echo "  took $(( $(date +%s) - START )) s; logs in $WORK"
[ "$FAULTS_STATUS" = 0 ] && [ "$LOAD_STATUS" = 0 ] && [ "$VERIFY_STATUS" = 0 ]
