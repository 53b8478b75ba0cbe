import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def run = 'leftover-run-' + itPass
// The leg's ci-job: the run, attempt 1 (the default), no job name, and the machine and workspace's hash.
def job = (log =~ /No live session of CI job (${run}-1-[0-9a-f]{8}) is left/)[0][1]
assert log.contains("[INFO] No live session of CI job ${job} is left on application appready.")
def leaked = new JsonSlurper().parse(new File(basedir, 'target/leaked/session.json')).sessionId
assert log =~ /1 live session\(s\) of CI job ${job} left on application appready: ${leaked} \((SUBMITTED|STARTING|STARTED|IDLE), started \d+s ago, it.emr-serverless:leftovers-check\)\. They cost money until they end/
// The failed build's safety net then ends the leftover.
assert log.contains("Terminated session ${leaked} because the build failed before terminate-session ran.")
