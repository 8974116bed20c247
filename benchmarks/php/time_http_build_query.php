<?php
// Times PHP's own http_build_query over the order bodies of benchmarks/data/order-bodies.jsonl, the same bodies
// the .NET encoder benchmarks encode: the reference for "PhpFormEncoder <= 0.5x PHP's time per body".
//
//   php -n benchmarks/php/time_http_build_query.php [FILE] [--rounds=N] [--warmup=N] [--passes=N] [--json=OUT]
//
// The file is read once and decoded into PHP arrays before any timing (tags as in
// tests/Plugsmm.Client.Tests/Differential/php/build_query.php). A round encodes every body --passes times and is
// timed with hrtime(true); the result is ns per body, median and min over --rounds rounds after --warmup rounds.
// --json writes the figures (and the SHA-256 of the bodies joined by "\n", to check .NET encodes the same bytes).
declare(strict_types=1);
ini_set('display_errors', 'stderr');
error_reporting(E_ALL);

if (ini_get('precision') !== '14') {
    fwrite(STDERR, "precision is " . ini_get('precision') . ", expected PHP's default 14: run with php -n\n");
    exit(2);
}

require __DIR__ . '/../../tests/Plugsmm.Client.Tests/Differential/php/tagged_fields.php';

$file = __DIR__ . '/../data/order-bodies.jsonl';
$rounds = 50;
$warmup = 5;
$passes = 10;
$json = null;
foreach (array_slice($argv, 1) as $arg) {
    if (preg_match('/^--(rounds|warmup|passes)=(\d+)$/', $arg, $m)) {
        ${$m[1]} = (int)$m[2];
    } elseif (str_starts_with($arg, '--json=')) {
        $json = substr($arg, strlen('--json='));
    } elseif (!str_starts_with($arg, '--')) {
        $file = $arg;
    } else {
        fwrite(STDERR, "unknown option $arg\n");
        exit(2);
    }
}
if ($rounds < 1 || $passes < 1) {
    fwrite(STDERR, "--rounds and --passes must be at least 1\n");
    exit(2);
}

$lines = file($file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES);
if ($lines === false) {
    fwrite(STDERR, "cannot read $file\n");
    exit(1);
}
$bodies = [];
foreach ($lines as $line) {
    $bodies[] = decode_map(json_decode($line, true, 512, JSON_THROW_ON_ERROR));
}
unset($lines);
$count = count($bodies);

// Once untimed: the encoded bytes, for the mean size and the cross-check with .NET.
$encoded = array_map('http_build_query', $bodies);
$bytes = array_sum(array_map('strlen', $encoded));
$sha256 = hash('sha256', implode("\n", $encoded));
unset($encoded);

$samples = [];
$sink = 0;
for ($r = -$warmup; $r < $rounds; $r++) {
    $start = hrtime(true);
    for ($p = 0; $p < $passes; $p++) {
        foreach ($bodies as $body) {
            $sink += strlen(http_build_query($body));
        }
    }
    $elapsed = hrtime(true) - $start;
    if ($r >= 0) {
        $samples[] = $elapsed / ($passes * $count);
    }
}
if ($sink !== ($warmup + $rounds) * $passes * $bytes) {
    fwrite(STDERR, "http_build_query gave different lengths between rounds\n");
    exit(1);
}

sort($samples);
$n = count($samples);
$median = $n % 2 === 1 ? $samples[intdiv($n, 2)] : ($samples[$n / 2 - 1] + $samples[$n / 2]) / 2;
$result = [
    'php_version' => PHP_VERSION,
    'bodies' => $count,
    'rounds' => $rounds,
    'passes' => $passes,
    'ns_per_body_median' => $median,
    'ns_per_body_min' => $samples[0],
    'ns_per_body_max' => $samples[$n - 1],
    'mean_bytes_per_body' => $bytes / $count,
    'sha256' => $sha256,
];

printf(
    "PHP %s http_build_query: %d bodies, %d rounds x %d passes: %.1f ns/body median (min %.1f, max %.1f); mean %.1f bytes/body\n",
    PHP_VERSION, $count, $rounds, $passes, $median, $samples[0], $samples[$n - 1], $bytes / $count
);
if ($json !== null && file_put_contents($json, json_encode($result, JSON_PRETTY_PRINT) . "\n") === false) {
    fwrite(STDERR, "cannot write $json\n");
    exit(1);
}
