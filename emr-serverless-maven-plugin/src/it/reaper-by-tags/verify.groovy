import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def tagged = (log =~ /TAGGED=([0-9a-z,]+)/)[0][1].split(',') as List
def untagged = (log =~ /UNTAGGED=([0-9a-z]+)/)[0][1]
assert tagged.size() == 3
assert log.contains('[INFO] Terminated 3 of 4 live sessions on application appreaper matching tags {maven-project=it.emr-serverless:reaper-by-tags}')
def sessions = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/sessions"))
tagged.each { id -> assert sessions.find { it.sessionId == id }.state == 'TERMINATED' }
assert sessions.find { it.sessionId == untagged }.state in ['SUBMITTED', 'STARTING', 'STARTED', 'IDLE']
// Four sessions at two a page: the reaper (after the last start-session) followed nextToken.
def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == ('AKIDITREAPER' + itPass) }
def reaper = calls.drop(calls.findLastIndexOf { it.operation == 'StartSession' } + 1)
assert reaper.count { it.operation == 'ListSessions' } == 2
