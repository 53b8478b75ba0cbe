import groovy.json.JsonSlurper
import java.time.Duration
import java.time.Instant

def log = new File(basedir, 'build.log').text
def ids = (log =~ /Started session ([0-9a-z]{16})/).collect { it[1] }
assert ids.size() == 2
assert log.contains('Project it.emr-serverless:cost-ceiling already has 2 live sessions on application appready, at or above <maxLiveSessions> (2); no session was started:')
ids.each { id -> assert log =~ /${id}  (STARTED|IDLE)  age \d+s  ci-run ceiling-run  expires-at 20\d\d-\S+Z/ }
assert log.contains('mvn emr-serverless:terminate-session -Demr-serverless.applicationId=appready -Demr-serverless.expired=true')
def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == ('AKIDITCEILING' + itPass) }
def starts = calls.findAll { it.operation == 'StartSession' }
assert starts.size() == 2 : 'the third build sent no StartSession'
starts.each { call ->
    def expiresAt = Instant.parse(new JsonSlurper().parseText(call.body).tags['expires-at'])
    def sent = Instant.ofEpochMilli(call.atMillis)
    assert Duration.between(sent, expiresAt).abs().minus(Duration.ofHours(2)).abs() < Duration.ofSeconds(5)
}
true
