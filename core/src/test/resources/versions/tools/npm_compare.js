// Differential oracle for Patchgap's npm version scheme: node-semver itself (npm's own copy by default;
// argv[2] may name another copy).
//
// Reads one JSON array [a, b] of two version strings per line on stdin. Writes a first line
// "semver <version>", then one line per pair: semver.valid(a) TAB semver.valid(b) TAB cmp, where an
// invalid string is written as "!" and cmp is semver.compare(a, b) (or "x" when either is invalid).
'use strict'
const path = require('path')
const fs = require('fs')

const semverDir = process.argv[2] || '/usr/lib/node_modules/npm/node_modules/semver'
const semver = require(semverDir)
const pkg = JSON.parse(fs.readFileSync(path.join(semverDir, 'package.json'), 'utf8'))

const out = ['semver ' + pkg.version]
for (const line of fs.readFileSync(0, 'utf8').split('\n')) {
  if (line.trim() === '') continue
  const [a, b] = JSON.parse(line)
  const va = semver.valid(a)
  const vb = semver.valid(b)
  const cmp = va === null || vb === null ? 'x' : String(semver.compare(a, b))
  out.push([va === null ? '!' : va, vb === null ? '!' : vb, cmp].join('\t'))
}
process.stdout.write(out.join('\n') + '\n')
