import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def id = new JsonSlurper().parse(new File(basedir, 'target/emr-serverless/session.json')).sessionId
assert !log.contains("Terminated session ${id}")
def emulated = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/sessions")).find { it.sessionId == id }
assert emulated.state in ['STARTED', 'IDLE']
