#!/usr/bin/env bash
# `baocao serve` under load on loopback (issue 18), with wrk and bench/serve.lua.
# 1. Throughput and latency: N requests of POST /v1/build (the bundled example,
#    a PDF) at each number of concurrent clients in CLIENTS, R runs each (the
#    median of each column; the non-200 answers of all runs added up).
# 2. Memory: on a fresh service, a mix of requests (mostly PDFs; also PNG,
#    DOCX, /v1/check, /v1/preview and a broken report answered 422): VmRSS and
#    VmHWM (/proc/PID/status) after a warm-up of WARMUP requests and after each
#    of MEM_CHUNKS parts of MEM_N requests, and how much VmRSS grew.
# Each service is stopped with SIGTERM and must exit 0. Every wait is bounded
# and no process is left behind. The 1-minute load average (/proc/loadavg) is
# printed before each run: the figures mean little on a busy machine.
#   bash bench/serve.sh                          # uses ./build/baocao
#   R=5 N=400 CLIENTS="1 2 8 32" bash bench/serve.sh
#   W=4 Q=32 MEM_N=20000 bash bench/serve.sh     # workers, queue
#   MEM_N=0 bash bench/serve.sh                  # no memory test
#   CLIENTS= W=1 bash bench/serve.sh             # the memory test alone, one worker
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BAOCAO:-./build/baocao}
runs=${R:-3}
requests=${N:-200}
clients=${CLIENTS-"1 2 8"} # CLIENTS= (empty): no load test
workers=${W:-2}
queue=${Q:-16}
max_threads=${WRK_THREADS:-2}
warmup=${WARMUP:-100}
mem_total=${MEM_N:-10000}
mem_chunks=${MEM_CHUNKS:-5}
mem_clients=${MEM_CLIENTS:-8}
report=examples/phu-tho-2010-2015.yaml
script=bench/serve.lua
tmp=$(mktemp -d)

service_pid=""
wrk_pid=""
cleanup() {
  # wrk runs under timeout(1): TERM to timeout ends wrk too.
  if [ -n "$wrk_pid" ] && kill -0 "$wrk_pid" 2>/dev/null; then
    kill -TERM "$wrk_pid" 2>/dev/null || true
    wait "$wrk_pid" 2>/dev/null || true
  fi
  if [ -n "$service_pid" ] && kill -0 "$service_pid" 2>/dev/null; then
    kill -TERM "$service_pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$service_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$service_pid" 2>/dev/null || true
    wait "$service_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
  echo "bench/serve.sh: $*" >&2
  exit 1
}

for tool in wrk curl timeout; do
  command -v "$tool" >/dev/null || fail "needs $tool (apt-get install $tool)"
done
[ -x "$bin" ] || fail "no baocao at $bin (set BAOCAO=path)"
"$bin" serve --help >/dev/null 2>&1 || fail "$bin has no serve command"
[ "$requests" -ge "$max_threads" ] || fail "N=$requests: at least $max_threads requests"

# A broken report for the 422 answers: the example with a date that does not exist.
sed 's/^  date: 2015-08-11$/  date: 2015-02-30/' "$report" >"$tmp/broken.yaml"
cmp -s "$report" "$tmp/broken.yaml" && fail "could not break $report (its date line changed?)"

load() { cut -d' ' -f1 /proc/loadavg; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mib() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }
# Running: not gone, and not a zombie (kill -0 succeeds on a child that died unwaited).
alive() { [ "$(awk '/^State:/ {print $2}' "/proc/$1/status" 2>/dev/null)" != Z ] && [ -e "/proc/$1" ]; }
status_kb() { awk -v key="$1:" '$1 == key {print $2}' "/proc/$service_pid/status"; }

port=""
start_service() {
  "$bin" serve --listen 127.0.0.1:0 --workers "$workers" --queue "$queue" \
    >"$tmp/serve.out" 2>"$tmp/serve.err" &
  service_pid=$!
  local line=""
  for _ in $(seq 100); do # 10 s
    line=$(head -n 1 "$tmp/serve.out")
    [ -n "$line" ] && break
    kill -0 "$service_pid" 2>/dev/null || break
    sleep 0.1
  done
  port=$(sed -n 's#^baocao serve: listening on http://127\.0\.0\.1:\([0-9][0-9]*\)/$#\1#p' <<<"$line")
  [ -n "$port" ] || fail "the service did not say where it listens: '$line' $(cat "$tmp/serve.err")"
  curl -sf --max-time 5 "http://127.0.0.1:$port/healthz" >/dev/null || fail "/healthz did not answer 200"
}

stop_service() { # SIGTERM, then its exit status must be 0 within 40 s (--timeout is 30)
  kill -TERM "$service_pid"
  for _ in $(seq 400); do kill -0 "$service_pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$service_pid" 2>/dev/null; then
    kill -KILL "$service_pid"
    fail "the service did not stop within 40 s of SIGTERM"
  fi
  local status=0
  wait "$service_pid" || status=$?
  service_pid=""
  [ "$status" -eq 0 ] || fail "the service exited $status after SIGTERM: $(cat "$tmp/serve.err")"
  echo "SIGTERM: the service stopped, exit status $status ($(tail -n 1 "$tmp/serve.err"))"
}

metric() { # the value of one metric line, as /metrics says it now
  curl -sf --max-time 5 "http://127.0.0.1:$port/metrics" | awk -v m="$1" '$1 == m {print $2}'
}

wait_idle() { # no report building or waiting: what one run left does not slow the next
  for _ in $(seq 300); do # 30 s
    [ "$(metric baocao_workers_busy)" = 0 ] && [ "$(metric baocao_queue_length)" = 0 ] && return
    sleep 0.1
  done
  fail "the service was still busy 30 s after a run"
}

# While wrk runs: the workers must finish reports. A service whose workers
# are all busy and that finishes none for STALL seconds is stuck (a deadlock:
# /healthz still says 200 then); rather than wait for wrk's bound, say so,
# with the threads' stacks when gdb is there.
stall=${STALL:-60}
watch_progress() {
  local last="" same=0 now
  while kill -0 "$wrk_pid" 2>/dev/null; do
    sleep 2
    alive "$service_pid" || fail "the service died during the run: $(tail -n 3 "$tmp/serve.err")"
    now=$(metric baocao_build_seconds_count || true)
    if [ -n "$now" ] && [ "$now" = "$last" ] && [ "$(metric baocao_workers_busy)" = "$workers" ]; then
      same=$((same + 2))
    else
      same=0
    fi
    last=$now
    [ "$same" -lt "$stall" ] && continue
    local dump=${TMPDIR:-/tmp}/baocao-serve-stall-$service_pid.txt
    if command -v gdb >/dev/null; then
      # /proc/PID/exe: the binary may have been rebuilt (deleted) since it started
      timeout 120 gdb -q "/proc/$service_pid/exe" "$service_pid" -batch -ex "set pagination off" \
        -ex "thread apply all bt 40" >"$dump" 2>&1 || true
    fi
    fail "the service finished no report for $stall s with all $workers workers busy" \
      "(after $now reports; queue $(metric baocao_queue_length)): stuck$([ -s "$dump" ] && echo "; stacks in $dump")"
  done
}

# run_wrk MODE TOTAL CLIENTS: sets `result` to serve.lua's line.
result=""
run_wrk() {
  local mode=$1 total=$2 c=$3 t markers="$tmp/markers" bound
  t=$((c < max_threads ? c : max_threads))
  bound=$((30 + total / 2)) # seconds: half a second a request, ten times what one takes
  rm -rf "$markers"
  mkdir "$markers"
  alive "$service_pid" || fail "the service is gone: $(cat "$tmp/serve.err")"
  timeout -k 5 $((bound + 15)) wrk -t "$t" -c "$c" -d "${bound}s" --timeout 60s -s "$script" \
    "http://127.0.0.1:$port/v1/build" -- "$mode" "$total" "$t" "$report" "$tmp/broken.yaml" \
    "$markers" >"$tmp/wrk.out" 2>&1 &
  wrk_pid=$!
  watch_progress
  local status=0
  wait "$wrk_pid" || status=$?
  wrk_pid=""
  result=$(grep '^serve.lua:' "$tmp/wrk.out" || true)
  if [ "$status" -ne 0 ] || [ -z "$result" ]; then
    cat "$tmp/wrk.out" >&2
    fail "wrk failed (status $status)"
  fi
  [ "$(field asked)" = "$(field answered)" ] ||
    fail "wrk stopped after $(field answered) of $(field asked) answers (the ${bound} s bound?)"
  wait_idle
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$result"; }

build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$(dirname "$bin")/CMakeCache.txt" 2>/dev/null || true)
echo "baocao serve benchmark: $bin (${build_type:-build type unknown}), $(nproc) cores, $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2)"
echo "service: --workers $workers --queue $queue, on 127.0.0.1; report $report"

load_test() { # requests/s and latency at each number of clients
  start_service
  # Not timed: the first builds load the templates and make each worker's fonts.
  run_wrk build "$((workers * 5))" "$workers"
  echo
  echo "POST /v1/build ($report -> PDF), $requests requests a run (after $((workers * 5)) not timed), median of $runs runs"
  printf '  %-7s %-8s %-4s %9s %9s %9s %8s\n' clients threads run "req/s" "p50 ms" "p99 ms" non-200
  rows=()
  for c in $clients; do
    rps=() p50=() p99=() non200=0 loads=()
    for i in $(seq "$runs"); do
      loads+=("$(load)")
      run_wrk build "$requests" "$c"
      rps+=("$(field rps)")
      p50+=("$(field p50_ms)")
      p99+=("$(field p99_ms)")
      non200=$((non200 + $(field non200)))
      printf '  %-7s %-8s %-4s %9s %9s %9s %8s   load %s, answers %s, socket errors %s\n' "$c" \
        "$((c < max_threads ? c : max_threads))" "$i" "$(field rps)" "$(field p50_ms)" \
        "$(field p99_ms)" "$(field non200)" "${loads[-1]}" "$(field statuses)" "$(field socket_errors)"
    done
    rows+=("$(printf '  %-7s %9s %9s %9s %8s   %s' "$c" "$(printf '%s\n' "${rps[@]}" | median)" \
      "$(printf '%s\n' "${p50[@]}" | median)" "$(printf '%s\n' "${p99[@]}" | median)" "$non200" \
      "$(printf '%s\n' "${loads[@]}" | sort -n | sed -n '1p;$p' | paste -sd- | sed 's/^\(.*\)-\1$/\1/')")")
  done
  echo
  echo "Median of $runs runs (non-200: all runs; load: the 1-minute load average before the runs)"
  printf '  %-7s %9s %9s %9s %8s   %s\n' clients "req/s" "p50 ms" "p99 ms" non-200 load
  printf '%s\n' "${rows[@]}"
  stop_service
}

run_mix() { # label total: one part of the memory test, and its line
  local before
  before=$(load)
  run_wrk mix "$2" "$mem_clients"
  [ "$(field non200)" = "$(field bad_sent)" ] ||
    fail "non-200 answers $(field non200), broken reports $(field bad_sent): $(field statuses)"
  printf '  %-24s %6s MiB %6s MiB %8s %7s   %s\n' "$1" "$(mib "$(status_kb VmRSS)")" \
    "$(mib "$(status_kb VmHWM)")" "$(field rps)" "$before" "$(field statuses)"
}

memory_test() { # VmRSS after a warm-up and after each part of MEM_N mixed requests
  echo
  part=$((mem_total / mem_chunks))
  echo "Memory: a fresh service, $mem_clients clients, a mix of 20: 12 PDFs, 1 PNG, 1 DOCX, 3 /v1/check,"
  echo "1 /v1/preview, 2 broken reports (422); warm-up $warmup, then $mem_chunks parts of $part"
  start_service
  printf '  %-24s %9s %9s %8s %7s   %s\n' after VmRSS VmHWM "req/s" load answers
  run_mix "warm-up ($warmup)" "$warmup"
  rss_warm=$(status_kb VmRSS)
  done_count=0
  rss_first=""
  for i in $(seq "$mem_chunks"); do
    done_count=$((done_count + part))
    run_mix "$done_count requests" "$part"
    [ -n "$rss_first" ] || rss_first=$(status_kb VmRSS)
  done
  rss_end=$(status_kb VmRSS)
  hwm_end=$(status_kb VmHWM)
  awk -v w="$rss_warm" -v f="$rss_first" -v e="$rss_end" -v n="$done_count" -v p="$part" 'BEGIN {
    printf "VmRSS after warm-up %.1f MiB, after %d more requests %.1f MiB: %+.1f MiB (%+.1f%%)\n",
      w / 1024, n, e / 1024, (e - w) / 1024, 100 * (e - w) / w
    printf "VmRSS from the first %d to the last: %+.1f MiB (%+.1f%%), %+.0f KiB a 1,000 requests\n",
      p, (e - f) / 1024, 100 * (e - f) / f, (n > p ? (e - f) * 1000 / (n - p) : 0)
  }'
  echo "VmHWM (the peak) $(mib "$hwm_end") MiB"
  echo "/metrics after the memory test:"
  curl -sf --max-time 5 "http://127.0.0.1:$port/metrics" |
    grep -E '^baocao_(requests_total\{|build_seconds_(count|sum) |font_systems )' | sed 's/^/  /'
  stop_service
}

[ -z "${clients// /}" ] || load_test
[ "$mem_total" -eq 0 ] || memory_test
