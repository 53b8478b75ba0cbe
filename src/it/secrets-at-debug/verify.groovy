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
