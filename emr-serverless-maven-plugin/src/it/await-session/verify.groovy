import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def id = (log =~ /Started session ([0-9a-z]{16})/)[0][1]
def started = log.indexOf("Started session ${id}")
def unitTests = log.indexOf('UNIT-TESTS-RAN')
def awaiting = log.indexOf("Awaiting session ${id} (")
assert started >= 0 && started < unitTests && unitTests < awaiting : 'the session starts before the unit tests and is awaited after them'
// The session became ready while the unit tests ran: await-session found it ready, with nothing left to wait for.
assert log =~ /Awaiting session ${id} \((STARTED|IDLE), started \d+s ago\)/
assert log.contains("IT-ENDPOINT=sc://${id}.")
def file = new JsonSlurper().parse(new File(basedir, 'target/emr-serverless/session.json'))
assert file.sessionId == id && file.state in ['STARTED', 'IDLE'] && file.endpoint.startsWith("sc://${id}.")
assert log.contains("Terminating session ${id}")
assert !new File(basedir, 'target/emr-serverless/session-token').exists() : 'terminate-session deletes the token file'
def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == ('AKIDITAWAIT' + itPass) }
assert calls.count { it.operation == 'StartSession' } == 1
assert calls.count { it.operation == 'GetSessionEndpoint' } == 1
assert calls.count { it.operation == 'TerminateSession' } == 1
