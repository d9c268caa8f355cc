#!/usr/bin/env bash
# Harness headroom: cells/s sustained at many calls in flight against a fixed service time, and the client's own
# overhead per call (client latency minus the server's service time), provbench beside a plain client.
# Usage: bench/headroom.sh [inFlight=256,1024] [rounds=20] [serviceMs=200] [commitEveryCells: the job's commit.every_cells]
exec "$(dirname "$0")/run-main.sh" dev.provbench.bench.HeadroomBenchmark "$@"
