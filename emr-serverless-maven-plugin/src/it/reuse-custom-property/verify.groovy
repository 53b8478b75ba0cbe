import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def key = 'AKIDITREUSEPROP' + itPass
def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == key }

def id = (log =~ /Started reusable session ([0-9a-z]{16})/)[0][1]
// Build 1's terminate-session read the ID from my.session and still knew the session as reusable.
assert log.contains("Session ${id} is reusable (reuse=true) and stays running for the next build.")
// So build 2 reused it, and neither build terminated it.
assert log =~ /Reusing session ${id} \((STARTED|IDLE), started \d+s ago\)/
assert calls.count { it.operation == 'StartSession' } == 1
assert !calls.any { it.operation == 'TerminateSession' }
def emulated = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/sessions")).find { it.sessionId == id }
assert !(emulated.state in ['TERMINATING', 'TERMINATED'])
