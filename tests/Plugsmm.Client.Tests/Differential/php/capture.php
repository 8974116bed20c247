<?php
// A stand-in panel for PHP's built-in server (php -S 127.0.0.1:PORT capture.php): records what PHP itself
// parsed from each request ($_POST, the method, the content type, the raw body) as one JSON line in the file
// named by CAPTURE_FILE, then answers the action with a success shape from the API docs.
// /redirect answers 302 to /stolen; a request reaching /stolen is recorded as stolen.
declare(strict_types=1);

$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$record = [
    'path' => $path,
    'method' => $_SERVER['REQUEST_METHOD'],
    'content_type' => $_SERVER['CONTENT_TYPE'] ?? '',
    'post' => $_POST,
    'raw' => file_get_contents('php://input'),
];
file_put_contents(getenv('CAPTURE_FILE'), json_encode($record, JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE | JSON_THROW_ON_ERROR) . "\n", FILE_APPEND | LOCK_EX);

if ($path === '/redirect') {
    header('Location: /stolen', true, 302);
    exit;
}

header('Content-Type: application/json');
$ids = fn(string $field) => array_map('intval', explode(',', $_POST[$field] ?? ''));
echo json_encode(match ($_POST['action'] ?? '') {
    'services' => [['service' => 1, 'name' => 'Followers', 'type' => 'Default', 'category' => 'First', 'rate' => '0.90', 'min' => '50', 'max' => '10000', 'refill' => true, 'cancel' => true]],
    'add' => ['order' => 23501],
    'status' => isset($_POST['orders'])
        ? array_combine($ids('orders'), array_map(fn($id) => ['charge' => '0.27819', 'start_count' => '3572', 'status' => 'Partial', 'remains' => '157', 'currency' => 'USD'], $ids('orders')))
        : ['charge' => '0.27819', 'start_count' => '3572', 'status' => 'Partial', 'remains' => '157', 'currency' => 'USD'],
    'refill' => isset($_POST['orders'])
        ? array_map(fn($id) => ['order' => $id, 'refill' => $id + 1000], $ids('orders'))
        : ['refill' => '1'],
    'refill_status' => isset($_POST['refills'])
        ? array_map(fn($id) => ['refill' => $id, 'status' => 'Completed'], $ids('refills'))
        : ['status' => 'Completed'],
    'cancel' => array_map(fn($id) => ['order' => $id, 'cancel' => 1], $ids('orders')),
    'balance' => ['balance' => '100.84292', 'currency' => 'USD'],
    default => ['error' => 'Incorrect request'],
});
