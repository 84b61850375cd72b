<?php
// php-memcached on a shared cluster, for PhpInteropTest.
//   php cluster.php write <servers> <keys-file>   stores "php:" . key . " ✓ ünïcödé" under each key
//   php cluster.php read  <servers> <keys-file>   prints "key<TAB>=value" per key, "key<TAB>!" on a miss
// <servers> is "host:port:weight,host:port:weight,...". Exit status 2 when a set fails.
if (!class_exists('Memcached')) {
    fwrite(STDERR, "the PHP extension memcached is not loaded (Debian package php-memcached)\n");
    exit(3);
}
[$script, $mode, $serverList, $keysFile] = $argv;
$servers = [];
foreach (explode(',', $serverList) as $spec) {
    [$host, $port, $weight] = explode(':', $spec);
    $servers[] = [$host, (int) $port, (int) $weight];
}
$m = new Memcached();
// libmemcached KETAMA_WEIGHTED: hashring's ketama compat=libmemcached-weighted.
$m->setOption(Memcached::OPT_LIBKETAMA_COMPATIBLE, true);
$m->addServers($servers);
$keys = file($keysFile, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES);
foreach ($keys as $key) {
    if ($mode === 'write') {
        if (!$m->set($key, "php:" . $key . " ✓ ünïcödé")) {
            fwrite(STDERR, "set $key failed: " . $m->getResultMessage() . "\n");
            exit(2);
        }
    } else {
        $value = $m->get($key);
        echo $key, "\t", ($value === false ? "!" : "=" . $value), "\n";
    }
}
