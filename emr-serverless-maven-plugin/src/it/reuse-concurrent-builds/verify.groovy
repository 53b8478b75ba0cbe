import groovy.json.JsonSlurper
import java.util.concurrent.TimeUnit

def key = 'AKIDITCONCURRENT' + itPass
def nested = evaluate(new File(itShared, 'nested-build.groovy'))
def builds = (1..3).collect { nested.start(binding, key, "build-${it}.log") }
try {
    builds.each { assert it.waitFor(120, TimeUnit.SECONDS) : 'a build did not finish within 120 s' }
} finally {
    builds.each { it.destroyForcibly() }
}
def logs = (1..3).collect { new File(basedir, "build-${it}.log").text }
logs.each { assert it.contains('BUILD SUCCESS') : it }
def ids = logs.collect { (it =~ /(?:Started reusable session|Reusing session) ([0-9a-z]{16})/)[0][1] }
assert ids.unique(false).size() == 1 : "one session for all three builds: ${ids}"
def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == key }
def sessions = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/sessions")).findAll { it.startedBy == key }
assert sessions.size() == 1 : "the emulator holds one session of this key: ${sessions}"
// Each build sent StartSession (they raced past the lookup) or found the session: none started a second one.
assert calls.count { it.operation == 'StartSession' } >= 1
