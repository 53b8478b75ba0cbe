import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def session = new JsonSlurper().parse(new File(basedir, 'target/emr-serverless/session.json'))

assert session.applicationId == 'appready'
assert session.sessionId ==~ /[0-9a-z]{16}/
assert session.state in ['STARTED', 'IDLE']
assert session.name == 'it-start-session-export'
assert log.contains("[INFO] Started session ${session.sessionId} on application appready")
assert log.contains("[INFO] Session ${session.sessionId} is ready (")
// The later plugin saw the exported properties.
assert log.contains("LATER-STEP-SESSION=${session.sessionId}")
assert log.contains("LATER-STEP-ARN=arn:aws:emr-serverless:eu-west-1:123456789012:/applications/appready/sessions/${session.sessionId}")

def emulated = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/sessions")).find { it.sessionId == session.sessionId }
assert emulated.state in ['STARTED', 'IDLE']
assert emulated.request.idleTimeoutMinutes == 30
assert emulated.request.name == 'it-start-session-export'

// The build succeeded and has no terminate-session: the session stays, on purpose, and the log says so.
assert log.contains("[INFO] Session ${session.sessionId} stays running: the build succeeded. End it with emr-serverless:terminate-session; otherwise it ends after 30 idle minutes.")
