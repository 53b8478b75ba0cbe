import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def ids = (log =~ /Started session ([0-9a-z]{16})/).collect { it[1] }
assert ids.size() == 3
def (expired, current, unmarked) = ids
assert log =~ /${expired}\s.*2026-01-01T00:00:00Z EXPIRED\s/
assert log.contains("[INFO] Terminated 1 expired session(s) on application appready matching tags {team=janitor-it}: [${expired}]. Left ")
assert log =~ /Left \d+ live: 1 not expired yet, 1 without an expires-at tag, \d+ not matching the tags\./
def sessions = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/sessions"))
assert sessions.find { it.sessionId == expired }.state in ['TERMINATING', 'TERMINATED']
[current, unmarked].each { id -> assert sessions.find { it.sessionId == id }.state in ['STARTED', 'IDLE'] }
def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == ('AKIDITJANITOR' + itPass) }
assert calls.count { it.operation == 'TerminateSession' } == 1
