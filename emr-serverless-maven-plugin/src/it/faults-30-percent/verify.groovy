import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.count('[INFO] BUILD SUCCESS') == 12
def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == ('AKIDITFAULTS' + itPass) }
def faulted = calls.findAll { it.status != 200 }
println "faults-30-percent: ${calls.size()} requests, ${faulted.size()} faulted: " + faulted.countBy { it.errorType }
assert faulted.size() >= calls.size() * 0.2
assert faulted*.errorType.toSet().containsAll(['InternalServerException', 'ThrottlingException', 'DroppedConnection', 'SlowResponse'])
// Exactly one session per build, every one of them ended.
def sessions = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/sessions"))
        .findAll { it.startedBy == ('AKIDITFAULTS' + itPass) && it.tags?.'maven-project' == 'it.emr-serverless:faults-30-percent' }
assert sessions.size() == 12
assert sessions.every { it.state == 'TERMINATED' }
