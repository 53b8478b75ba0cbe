import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] Failed to execute goal .*start-session .*: Session [0-9a-z]{16} is FAILED instead of ready: Session failed to start: the execution role could not be assumed \(emulated failure\)/

def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == ('AKIDITFAILED' + itPass) }

assert !calls*.operation.contains('TerminateSession')
