def log = new File(basedir, 'build.log').text
def id = (log =~ /Started local Spark Connect server (local-[0-9a-z]{12})/)[0][1]
assert log.contains('REFUSED no token: UNAUTHENTICATED')
assert log.contains('REFUSED wrong x-aws-proxy-auth: UNAUTHENTICATED')
assert log.contains('REFUSED wrong bearer: UNAUTHENTICATED')
assert log.contains('QUERY x-aws-proxy-auth: sum(id) of range(1000) = 499500')
assert log.contains('QUERY authorization Bearer: sum(id) of range(1000) = 499500')
assert log.contains('COMMAND LINE clean')
assert log =~ /Tests run: 5, Failures: 0, Errors: 0, Skipped: 0/
// At -X the JVM options are logged masked, and the token never.
assert log.contains('Local server command: ')
assert log.contains('-Dit.trust.password=****')
// Maven itself prints -D values at -X (its system properties and Failsafe's fork settings), and the invoker of the
// Maven 4 pass its command line; no other line has it.
def mavenOwn = ~/^(\[DEBUG\] (emr-serverless\.conf\.|env\.MAVEN_CMD_LINE_ARGS|sun\.java\.command|Setting system property)|Command line: )/
def leaks = log.readLines().findAll { it.contains('hunter2-local-auth') && !(it =~ mavenOwn) }
assert leaks.isEmpty() : leaks
def token = new File(basedir, 'target/token-seen.txt').text.trim()
assert token.length() >= 40 && !log.contains(token)
// The token file is gone with the server, and so are the owner-only files that carried the token and options.
assert !new File(basedir, 'target/emr-serverless/session-token').exists()
def leftovers = new File(basedir, 'target/emr-serverless').listFiles().collect { it.name }
assert !leftovers.any { it.endsWith('.properties') || it.endsWith('.args') } : leftovers
assert log.contains("Stopped local server ${id} in ")
true
