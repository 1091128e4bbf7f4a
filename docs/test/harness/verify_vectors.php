<?php
// Runs the PHP webhook verification sample against the shared vectors.
// usage: php verify_vectors.php SAMPLE.php VECTORS.json
require $argv[1];
$vectors = json_decode(file_get_contents($argv[2]), true, 512, JSON_THROW_ON_ERROR);
$passed = $failed = 0;
foreach ($vectors['verification'] as $v) {
    $expect = $v['expect'];
    try {
        $event = vinsnap_verify($v['body'], $v['headers'], $v['secret'], $v['now']);
        $ok = $expect['valid'] && $event['type'] === $expect['event_type'];
        $got = 'valid ' . $event['type'];
    } catch (WebhookVerificationError $e) {
        $ok = !$expect['valid'] && $e->kind === $expect['error'];
        $got = 'error ' . $e->kind;
    }
    if ($ok) {
        $passed++;
    } else {
        $failed++;
        echo "FAIL {$v['name']}: expected " . json_encode($expect) . ", got $got\n";
    }
}
echo "$passed passed, $failed failed\n";
exit($failed || !$passed ? 1 : 0);
