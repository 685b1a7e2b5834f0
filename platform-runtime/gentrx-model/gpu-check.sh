#!/usr/bin/env bash
# GPU check of the GenTRX order model (issue 6 items 3 and 8): builds the module with the CUDA natives (-Pgpu),
# trains the 12M reference model for 50 AdamW steps on one batch and prints s/step, tokens/s and the loss of every
# step, then evaluates; afterwards runs the same measurement with the CPU natives for comparison.
#
#   platform-runtime/gentrx-model/gpu-check.sh            # from anywhere; needs network once for the -gpu jar
#   STEPS=50 GPU_BATCH=16 CPU_STEPS=5 CPU_THREADS=2 MVN_FLAGS=-o platform-runtime/gentrx-model/gpu-check.sh
#
# The GPU natives (org.tensorflow:tensorflow-core-native:1.1.0:linux-x86_64-gpu) need CUDA 12 / cuDNN 9 libraries on
# the machine. TensorFlow logs "Created device ...GPU:0" when it found the GPU; the script prints that line.
set -euo pipefail

cd "$(dirname "$0")/../.."
STEPS=${STEPS:-50}
GPU_BATCH=${GPU_BATCH:-16}
CPU_STEPS=${CPU_STEPS:-5}
CPU_THREADS=${CPU_THREADS:-2}
LENGTH=${LENGTH:-512}
MVN_FLAGS=${MVN_FLAGS:-}
JAVA_BIN=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
[ -x "$JAVA_BIN" ] || JAVA_BIN=java
MODULE=platform-runtime/gentrx-model
MAIN=io.mvtrx.runtime.gentrx.model.ThroughputBenchmark

classpath() { # $1: extra maven flags (e.g. -Pgpu), $2: output file
  ./mvnw -q $MVN_FLAGS $1 -pl "$MODULE" dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$2" >/dev/null
  echo "$MODULE/target/classes:$(cat "$2")"
}

echo "== build (-Pgpu)"
./mvnw -q $MVN_FLAGS -Pgpu -pl "$MODULE" -am install -DskipTests
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || true

echo "== GPU: $STEPS training steps at batch $GPU_BATCH x $LENGTH, evaluation at 64 x $LENGTH"
GPU_CP=$(classpath -Pgpu "$MODULE/target/gpu-classpath.txt")
"$JAVA_BIN" --enable-native-access=ALL-UNNAMED -cp "$GPU_CP" "$MAIN" --threads 0 --train-batch "$GPU_BATCH" \
  --length "$LENGTH" --train-steps "$STEPS" --eval-batch 64 --eval-runs 3 --warmup 2 2>&1 \
  | grep -E "Created device|config|parameters|train step|eval run|TRAIN|EVAL|rror" || true

echo "== CPU comparison: $CPU_STEPS training steps at batch 4 x $LENGTH, $CPU_THREADS threads"
CPU_CP=$(classpath "" "$MODULE/target/cpu-classpath.txt")
"$JAVA_BIN" --enable-native-access=ALL-UNNAMED -cp "$CPU_CP" "$MAIN" --threads "$CPU_THREADS" --train-batch 4 \
  --length "$LENGTH" --train-steps "$CPU_STEPS" --eval-batch 64 --eval-runs 1 --warmup 1 2>&1 \
  | grep -E "config|parameters|train step|eval run|TRAIN|EVAL|rror" || true
