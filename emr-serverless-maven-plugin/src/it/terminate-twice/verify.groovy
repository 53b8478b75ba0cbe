import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def id = new JsonSlurper().parse(new File(basedir, 'target/emr-serverless/session.json')).sessionId
assert log.contains("[INFO] Terminating session ${id} (was ")
assert log =~ /\[INFO\] Session ${id} is already (TERMINATING|TERMINATED); nothing to do\./
def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == ('AKIDITTWICE' + itPass) }
assert calls.count { it.operation == 'TerminateSession' } == 1
assert !log.contains('stays running')
