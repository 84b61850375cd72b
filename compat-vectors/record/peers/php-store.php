<?php
// php-store: store keys through the real php-memcached (libmemcached), configured step by step.
//
// Usage: php php-store.php STEPS_JSON   (keys on stdin, one per line; results on stdout)
//
// STEPS_JSON is a list of steps run in order, so the order of setOption and addServer(s) can be
// reproduced exactly:
//   ["option", "OPT_DISTRIBUTION", "DISTRIBUTION_CONSISTENT"]   setOption with class constants
//   ["option", "OPT_LIBKETAMA_COMPATIBLE", true]                 (a constant name or a literal)
//   ["server", host, port, weight]                               addServer
//   ["servers", [[host, port, weight], ...]]                     addServers
// Output: one "# step ... -> result" line per step, one "# state ..." line with getOption of the
// distribution, hash and OPT_LIBKETAMA_COMPATIBLE afterwards, then one line per key: "STORED" or
// "REFUSED <getResultMessage()>". The value stored for the key on input line N (from 0) is "id:N".

function constant_or_literal($value) {
    if (is_string($value) && defined("Memcached::" . $value)) {
        return constant("Memcached::" . $value);
    }
    return $value;
}

$steps = json_decode($argv[1], true);
if (!is_array($steps)) {
    fwrite(STDERR, "php-store: expected a JSON list of steps\n");
    exit(2);
}
$m = new Memcached();
foreach ($steps as $step) {
    switch ($step[0]) {
        case "option":
            $result = @$m->setOption(constant("Memcached::" . $step[1]), constant_or_literal($step[2]));
            break;
        case "server":
            $result = $m->addServer($step[1], $step[2], $step[3]);
            break;
        case "servers":
            $result = $m->addServers($step[1]);
            break;
        default:
            fwrite(STDERR, "php-store: unknown step " . json_encode($step) . "\n");
            exit(2);
    }
    echo "# step ", json_encode($step, JSON_UNESCAPED_SLASHES), " -> ", var_export($result, true), "\n";
}
echo "# state OPT_DISTRIBUTION=", var_export($m->getOption(Memcached::OPT_DISTRIBUTION), true),
    " OPT_HASH=", var_export($m->getOption(Memcached::OPT_HASH), true),
    " OPT_LIBKETAMA_COMPATIBLE=", var_export($m->getOption(Memcached::OPT_LIBKETAMA_COMPATIBLE), true),
    " servers=", count($m->getServerList()), "\n";

$id = 0;
while (($line = fgets(STDIN)) !== false) {
    $key = rtrim($line, "\r\n");
    if (@$m->set($key, "id:" . $id)) {
        echo "STORED\n";
    } else {
        echo "REFUSED ", $m->getResultMessage(), "\n";
    }
    $id++;
}
