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

function decode_value(array $t): mixed
{
    if (array_key_exists('s', $t)) return $t['s'];
    if (array_key_exists('m', $t)) return $t['m'];
    if (array_key_exists('b', $t)) return $t['b'];
    if (array_key_exists('n', $t)) return null;
    if (array_key_exists('i', $t)) {
        $i = filter_var($t['i'], FILTER_VALIDATE_INT);
        return $i === false ? $t['i'] : $i;
    }
    if (array_key_exists('d', $t)) return unpack('E', hex2bin($t['d']))[1];
    if (array_key_exists('l', $t)) return array_map('decode_value', $t['l']);
    if (array_key_exists('o', $t)) return decode_map($t['o']);
    throw new RuntimeException('unknown tag: ' . json_encode($t));
}

function decode_map(array $pairs): array
{
    $result = [];
    foreach ($pairs as [$key, $value]) {
        $result[$key] = decode_value($value);
    }
    return $result;
}

while (($line = fgets(STDIN)) !== false) {
    $line = rtrim($line, "\n");
    if ($line === '') continue;
    $fields = decode_map(json_decode($line, true, 512, JSON_THROW_ON_ERROR));
    echo base64_encode(http_build_query($fields)), "\n";
}
