import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] Failed to execute goal .*start-session .*: Session [0-9a-z]{16} is FAILED instead of ready: Session failed to start: the execution role could not be assumed \(emulated failure\)/

def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == ('AKIDITFAILED' + itPass) }

assert !calls*.operation.contains('TerminateSession')

// A complete report of the failure, a summary for the job page, and the way to the Spark UI in the log.
def id = (log =~ /Session ([0-9a-z]{16}) is FAILED instead of ready/)[0][1]
def report = new JsonSlurper().parse(new File(basedir, 'target/emr-serverless/report.json'))
assert report.sessionId == id && report.applicationId == 'appfailing'
assert report.state == 'FAILED' && report.outcome == 'FAILED'
assert report.stateDetails == 'Session failed to start: the execution role could not be assumed (emulated failure)'
assert report.releaseLabel == 'emr-7.13.0'
assert report.containsKey('timeToReadySeconds') && report.timeToReadySeconds == null
assert report.timeline*.state.first() == 'SUBMITTED' && report.timeline*.state.last() == 'FAILED'
assert report.configuration.executionRoleArn == 'arn:aws:iam::123456789012:role/it-session-role'
assert report.outcomeDetails.contains('is FAILED instead of ready')
def summary = new File(basedir, 'step-summary.md').text
assert summary.contains("**EMR Serverless session `${id}`: FAILED**")
assert summary.contains('> Session failed to start: the execution role could not be assumed (emulated failure)')
assert log.contains("mvn emr-serverless:dashboard -Demr-serverless.applicationId=appfailing -Demr-serverless.sessionId=${id}")
