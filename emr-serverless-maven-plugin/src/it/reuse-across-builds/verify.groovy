import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def key = 'AKIDITREUSE' + itPass
def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == key }
def starts = calls.findAll { it.operation == 'StartSession' }

// Build 1 starts a session; terminate-session leaves it for the next build.
def first = (log =~ /Started reusable session ([0-9a-z]{16})/)[0][1]
assert log.contains("Session ${first} is reusable (reuse=true) and stays running for the next build.")
// Build 2 reuses it without a StartSession.
assert log =~ /Reusing session ${first} \((STARTED|IDLE), started \d+s ago\)/
// Build 3 has another configuration: another key, another session.
def all = (log =~ /Started reusable session ([0-9a-z]{16})/).collect { it[1] }
assert all.size() == 3 : "three sessions started: ${all}"
def third = all[1]
assert third != first
// Build 4, the janitor, ends both; build 5 finds the first key's session ended and starts the next generation.
assert log =~ /Terminated 2 of \d+ live sessions on application appready matching tags \{team=reuse-it\}/
assert log.contains("Reusable session ${first} has ended (TERMINAT")
def fifth = all[2]
assert ![first, third].contains(fifth)
def bodies = starts.findAll { it.status == 200 }.collect { new JsonSlurper().parseText(it.body) }
def tokens = bodies.collect { it.clientToken }
assert tokens.size() == 4 : "StartSession sent by builds 1, 3 and 5 (twice: the ended generation, then the next): ${tokens}"
assert tokens[0] ==~ /reuse-[0-9a-f]{32}-\d+-0/ && tokens[2] == tokens[0] && tokens[3] == tokens[0].replaceAll(/-0$/, '-1')
assert bodies[1].tags['reuse-key'] != bodies[0].tags['reuse-key']
assert bodies.every { it.tags['team'] == 'reuse-it' && !it.tags.containsKey('ci-run') }
assert !calls.any { it.operation == 'TerminateSession' && calls.indexOf(it) < calls.indexOf(starts[1]) } : 'builds 1 and 2 terminate nothing'
