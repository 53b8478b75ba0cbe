import groovy.json.JsonSlurper
import java.util.concurrent.TimeUnit

def key = ('AKIDITSIGTERM' + itPass)
def calls = { new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == key } }
def out = new File(basedir, 'nested-build.log')
def process = evaluate(new File(itShared, 'nested-build.groovy')).start(binding, key)
try {
    def deadline = System.currentTimeMillis() + 90_000
    while (!calls().any { it.operation == 'GetSession' }) {
        assert process.alive : "the nested build ended early:\n${out.text}"
        assert System.currentTimeMillis() < deadline : "no GetSession within 90 s:\n${out.text}"
        sleep 200
    }
    process.destroy() // SIGTERM
    assert process.waitFor(60, TimeUnit.SECONDS) : "the nested build did not stop after SIGTERM"
} finally {
    process.destroyForcibly()
}

def log = out.text
assert log.contains("Maven home: ${new File(itMavenHome).canonicalPath}") : "the nested build ran on another Maven:\n${log}"
def id = (log =~ /Started session ([0-9a-z]{16})/)[0][1]
assert log.contains("Terminated session ${id} because the build was interrupted before terminate-session ran.")
def emulated = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/sessions")).find { it.sessionId == id }
assert emulated.state in ['TERMINATING', 'TERMINATED']
assert calls().count { it.operation == 'TerminateSession' } == 1
