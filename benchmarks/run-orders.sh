#!/usr/bin/env bash
# The order engine's figures (issue 18, "Performance"), every one from this one run, in real time:
#   1. builds benchmarks/Plugsmm.Orders.Benchmarks in Release (warnings are errors, as everywhere);
#   2. runs it: the simulated panel on Kestrel in a process of its own on loopback, the engine through its public host
#      path (AddPlugsmmOrders + AddPlugsmmClient at the panel's URL) on a SQLite file in a temp folder;
#      a. tracking: 10,000 orders accepted and placed with no limit (their service starts in a day: they stay active),
#         then the panel's RateLimitPerMinute = 120 and PlugsmmOrdersOptions.RequestsPerMinute = 120, every order due
#         again a second after its refresh: the time of each cycle (every order refreshed once, from the panel's ledger;
#         bound 10,000 / (100 × 120) min = 50 s, target ≤ 52.5 s), the 429 answers (must be 0), the engine process's
#         CPU per tracked order;
#      b. placement: the panel answering in 50 ms, no limit, 1,000 orders accepted while the engine runs: accepted-and-
#         placed orders a second;
#   3. prints the markdown summary and saves it as benchmarks/BenchmarkDotNet.Artifacts/orders/summary.md.
# Exits non-zero when something fails to build or run, or when the run is invalid (a 429, an order not placed or
# lost, a phase that never ended); a missed performance target is reported, not failed. Takes about eight minutes.
# Extra arguments go to the app (--orders 10000 --rate 120 --cycles 3 --placements 1000 --latency-ms 50).
# Usage: benchmarks/run-orders.sh [options]     (docs/performance.md)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
project=benchmarks/Plugsmm.Orders.Benchmarks
artifacts=benchmarks/BenchmarkDotNet.Artifacts/orders

# Results of an earlier run must not be read as this run's.
rm -rf "$artifacts"
mkdir -p "$artifacts"

echo "== build (Release)"
dotnet build "$project" -c Release -nologo -v quiet

echo "== orders (progress on stderr)"
status=0
dotnet run -c Release --no-build --project "$project" -- "$@" > "$artifacts/summary.md" || status=$?

echo "== Summary"
cat "$artifacts/summary.md"
exit $status
