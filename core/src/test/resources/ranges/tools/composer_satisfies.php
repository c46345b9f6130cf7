<?php
// Answers, for each JSON line [constraints, version] on stdin, composer/semver's verdict on one line of stdout:
// "invalid" when VersionParser::parseConstraints throws, else Semver::satisfies(version, constraints) as
// "true" or "false". The first output line names the tool.
require '/usr/share/php/Composer/Semver/autoload.php';

use Composer\Semver\Semver;
use Composer\Semver\VersionParser;

$parser = new VersionParser();
$out = array('composer/semver');
while (($line = fgets(STDIN)) !== false) {
    list($constraints, $version) = json_decode($line, true);
    try {
        $parser->parseConstraints($constraints);
    } catch (\Exception $e) {
        $out[] = 'invalid';
        continue;
    }
    try {
        $out[] = Semver::satisfies($version, $constraints) ? 'true' : 'false';
    } catch (\Exception $e) {
        $out[] = 'invalid-version';
    }
}
echo implode("\n", $out), "\n";
