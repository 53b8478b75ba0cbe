import groovy.json.JsonSlurper
import java.time.Instant

def key = 'AKIDITRENEWAL' + itPass
def atStart = new File(basedir, 'target/token-at-start.txt').text
def at40s = new File(basedir, 'target/token-at-40s.txt').text
def readAt = Instant.parse(new File(basedir, 'target/token-read-at.txt').text.trim())
def issued = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/tokens"))
def first = issued.find { it.token == atStart }
def later = issued.find { it.token == at40s }
assert first && later : 'both tokens were issued by the emulator'
assert at40s != atStart : 'the token was renewed'
assert Instant.parse(first.expiresAt).isBefore(readAt) : 'the first token had expired when the step read the file'
assert Instant.parse(later.expiresAt).isAfter(readAt) : 'the token read 40 s on was unexpired'
// Renewal stops at terminate-session: no GetSessionEndpoint after it.
def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == key }
def terminated = calls.find { it.operation == 'TerminateSession' }.atMillis
assert calls.count { it.operation == 'GetSessionEndpoint' } >= 3
assert !calls.any { it.operation == 'GetSessionEndpoint' && it.atMillis > terminated }
def log = new File(basedir, 'build.log').text
assert !log.contains(atStart) && !log.contains(at40s) : 'tokens never reach the log'
assert !log.contains('Could not renew')
