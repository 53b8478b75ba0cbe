import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def session = new JsonSlurper().parse(new File(basedir, 'target/emr-serverless/session.json'))
def id = session.sessionId

// The tests saw the session, one failed, and terminate-session still ran before Failsafe's verify failed the build.
assert log.contains("TEST-SEES-SESSION=${id}")
assert log =~ /Tests run: 2, Failures: 1/
assert log.contains("[INFO] Terminating session ${id} (was ")
assert log.contains("[INFO] Session ${id} is TERMINATED")
assert log.indexOf("Terminating session ${id}") < log.indexOf('maven-failsafe-plugin:3.5.4:verify')
// The safety net had nothing left to do.
assert !log.contains('because the build failed')

def emulated = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/sessions")).find { it.sessionId == id }
assert emulated.state == 'TERMINATED'
// Default tags let a janitor find it.
assert emulated.tags.subMap(['created-by', 'maven-project']) ==
        ['created-by': 'emr-serverless-maven-plugin', 'maven-project': 'it.emr-serverless:lifecycle-failing-test']
assert emulated.tags['start-token'] == emulated.request.clientToken
