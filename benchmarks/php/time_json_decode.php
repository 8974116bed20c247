<?php
// Times PHP's json_decode of the 10,000-service catalogue (benchmarks/data/services-10000.json), the same bytes the
// .NET catalogue benchmark parses: the reference for "GetServicesAsync <= 1.0x PHP's time".
//
//   php -n benchmarks/php/time_json_decode.php [FILE] [--rounds=N] [--warmup=N] [--json=OUT]
//
// The file is read once before any timing. A round is one json_decode, timed with hrtime(true); the result is ms,
// median and min over --rounds rounds after --warmup rounds, for objects (json_decode($s), what the panels'
// reference Api class does) and for arrays (json_decode($s, true)). --json writes the figures.
declare(strict_types=1);
ini_set('display_errors', 'stderr');
error_reporting(E_ALL);

$file = __DIR__ . '/../data/services-10000.json';
$rounds = 30;
$warmup = 3;
$json = null;
foreach (array_slice($argv, 1) as $arg) {
    if (preg_match('/^--(rounds|warmup)=(\d+)$/', $arg, $m)) {
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

$bytes = file_get_contents($file);
if ($bytes === false) {
    fwrite(STDERR, "cannot read $file\n");
    exit(1);
}

function time_decode(string $bytes, bool $assoc, int $rounds, int $warmup): array
{
    $times = [];
    $count = 0;
    for ($i = 0; $i < $warmup + $rounds; $i++) {
        $start = hrtime(true);
        $services = json_decode($bytes, $assoc, 512, JSON_THROW_ON_ERROR);
        $elapsed = hrtime(true) - $start;
        $count = count($services);
        unset($services);
        if ($i >= $warmup) {
            $times[] = $elapsed;
        }
    }
    sort($times);
    $n = count($times);
    $median = $n % 2 ? $times[intdiv($n, 2)] : ($times[$n / 2 - 1] + $times[$n / 2]) / 2;
    return ['services' => $count, 'ms_median' => $median / 1e6, 'ms_min' => $times[0] / 1e6];
}

$objects = time_decode($bytes, false, $rounds, $warmup);
$arrays = time_decode($bytes, true, $rounds, $warmup);
$result = [
    'php' => PHP_VERSION,
    'file' => $file,
    'bytes' => strlen($bytes),
    'sha256' => hash('sha256', $bytes),
    'rounds' => $rounds,
    'objects' => $objects,
    'arrays' => $arrays,
];
printf("PHP %s json_decode of %d bytes (%d services), %d rounds:\n", PHP_VERSION, strlen($bytes), $objects['services'], $rounds);
printf("  objects: median %.3f ms, min %.3f ms\n", $objects['ms_median'], $objects['ms_min']);
printf("  arrays:  median %.3f ms, min %.3f ms\n", $arrays['ms_median'], $arrays['ms_min']);
if ($json !== null) {
    file_put_contents($json, json_encode($result, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES) . "\n");
}
