#!/bin/sh
# How long report pages take to render in headless Chromium: for each round, each page in turn
# (interleaved, so machine load falls on all alike), the milliseconds from navigation start until
# what the reader first sees is drawn and laid out (a run report: the findings and its three headline
# figures; the #selftest hook writes them into the body as data-render-ms). RENDER_ATTR=data-render-all-ms
# reads instead the time until every section is drawn (the self-test draws them all before it runs).
# Usage: [RENDER_ATTR=…] tools/report-render-time.sh ROUNDS PAGE.html [PAGE.html…]   (prints: page, each time, min, median)
set -eu
attr=${RENDER_ATTR:-data-render-ms}
rounds=$1; shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for page in "$@"; do : > "$work/$(echo "$page" | tr '/' '_')"; done
r=0
while [ "$r" -lt "$rounds" ]; do
  r=$((r + 1))
  for page in "$@"; do
    ms=$(chromium --headless --no-sandbox --disable-gpu --user-data-dir="$work/profile-$r" --window-size=1280,2400 \
      --dump-dom "file://$(realpath "$page")#selftest" 2>/dev/null | grep -o "$attr=\"[0-9]*\"" | grep -o '[0-9]*' || true)
    echo "$ms" >> "$work/$(echo "$page" | tr '/' '_')"
  done
done
for page in "$@"; do
  f="$work/$(echo "$page" | tr '/' '_')"
  n=$(wc -l < "$f")
  echo "$page: $(tr '\n' ' ' < "$f")| min $(sort -n "$f" | head -1) ms, median $(sort -n "$f" | sed -n "$(( (n + 1) / 2 ))p") ms"
done
