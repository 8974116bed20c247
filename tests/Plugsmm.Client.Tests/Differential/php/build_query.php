<?php
// Reads field sets, one JSON line each (the tagged form written by TaggedFieldSet), from stdin and writes,
// for each, one line: base64 of http_build_query($fields) with PHP's defaults.
// Tags: s string, i integer (a PHP int when it fits, else its digits), d double (16 hex digits, big-endian
// IEEE 754 bits), m decimal text, b bool, n null, l list, o map as [[key, value], ...].
declare(strict_types=1);
ini_set('display_errors', 'stderr');
error_reporting(E_ALL);

if (ini_get('precision') !== '14') {
    fwrite(STDERR, "precision is " . ini_get('precision') . ", expected PHP's default 14\n");
    exit(2);
}

require __DIR__ . '/tagged_fields.php';

while (($line = fgets(STDIN)) !== false) {
    $line = rtrim($line, "\n");
    if ($line === '') continue;
    $fields = decode_map(json_decode($line, true, 512, JSON_THROW_ON_ERROR));
    echo base64_encode(http_build_query($fields)), "\n";
}
