#!/usr/bin/env bash
# Verifies dsdl's GPU path in one command, on a Linux x86-64 machine with an NVIDIA GPU, its driver and
# the CUDA libraries TensorFlow 2.18 needs (CUDA 12, cuDNN 9):
#   1. builds the GPU variant (mvn -Pgpu: TensorFlow's CUDA native library, classifier linux-x86_64-gpu)
#      into app/target (the next CPU build replaces it: mvn -DskipTests install, or ./dsdl after a source change);
#   2. runs `dsdl bench --json` (the default experiment) and `dsdl bench --batches 16,32,64`;
#   3. runs a short training run with TensorFlow's device placement logged (engine.logDevicePlacement=true);
# and prints training samples/s and the device each kind of convolution op ran on. Exit 0 when the
# convolutions ran on a GPU; 1 when they did not; 2 when a step failed; 3 (one line) without a GPU.
#
#   bench/gpu-check.sh            the check
#   bench/gpu-check.sh --cpu      the same steps on the CPU build that is there (checks this script, needs no GPU)
# Output and logs go to ${GPU_CHECK_OUT:-target/gpu-check}; GPU_CHECK_STEPS (default 100) sets the bench's steps per repeat.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cpu=""
if [ "${1:-}" = "--cpu" ]; then cpu=1; fi
out="${GPU_CHECK_OUT:-$here/target/gpu-check}"
steps="${GPU_CHECK_STEPS:-100}"

if [ -z "$cpu" ]; then
  if ! command -v nvidia-smi >/dev/null 2>&1 || ! gpus="$(nvidia-smi -L 2>/dev/null)" || [ -z "$gpus" ]; then
    echo "gpu-check: no NVIDIA GPU here (nvidia-smi is missing or lists no GPU); nothing was built or run" >&2
    exit 3
  fi
  echo "gpu-check: $gpus"
fi
mkdir -p "$out" || exit 2

if [ -z "$cpu" ]; then
  echo "gpu-check: building the GPU variant (mvn -Pgpu -pl app -am package -DskipTests; the first build downloads TensorFlow's CUDA library)…"
  if ! (cd "$here" && mvn -q -B -Pgpu -DskipTests -pl app -am package) >"$out/build.log" 2>&1; then
    echo "gpu-check: the GPU build failed; see $out/build.log" >&2
    exit 2
  fi
  if ! ls "$here"/app/target/lib/tensorflow-core-native-*-linux-x86_64-gpu.jar >/dev/null 2>&1; then
    echo "gpu-check: the build did not put TensorFlow's GPU library in app/target/lib" >&2
    exit 2
  fi
fi

export TF_ENABLE_ONEDNN_OPTS="${TF_ENABLE_ONEDNN_OPTS:-1}"
dsdl() {
  java ${DSDL_JAVA_OPTS:-} -Djava.awt.headless=true --module-path "$here/app/target/dsdl-app.jar:$here/app/target/lib" \
    --add-modules ALL-MODULE-PATH -m org.dsdl.app/org.dsdl.app.Main "$@"
}

echo "gpu-check: dsdl bench --json (default experiment)…"
if ! TF_CPP_MIN_LOG_LEVEL=2 dsdl bench --json --steps "$steps" --warmup $((steps / 5)) --repeats 3 >"$out/bench.json" 2>"$out/bench.err"; then
  echo "gpu-check: dsdl bench failed; see $out/bench.err" >&2
  exit 2
fi
sps="$(grep -A1 '"samplesPerSecond"' "$out/bench.json" | grep -o '"median" : [0-9.]*' | head -1 | grep -o '[0-9.]*$')"
echo "gpu-check: training $(printf '%.0f' "${sps:-0}") samples/s (median; batch 16, the default experiment; $out/bench.json)"

echo "gpu-check: dsdl bench --batches 16,32,64…"
if ! TF_CPP_MIN_LOG_LEVEL=2 dsdl bench --batches 16,32,64 --steps $(((steps + 1) / 2)) --warmup $((steps / 10)) --repeats 3 >"$out/batches.txt" 2>"$out/batches.err"; then
  echo "gpu-check: dsdl bench --batches failed; see $out/batches.err" >&2
  exit 2
fi
cat "$out/batches.txt"

echo "gpu-check: a short run with device placement logged…"
rm -rf "$out/run"
# TensorFlow prints each op's device as "NAME: (TYPE): /job:localhost/replica:0/task:0/device:GPU:0"
if ! TF_CPP_MIN_LOG_LEVEL=0 dsdl run --out "$out/run" --set training.steps=20 --set engine.logDevicePlacement=true \
    --set "probes=[accuracy]" --set "visualizers=[csv]" >"$out/placement.log" 2>&1; then
  echo "gpu-check: the short run failed; see $out/placement.log" >&2
  exit 2
fi
placed="$(grep -oE '\((Conv2D|Conv2DBackpropFilter|Conv2DBackpropInput|_MklConv2D[A-Za-z]*|_FusedConv2D|_MklFusedConv2D)\): /job:[^ ]*device:[A-Z]+:[0-9]+' "$out/placement.log" \
  | sed -E 's|.*\((.*)\): .*device:([A-Z]+:[0-9]+)|\1 \2|' | sort | uniq -c)"
if [ -z "$placed" ]; then
  echo "gpu-check: the run logged no convolution placement; see $out/placement.log" >&2
  exit 2
fi
echo "gpu-check: convolution ops by device (count, op, device):"
echo "$placed" | sed 's/^/  /'
if echo "$placed" | grep -q 'GPU:'; then
  echo "gpu-check: OK, the convolutions ran on the GPU"
  exit 0
fi
echo "gpu-check: the convolutions ran on the CPU, not a GPU"
exit 1
