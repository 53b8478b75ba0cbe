import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// First run: started; second run: the same session, reused.
def started = (log =~ /\[emr-serverless\] Using session (\w+), started for this test run on EMR Serverless \(application appsparkconnect, Spark 4\.0\.2\)/)
assert started.size() == 1
def id = started[0][1]
assert log.contains("[emr-serverless] Using session ${id}, reused (a warm session of the same configuration) on EMR Serverless")
assert (log =~ /On EMR Serverless: sum\(id\) of range\(1000\) = 499500/).size() == 2
assert (log =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0/).size() >= 2

// On the wire: one StartSession for both runs, from this IT's key only.
def key = 'AKIDITJUNITAWS' + itPass
def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == key }
assert calls.count { it.operation == 'StartSession' } == 1
assert calls.count { it.operation == 'GetSessionEndpoint' } >= 2
// Reusable: it stays for the next run (and ends after its idle timeout); its token never reaches the log.
assert !calls.any { it.operation == 'TerminateSession' }
def session = new JsonSlurper().parse(new File(basedir, 'target/emr-serverless-junit5/session.json'))
assert session.sessionId == id && session.reusable == true
assert !log.contains('emulated-token-')
true
