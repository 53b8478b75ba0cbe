import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// -X was on, the session was started with the temporary credentials, and our own debug lines are there.
assert log.contains('[DEBUG] Merged runtime configuration (secret-looking values masked)')
assert log =~ /\[INFO\] Session [0-9a-z]{16} is ready/
assert log.contains('"spark.hadoop.fs.s3a.secret.key":"****"')
// Nothing secret: not the secret key, not the session token, not the SDK signer's canonical request.
assert !log.contains('emulator-secret')
assert !log.contains('emulator-session-token')
assert !log.contains('AWS4 Canonical Request')
assert !log.contains('file-secret-value')

// The Spark Connect endpoint and the token file were exported; the token is only in that owner-only file.
def session = new JsonSlurper().parse(new File(basedir, 'target/emr-serverless/session.json'))
def tokenFile = new File(basedir, 'target/emr-serverless/session-token')
// What a test read while the session ran; terminate-session deleted the file itself.
def token = new File(basedir, 'target/token-seen-by-tests').text
assert token.startsWith('emulated-token-')
assert !tokenFile.exists()
assert log.contains("ENDPOINT=sc://${session.sessionId}.sessions.emr-serverless.eu-west-1.emulator.invalid:443")
assert log.contains("TOKEN-FILE=${tokenFile.path}")
assert session.endpoint == "sc://${session.sessionId}.sessions.emr-serverless.eu-west-1.emulator.invalid:443"
assert session.authTokenExpiresAt ==~ /\d{4}-\d\d-\d\dT.*Z/
assert !log.contains(token)
assert !new File(basedir, 'target/emr-serverless/session.json').text.contains(token)
// The emulator logs every request whole (headers, body): neither the secret key nor the Spark Connect token
// was ever sent, and this build's requests are there (signed with its session token, which belongs in them).
def emulatorLog = new File(emulatorRequestLog).text
assert emulatorLog.contains("REQUEST GET /applications/appready/sessions/${session.sessionId}/endpoint")
assert emulatorLog.contains('emulator-session-token')
assert !emulatorLog.contains('emulator-secret')
assert !emulatorLog.contains(token)

// terminate-session ran at -X too.
assert log.contains("[INFO] Session ${session.sessionId} is TERMINATED")
