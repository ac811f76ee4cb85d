#!/usr/bin/env bash
# Pathological inputs through the native CLI (issue 8): each case of gen.py must
# finish within its time limit without crashing (exit 0 or 1, the JSON on
# stdout), carry diagnostics where something was dropped and keep every span
# inside the input (check.py). Prints size, time and MB/s per case, then a
# size-doubling series (1, 2, 4, 8 MB) for two cases that fails when a doubling
# costs more than 3x (a quadratic or hang detector, not a timing assertion).
# Usage: tests/pathological/run.sh [path/to/reportlens]    Ends "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
here=tests/pathological
cli=${1:-build/reportlens}
if [ ! -x "$cli" ]; then
  bash tools/install-deps native || exit 2
  { cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j2; } >build-pathological.log 2>&1 \
    || { tail -20 build-pathological.log; echo "native build failed"; exit 2; }
fi
seed=$(ls tests/corpus/extra/seeds/*.txt | head -1)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
mem_kb=$((4 << 20))   # the CLI gets 4 GB of address space: a runaway allocation fails, not the machine

# run_case FILE -> sets $code, $secs (wall clock) and $cpu (user + sys seconds,
# steadier than the wall clock on a shared machine); time limit 20 s + 2 s per MB
run_case() {
  local mb=$(( $(stat -c %s "$1") >> 20 )) TIMEFORMAT='%R %U %S' user sys
  { time (ulimit -v $mem_kb; timeout $((20 + 2 * mb)) "$cli" analyze "$1" >"$tmp/out.json" 2>"$tmp/err.txt"); } 2>"$tmp/time.txt"
  code=$?
  read -r secs user sys < <(tail -1 "$tmp/time.txt")
  cpu=$(python3 -c "print(f'{$user + $sys:.3f}')")
}

verdict() {   # file codes -> "" when the case passed, else the reason
  case $code in
    0|1) python3 $here/check.py "$1" "$tmp/out.json" "$2" ;;
    124) echo "no result within the time limit (hang)" ;;
    *) echo "exit $code (crash$( [ $code -gt 128 ] && echo ", signal $((code - 128))")): $(tail -c 200 "$tmp/err.txt" | tr '\n' ' ')" ;;
  esac
}

printf '%-22s %10s %9s %9s  %s\n' case bytes seconds MB/s result
while IFS=$'\t' read -r name file codes; do
  run_case "$file"
  size=$(stat -c %s "$file")
  rate=$(python3 -c "print(f'{$size / 1048576 / max($secs, 1e-3):.2f}')")
  why=$(verdict "$file" "$codes")
  if [ -z "$why" ]; then
    passed=$((passed + 1)); printf '%-22s %10d %9s %9s  ok (exit %d)\n' "$name" "$size" "$secs" "$rate" "$code"
  else
    failed=$((failed + 1)); printf '%-22s %10d %9s %9s  FAIL %s\n' "$name" "$size" "$secs" "$rate" "$why"
  fi
  rm -f "$file"
done < <(python3 $here/gen.py "$tmp" "$seed")

echo
echo "size doubling (CPU seconds, best of 3 runs; a doubling may cost at most 3x)"
for name in single_line_10mb report_x1000; do
  prev=""
  line="$name:"
  why=""
  for mb in 1 2 4 8; do
    IFS=$'\t' read -r _ file _ < <(python3 $here/gen.py "$tmp" "$seed" --series "$name" "$mb")
    best=""
    for _ in 1 2 3; do
      run_case "$file"
      [ "$code" -le 1 ] || { why="$mb MB: $(verdict "$file" -)"; break; }
      best=$(python3 -c "print(min($cpu, ${best:-$cpu}))")
    done
    rm -f "$file"
    [ -z "$why" ] || break
    line+=" ${mb} MB ${best}s"
    if [ -n "$prev" ]; then
      ratio=$(python3 -c "print(f'{$best / max($prev, 1e-3):.2f}')")
      line+=" (x$ratio)"
      python3 -c "import sys; sys.exit(0 if $ratio <= 3 else 1)" || why="doubling to $mb MB cost x$ratio"
    fi
    prev=$best
  done
  if [ -z "$why" ]; then passed=$((passed + 1)); echo "ok   $line"; else failed=$((failed + 1)); echo "FAIL $line; $why"; fi
done

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
