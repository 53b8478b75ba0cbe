import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def a = new JsonSlurper().parse(new File(basedir, 'module-a/target/emr-serverless/session.json'))
def b = new JsonSlurper().parse(new File(basedir, 'module-b/target/emr-serverless/session.json'))
assert a.sessionId != b.sessionId
assert a.name == 'module-a' && b.name == 'module-b'
assert log.contains("MODULE-A-SESSION=${a.sessionId}")
assert log.contains("MODULE-B-SESSION=${b.sessionId}")
assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 2')
def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == ('AKIDITREACTOR' + itPass) }
assert calls.count { it.operation == 'StartSession' } == 2
