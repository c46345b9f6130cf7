// Answers, for each JSON line [range, version] on stdin, node-semver's verdict on one line of stdout:
// "invalid" when new Range(range) throws, else satisfies(version, range) as "true" or "false".
// The first output line is the node-semver version used. Usage: node npm_satisfies.js <semver package dir>
'use strict'
const semver = require(process.argv[2])
const readline = require('readline')
const out = [require(process.argv[2] + '/package.json').version]
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
rl.on('line', line => {
  const [range, version] = JSON.parse(line)
  let answer
  try {
    const r = new semver.Range(range)
    answer = String(r.test(version))
  } catch (e) {
    answer = 'invalid'
  }
  out.push(answer)
})
rl.on('close', () => process.stdout.write(out.join('\n') + '\n'))
