#!/usr/bin/env bash
# Throughput of the local simulated providers: requests/s at 256 concurrent connections over
# loopback, with zero delay and with a 200 ms reply delay, streaming and not. Each scenario stops at
# 20,000 requests or 30 s. Figures go to docs/SIMULATOR.md ("Benchmark").
exec "$(dirname "$0")/../run-main.sh" dev.provbench.sim.bench.SimThroughputBench "$@"
