import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def id = (log =~ /Started local Spark Connect server (local-[0-9a-z]{12}) \(Spark 4\.2\.0, 128 MB heap, pid \d+\)/)[0][1]
// Other classifications are named once, and left out.
assert log.contains('[WARNING] Local mode applies only the spark-defaults classification; spark-hive-site does not apply to a local server and is left out.')
// Spark's own reason, from the server's log, in the failure.
def logFile = new File(basedir, 'target/emr-serverless/local-server.log')
assert log =~ /\[ERROR\] Failed to execute goal .*:start-session \(default\) on project local-mode-invalid-conf: The local Spark Connect server ${id} exited with code 1 before it was ready: \S*Exception: \[INVALID_DRIVER_MEMORY\] System memory \d+ must be at least 471859200\.+ Its log: \Q${logFile.canonicalPath}\E/
def report = new JsonSlurper().parse(new File(basedir, 'target/emr-serverless/report.json'))
assert report.state == 'FAILED' && report.outcome == 'FAILED'
assert report.stateDetails.contains('INVALID_DRIVER_MEMORY')
assert report.timeline*.state == ['SUBMITTED', 'STARTING', 'FAILED']
assert !ProcessHandle.allProcesses().anyMatch { it.info().commandLine().orElse('').contains("emr-serverless.localSession=${id}") }
true
