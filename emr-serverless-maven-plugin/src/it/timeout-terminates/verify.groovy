import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def session = new JsonSlurper().parse(new File(basedir, 'target/emr-serverless/session.json'))
assert log.contains("[WARNING] Terminated session ${session.sessionId} because it could not be handed over.")
assert log.contains("Session ${session.sessionId} was not ready within 5s (last state STARTING: Session is STARTING). The session was terminated. Raise <waitTimeout> if sessions need longer.")
def emulated = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/sessions")).find { it.sessionId == session.sessionId }
assert emulated.state in ['TERMINATING', 'TERMINATED']

def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == ('AKIDITTIMEOUT' + itPass) }

assert calls.findAll { it.operation == 'TerminateSession' }.size() == 1
