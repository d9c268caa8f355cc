#!/usr/bin/env bash
# Harness headroom: cells/s sustained at many calls in flight against a fixed service time, and the client's own
# overhead per call (client latency minus the server's service time), provbench beside a plain client.
# Usage: bench/headroom.sh [inFlight=256,1024] [rounds=40] [serviceMs=200]
exec "$(dirname "$0")/run-main.sh" dev.provbench.bench.HeadroomBenchmark "$@"
