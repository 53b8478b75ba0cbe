import groovy.json.JsonSlurper
import java.util.concurrent.TimeUnit

def key = ('AKIDITSIGSTART' + itPass)
def calls = { new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == key } }
def out = new File(basedir, 'nested-build.log')
def process = evaluate(new File(itShared, 'nested-build.groovy')).start(binding, key)
long signalled = 0
try {
    def deadline = System.currentTimeMillis() + 90_000
    // The emulator has created the session and holds its answer back.
    while (!calls().any { it.operation == 'StartSession' && it.errorType == 'DelayedAnswer' }) {
        assert process.alive : "the nested build ended early:\n${out.text}"
        assert System.currentTimeMillis() < deadline : "no StartSession within 90 s:\n${out.text}"
        sleep 100
    }
    sleep 300
    signalled = System.currentTimeMillis()
    process.destroy() // SIGTERM
    assert process.waitFor(60, TimeUnit.SECONDS) : "the nested build did not stop after SIGTERM"
} finally {
    process.destroyForcibly()
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
