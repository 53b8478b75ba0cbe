import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == ('AKIDITSTARTLOST' + itPass) }
// Three attempts with one clientToken: one session.
def starts = calls.findAll { it.operation == 'StartSession' }
assert starts.size() == 3
assert starts*.body.toSet().size() == 1
def sessions = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/sessions"))
        .findAll { it.startedBy == ('AKIDITSTARTLOST' + itPass) && it.tags?.'maven-project' == 'it.emr-serverless:faults-start-lost' }
assert sessions.size() == 1
def id = sessions[0].sessionId
assert sessions[0].state in ['TERMINATING', 'TERMINATED']
assert log.contains("[WARNING] Terminated session ${id}: StartSession created it, but its answer was lost.")
assert log.contains("StartSession failed for application appready: InternalServerException: Injected fault after the call took effect. EMR Serverless failed after every retry: try again later. Session ${id} was created although the answer was lost; found by its tags and terminated.")
