<?php
// Times sequential `status` calls of the panels' reference PHP client (reference_api.php, curl, a new connection
// per call) against a running panel: the reference for "1,000 sequential status calls >= 2x PHP's throughput".
//
//   php -n -d extension=curl benchmarks/php/time_api_status.php URL KEY IDS_FILE [--calls=N] [--warmup=N]
//
// IDS_FILE has one order per line: "id<TAB>remains<TAB>charge", the answer every `status` of that order must give
// (status "Pending"); the calls cycle through the ids. --warmup calls are made first, untimed. The timed calls are
// one hrtime(true) span; every answer is checked (an object with that status, remains and charge, no error) and a
// wrong or missing answer is counted as an error. Prints one JSON object: calls, errors, seconds, calls per second
// and the process's CPU time (getrusage) over the timed calls and since it started.
declare(strict_types=1);
ini_set('display_errors', 'stderr');
error_reporting(E_ALL);

require __DIR__ . '/reference_api.php';

if (!function_exists('curl_init')) {
    fwrite(STDERR, "time_api_status.php: the curl extension is not loaded (php -n -d extension=curl; apt-get install php-curl)\n");
    exit(2);
}

$positional = [];
$calls = 1000;
$warmup = 50;
foreach (array_slice($argv, 1) as $arg) {
    if (preg_match('/^--(calls|warmup)=(\d+)$/', $arg, $m)) {
        ${$m[1]} = (int)$m[2];
    } elseif (!str_starts_with($arg, '--')) {
        $positional[] = $arg;
    } else {
        fwrite(STDERR, "unknown option $arg\n");
        exit(2);
    }
}
if (count($positional) !== 3) {
    fwrite(STDERR, "usage: time_api_status.php URL KEY IDS_FILE [--calls=N] [--warmup=N]\n");
    exit(2);
}
[$url, $key, $idsFile] = $positional;

$orders = [];
foreach (file($idsFile, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) ?: [] as $line) {
    [$id, $remains, $charge] = explode("\t", $line);
    $orders[] = [(int)$id, $remains, $charge];
}
if ($orders === []) {
    fwrite(STDERR, "time_api_status.php: no orders in $idsFile\n");
    exit(2);
}

$api = new Api();
$api->api_url = $url;
$api->api_key = $key;

$errors = 0;
$firstError = null;
$check = function ($answer, array $order) use (&$errors, &$firstError): void {
    [$id, $remains, $charge] = $order;
    $ok = is_object($answer) && !isset($answer->error) && ($answer->status ?? null) === 'Pending'
        && ($answer->remains ?? null) === $remains && ($answer->charge ?? null) === $charge;
    if (!$ok) {
        $errors++;
        $firstError ??= "order $id: " . var_export($answer, true);
    }
};

$n = count($orders);
for ($i = 0; $i < $warmup; $i++) {
    $check($api->status($orders[$i % $n][0]), $orders[$i % $n]);
}

$before = getrusage();
$start = hrtime(true);
for ($i = 0; $i < $calls; $i++) {
    $order = $orders[$i % $n];
    $answer = $api->status($order[0]);
    $check($answer, $order);
}
$elapsed = (hrtime(true) - $start) / 1e9;
$after = getrusage();

$cpu = fn(array $u, string $kind): float => $u["ru_{$kind}.tv_sec"] + $u["ru_{$kind}.tv_usec"] / 1e6;
echo json_encode([
    'php' => PHP_VERSION,
    'curl' => curl_version()['version'],
    'calls' => $calls,
    'warmup' => $warmup,
    'errors' => $errors,
    'first_error' => $firstError,
    'seconds' => $elapsed,
    'calls_per_second' => $calls / $elapsed,
    'cpu_user_seconds' => $cpu($after, 'utime') - $cpu($before, 'utime'),
    'cpu_system_seconds' => $cpu($after, 'stime') - $cpu($before, 'stime'),
    'cpu_process_seconds' => $cpu($after, 'utime') + $cpu($after, 'stime'),
], JSON_UNESCAPED_SLASHES), "\n";
