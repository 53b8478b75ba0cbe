import groovy.json.JsonSlurper
import java.time.Instant

def key = 'AKIDITREACTORRENEW' + itPass
def log = new File(basedir, 'build.log').text
def id = (log =~ /Started session ([0-9a-z]{16})/)[0][1]
def kept = log.indexOf("Session ${id} is shared with every module of the reactor (exportToReactor)")
assert kept > 0 && kept < log.indexOf('MODULE-TEST-STARTS') : "the root's terminate-session ran before the module's test"
def atStart = new File(basedir, 'module/target/token-at-start.txt').text
def at30s = new File(basedir, 'module/target/token-at-30s.txt').text
def readAt = Instant.parse(new File(basedir, 'module/target/token-read-at.txt').text.trim())
def issued = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/tokens"))
def later = issued.find { it.token == at30s }
assert later : 'the token read 30 s on was issued by the emulator'
assert at30s != atStart : "the token was renewed after the root's terminate-session"
assert Instant.parse(later.expiresAt).isAfter(readAt) : 'the token the module read 30 s on was unexpired'
def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == key }
def terminated = calls.find { it.operation == 'TerminateSession' }.atMillis
assert calls.count { it.operation == 'TerminateSession' } == 1
assert !calls.any { it.operation == 'GetSessionEndpoint' && it.atMillis > terminated } : 'renewal stops once the session ended'
assert !log.contains(atStart) && !log.contains(at30s) : 'tokens never reach the log'
