<?php
// Answers V/C lines (see README.md) with composer/semver: normalize, then Comparator on normalised versions.
require '/usr/share/php/Composer/Semver/autoload.php';

use Composer\Semver\Comparator;
use Composer\Semver\VersionParser;

$parser = new VersionParser();
$normalize = function ($v) use ($parser) {
    try {
        return $parser->normalize($v);
    } catch (\UnexpectedValueException $e) {
        return null;
    }
};
while (($line = fgets(STDIN)) !== false) {
    $fields = explode("\t", rtrim($line, "\n"));
    if ($fields[0] === 'V') {
        echo $normalize($fields[1]) === null ? "invalid\n" : "valid\n";
        continue;
    }
    $a = $normalize($fields[1]);
    $b = $normalize($fields[2]);
    if ($a === null || $b === null) {
        echo "invalid\n";
    } elseif (Comparator::lessThan($a, $b)) {
        echo "-1\n";
    } elseif (Comparator::greaterThan($a, $b)) {
        echo "1\n";
    } elseif (Comparator::equalTo($a, $b)) {
        echo "0\n";
    } else {
        echo "none\n";
    }
}
