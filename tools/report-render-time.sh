#!/bin/sh
# How long report pages take to render in headless Chromium: for each round, each page in turn
# (interleaved, so machine load falls on all alike), the milliseconds from navigation start until
# what the reader first sees is drawn and laid out (a run report: the findings and its three headline
# figures; the #selftest hook writes them into the body as data-render-ms). RENDER_ATTR=data-render-all-ms
# reads instead the time until every section is drawn and laid out (the self-test draws them all, then reads the time, then
# moves a slider).
# Chromium is started without its address-bar popup (RENDER_CHROMIUM_FLAGS, by default
# --disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup, as Puppeteer starts it): a headless Chromium has no address bar,
# yet Chromium 156 loads that popup's page in a renderer of its own at start-up, and on a 2-core machine a trace showed that
# renderer busy through the whole load of the page measured (times 1.7 to 2 times as long). RENDER_CHROMIUM_FLAGS= measures with it.
# Usage: [RENDER_ATTR=…] [RENDER_CHROMIUM_FLAGS=…] tools/report-render-time.sh ROUNDS PAGE.html [PAGE.html…]
#   (prints: page, each time, min, median)
set -eu
attr=${RENDER_ATTR:-data-render-ms}
flags=${RENDER_CHROMIUM_FLAGS---disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup}
rounds=$1; shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for page in "$@"; do : > "$work/$(echo "$page" | tr '/' '_')"; done
r=0
while [ "$r" -lt "$rounds" ]; do
  r=$((r + 1))
  n=0
  for page in "$@"; do
    n=$((n + 1))
    # a new profile for every load: no page is loaded into a profile another load has already used
    # shellcheck disable=SC2086 # the flags are words
    ms=$(chromium --headless --no-sandbox --disable-gpu $flags --user-data-dir="$work/profile-$r-$n" --window-size=1280,2400 \
      --dump-dom "file://$(realpath "$page")#selftest" 2>/dev/null | grep -o "$attr=\"[0-9]*\"" | grep -o '[0-9]*' || true)
    echo "$ms" >> "$work/$(echo "$page" | tr '/' '_')"
    rm -rf "$work/profile-$r-$n"
  done
done
for page in "$@"; do
  f="$work/$(echo "$page" | tr '/' '_')"
  n=$(wc -l < "$f")
  echo "$page: $(tr '\n' ' ' < "$f")| min $(sort -n "$f" | head -1) ms, median $(sort -n "$f" | sed -n "$(( (n + 1) / 2 ))p") ms"
done
