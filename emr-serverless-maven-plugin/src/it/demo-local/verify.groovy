import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def session = new JsonSlurper().parse(new File(basedir, 'target/emr-serverless/session.json'))
assert session.mode == 'local'
assert session.applicationId == 'local'
assert session.sessionId ==~ /local-[0-9a-z]{12}/
def id = session.sessionId
def port = (session.endpoint =~ /^sc:\/\/127\.0\.0\.1:(\d+)$/)[0][1] as int

// Started early (initialize), awaited before the integration tests, queried for real, then stopped.
assert log.indexOf("Started local Spark Connect server ${id}") < log.indexOf('(default-testCompile)')
assert log.contains("Awaiting local server ${id}")
assert log =~ /Local server ${id} is ready after \S+ \(Spark Connect on sc:\/\/127\.0\.0\.1:${port}, log /
// The test's SparkSession came from the extension, connected to the session the build handed over: no second server.
assert log.contains("[emr-serverless] Using session ${id}, handed over by the build (system properties)")
assert log.contains('Spark 4.2.0: sum(id) of range(1000) = 499500')
assert (log =~ /Started local Spark Connect server/).size() == 1
assert log =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0/
assert !log.contains('Failed to release session')
assert log.contains("Stopped local server ${id} in ")
assert !log.contains('AKID') && !log.contains('emr-serverless.amazonaws.com')

// Nothing of it is left: the token file is gone, the port is closed, no process carries the session's marker.
assert !new File(basedir, 'target/emr-serverless/session-token').exists()
evaluate(new File(itShared, 'local-server-gone.groovy'))(id, port)

def report = new JsonSlurper().parse(new File(basedir, 'target/emr-serverless/report.json'))
assert report.timeline*.state == ['SUBMITTED', 'STARTING', 'IDLE', 'TERMINATED']
assert report.outcome == 'TERMINATED'
assert report.configuration.mode == 'local'
assert report.timeToReadySeconds > 0
true
