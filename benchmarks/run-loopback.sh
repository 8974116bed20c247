#!/usr/bin/env bash
# Loopback throughput (issue 9, item 4), every figure from this one run:
#   1. builds benchmarks/Plugsmm.Client.Benchmarks in Release (warnings are errors, as everywhere);
#   2. makes sure PHP loads curl under -n (php -n -d extension=curl), installing php-curl with apt-get if it cannot;
#   3. runs the app's --loopback mode: the simulated panel (SimulatedPanel.CreateDefault() on Kestrel) in a process
#      of its own; 64 concurrent callers of `status`, PlugsmmClient vs raw HttpClient, in rounds that take turns,
#      with the TCP sockets of the panel's port sampled from /proc/net/tcp{,6}; then 1,000 sequential `status` calls,
#      PlugsmmClient vs the panels' reference PHP Api class (benchmarks/php/time_api_status.php, curl); every answer
#      checked. --diagnose adds two sides (raw code over the client's handler settings, the client without logging
#      or metrics) and an allocation sample of the client and the raw baseline: the "why" of the figures;
#   4. prints the markdown summary and saves it as benchmarks/BenchmarkDotNet.Artifacts/loopback/summary.md.
# Exits non-zero when something fails to build or run, or when a call fails or is answered wrongly (the run is then
# invalid); a missed performance target is reported, not failed. Takes about two minutes.
# Extra arguments go to --loopback (--rounds 8 --seconds 2 --calls 1000 --sequential-rounds 20 --callers 64 …).
# Usage: benchmarks/run-loopback.sh [--loopback options]     (docs/performance.md)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
project=benchmarks/Plugsmm.Client.Benchmarks
artifacts=benchmarks/BenchmarkDotNet.Artifacts/loopback

[[ -r /proc/net/tcp ]] || { echo "run-loopback.sh: needs Linux (/proc/net/tcp)" >&2; exit 1; }
command -v php >/dev/null || { echo "run-loopback.sh: php is required (apt-get install php-cli php-curl)" >&2; exit 1; }

# PHP's reference client needs curl; -n (no php.ini) keeps PHP's defaults, so the extension is loaded explicitly.
php_has_curl() { "$@" -r 'exit(function_exists("curl_init") ? 0 : 1);' 2>/dev/null; }
if php_has_curl php -n; then
  php_command="php -n"                      # curl built in
elif php_has_curl php -n -d extension=curl; then
  php_command="php -n -d extension=curl"
else
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    echo "== installing php-curl (PHP's reference Api class needs curl)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq php-curl >/dev/null
  fi
  php_has_curl php -n -d extension=curl \
    || { echo "run-loopback.sh: PHP cannot load curl (php -n -d extension=curl); install php-curl (apt-get install php-curl) and run again" >&2; exit 1; }
  php_command="php -n -d extension=curl"
fi

# Results of an earlier run must not be read as this run's.
rm -rf "$artifacts"
mkdir -p "$artifacts"

echo "== build (Release)"
dotnet build "$project" -c Release -nologo -v quiet

echo "== loopback ($(${php_command} -r 'echo "PHP ", PHP_VERSION, ", libcurl ", curl_version()["version"];'))"
status=0
dotnet run -c Release --no-build --project "$project" -- --loopback \
    --php-script benchmarks/php/time_api_status.php --php "$php_command" --out "$artifacts" --diagnose "$@" \
    > "$artifacts/summary.md" || status=$?

echo "== Summary"
cat "$artifacts/summary.md"
exit $status
