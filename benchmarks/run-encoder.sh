#!/usr/bin/env bash
# Encoder benchmarks, .NET and PHP on the same 2,000 order bodies (benchmarks/data/order-bodies.jsonl):
#   1. builds benchmarks/Plugsmm.Client.Benchmarks in Release (warnings are errors, as everywhere);
#   2. runs the BenchmarkDotNet encoder benchmarks (PhpFormEncoder.Encode to a string and to an IBufferWriter,
#      FormUrlEncodedContent as the baseline), results in benchmarks/BenchmarkDotNet.Artifacts/encoder/;
#   3. times PHP's http_build_query on the same file (php -n, PHP's defaults);
#   4. prints ns/body, bytes allocated, and PhpFormEncoder/PHP from this run, read from BenchmarkDotNet's JSON report.
# Exits non-zero when something fails to build or run, or when PHP and .NET encode the file differently;
# a missed performance target is reported, not failed. Extra arguments go to BenchmarkDotNet.
# Usage: benchmarks/run-encoder.sh [BenchmarkDotNet options]     (docs/performance.md)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
project=benchmarks/Plugsmm.Client.Benchmarks
data=benchmarks/data/order-bodies.jsonl
artifacts=benchmarks/BenchmarkDotNet.Artifacts/encoder
report="$artifacts/results/Plugsmm.Client.Benchmarks.EncoderBenchmarks-report.json"

command -v php >/dev/null || { echo "run-encoder.sh: php is required (apt-get install php-cli)" >&2; exit 1; }
[[ -f "$data" ]] || { echo "run-encoder.sh: $data is missing (dotnet run -c Release --project $project -- --generate-bodies)" >&2; exit 1; }

# Results of an earlier run must not be read as this run's.
rm -rf "$artifacts"
mkdir -p "$artifacts"

echo "== build (Release)"
dotnet build "$project" -c Release -nologo -v quiet

run() { dotnet run -c Release --no-build --project "$project" -- "$@"; }

echo "== BenchmarkDotNet: encoder"
PLUGSMM_ORDER_BODIES="$root/$data" run --filter '*EncoderBenchmarks*' --artifacts "$root/$artifacts" "$@"
[[ -f "$report" ]] || { echo "run-encoder.sh: BenchmarkDotNet wrote no $report" >&2; exit 1; }

echo "== PHP: http_build_query"
php -n benchmarks/php/time_http_build_query.php "$data" --json="$artifacts/php.json"

echo "== Summary"
run --summarize --bdn-json "$report" --php-json "$artifacts/php.json" --bodies "$data" | tee "$artifacts/summary.md"
