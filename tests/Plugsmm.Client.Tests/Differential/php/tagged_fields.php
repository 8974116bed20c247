<?php
// Decodes the tagged JSON of a field set (written by TaggedFieldSet.cs) into the PHP array it stands for.
// Tags: s string, i integer (a PHP int when it fits, else its digits), d double (16 hex digits, big-endian
// IEEE 754 bits), m decimal text, b bool, n null, l list, o map as [[key, value], ...].
// Shared by build_query.php (the differential tests) and benchmarks/php/time_http_build_query.php.
declare(strict_types=1);

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
