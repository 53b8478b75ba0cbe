import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def id = new JsonSlurper().parse(new File(basedir, 'target/emr-serverless/session.json')).sessionId
assert log.contains('A later step of the build failed')
assert log.contains("[WARNING] Terminated session ${id} because the build failed before terminate-session ran.")
// Said before Maven's failure summary.
assert log.indexOf("Terminated session ${id}") < log.indexOf('[INFO] BUILD FAILURE')
def emulated = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/sessions")).find { it.sessionId == id }
assert emulated.state in ['TERMINATING', 'TERMINATED']
