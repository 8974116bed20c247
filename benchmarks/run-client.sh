#!/usr/bin/env bash
# Client benchmarks (issue 9, items 2 and 3), every ratio from this one run:
#   1. builds benchmarks/Plugsmm.Client.Benchmarks in Release (warnings are errors, as everywhere);
#   2. generates benchmarks/data/services-10000.json (deterministic: the same bytes every time);
#   3. BenchmarkDotNet, per call over an in-memory panel: the full client (default pipeline, logging enabled at
#      Information, metrics listened to) vs raw HttpClient + FormUrlEncodedContent + JsonSerializer for add, status
#      and status of 100 ids; results in benchmarks/BenchmarkDotNet.Artifacts/client/;
#   4. BenchmarkDotNet, the catalogue: GetServicesAsync over the in-memory panel (and the raw baseline) on that file;
#   5. PHP's json_decode of the same file (php -n, hrtime, median and min of rounds);
#   6. prints the ratios and the targets (client <= 1.0x raw in time and bytes; catalogue <= 1.25x PHP's time).
# Exits non-zero when something fails to build or run; a missed performance target is reported, not failed.
# Extra arguments go to BenchmarkDotNet.
# Usage: benchmarks/run-client.sh [BenchmarkDotNet options]     (docs/performance.md)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
project=benchmarks/Plugsmm.Client.Benchmarks
services=benchmarks/data/services-10000.json
artifacts=benchmarks/BenchmarkDotNet.Artifacts/client
calls_report="$artifacts/calls/results/Plugsmm.Client.Benchmarks.CallBenchmarks-report.json"
catalogue_report="$artifacts/catalogue/results/Plugsmm.Client.Benchmarks.CatalogueBenchmarks-report.json"

command -v php >/dev/null || { echo "run-client.sh: php is required (apt-get install php-cli)" >&2; exit 1; }

# Results of an earlier run must not be read as this run's.
rm -rf "$artifacts"
mkdir -p "$artifacts"

echo "== build (Release)"
dotnet build "$project" -c Release -nologo -v quiet

run() { dotnet run -c Release --no-build --project "$project" -- "$@"; }

echo "== services answer"
run --generate-services "$services"

echo "== BenchmarkDotNet: per call"
run --filter '*CallBenchmarks*' --artifacts "$root/$artifacts/calls" "$@"
[[ -f "$calls_report" ]] || { echo "run-client.sh: BenchmarkDotNet wrote no $calls_report" >&2; exit 1; }

echo "== BenchmarkDotNet: catalogue"
PLUGSMM_SERVICES="$root/$services" run --filter '*CatalogueBenchmarks*' --artifacts "$root/$artifacts/catalogue" "$@"
[[ -f "$catalogue_report" ]] || { echo "run-client.sh: BenchmarkDotNet wrote no $catalogue_report" >&2; exit 1; }

echo "== PHP: json_decode"
php -n benchmarks/php/time_json_decode.php "$services" --json="$artifacts/php.json"

echo "== Summary"
run --summarize-client --calls-json "$calls_report" --catalogue-json "$catalogue_report" --php-json "$artifacts/php.json" --services "$services" \
    | tee "$artifacts/summary.md"
