import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log =~ /\[emr-serverless\] Using session (local-[0-9a-z]{12}), started for this test run \(a local Spark Connect server, Spark 4\.2\.0, at sc:\/\/127\.0\.0\.1:\d+\)/
assert log.contains('sum(id) of range(1000) = 499500')
assert log =~ /Tests run: 2, Failures: 0, Errors: 0, Skipped: 0/
// @IsolatedSparkSession: a Spark Connect session of its own, on the same server (one server started).
def shared = (log =~ /Shared session: Spark Connect session (\S+)/)[0][1]
def isolated = (log =~ /Isolated class: Spark Connect session (\S+)/)[0][1]
assert shared != isolated
assert (log =~ /started for this test run/).size() == 1
def session = new JsonSlurper().parse(new File(basedir, 'target/emr-serverless-junit5/session.json'))
def id = session.sessionId
def port = (session.endpoint =~ /:(\d+)$/)[0][1] as int
assert log.contains("Stopped local server ${id} because the test run ended (a local server never outlives its test run)")
// Nothing left behind: no server process, nothing listening on its port, no token file.
evaluate(new File(itShared, 'local-server-gone.groovy'))(id, port)
assert !new File(basedir, 'target/emr-serverless-junit5/session-token').exists()
true
