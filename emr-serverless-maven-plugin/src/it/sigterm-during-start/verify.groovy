import groovy.json.JsonSlurper

def key = ('AKIDITSIGSTART' + itPass)
def calls = { new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == key } }
def out = new File(basedir, 'nested-build.log')
def nested = evaluate(new File(itShared, 'nested-build.groovy'))
// Signalled once the emulator has created the session and holds its answer back.
long signalled = nested.terminateWhen(nested.start(binding, key), basedir, 'held-back StartSession') {
    calls().any { it.operation == 'StartSession' && it.errorType == 'DelayedAnswer' }
}

def log = out.text
assert log.contains("Maven home: ${new File(itMavenHome).canonicalPath}") : "the nested build ran on another Maven:\n${log}"
def sessions = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/sessions")).findAll { it.startedBy == key }
assert sessions.size() == 1
def id = sessions[0].sessionId
assert !log.contains("Started session ${id}") : 'the answer was not supposed to arrive'
assert log.contains("Terminated session ${id} (found by its tag start-token=")
assert sessions[0].state in ['TERMINATING', 'TERMINATED']
def terminate = calls().find { it.operation == 'TerminateSession' }
assert terminate != null
// Within a CI runner's grace period: GitHub Actions gives 7.5 s after SIGINT and 2.5 s after SIGTERM.
assert terminate.atMillis - signalled <= 3000 : "TerminateSession came ${terminate.atMillis - signalled} ms after SIGTERM"
