import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def session = new JsonSlurper().parse(new File(basedir, 'target/emr-serverless/session.json'))
def id = session.sessionId
assert session.endpoint ==~ /sc:\/\/localhost:\d+/
assert log.contains("[emr-serverless] Using session ${id}, handed over by the build (system properties)")
assert log =~ /\d+ more queries, \d+ s in all, every one answered/
assert log =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0/

// What the endpoint's door saw of this session: <millis> <method> <session> <token digest> <verdict>.
def calls = new File(emulatorSparkCalls).readLines()*.split(' ').findAll { it[2] == id }
def methods = calls.collect { it[1].substring(it[1].lastIndexOf('/') + 1) }
assert calls.every { it[4] == 'ACCEPTED' }
assert methods.contains('ExecutePlan')
assert methods.count('ReattachExecute') >= 2 : "the long query's stream was reattached: ${methods.countBy { it }}"
assert methods.contains('ReleaseExecute')
// Several tokens, each used while it was valid, by one SparkSession over more than a minute.
def tokens = calls.collect { it[3] } as Set
assert tokens.size() >= 3 : "tokens used: ${tokens.size()}"
def span = (calls.last()[0] as long) - (calls.first()[0] as long)
assert span >= 60_000 : "calls spanned ${span} ms"
// The long query's reattachments ran on more than one token: the token changed under a running query.
def reattachTokens = calls.findAll { it[1].endsWith('ReattachExecute') }.collect { it[3] } as Set
assert reattachTokens.size() >= 2 : "reattachments used ${reattachTokens.size()} token(s)"
// Nothing was refused, in this pass or an earlier one: no call came with an expired or unknown token.
assert !new File(emulatorSparkCalls).readLines().any { it.contains('REJECTED') }
// The tokens themselves never reach the build's log.
def issued = new File(new File(emulatorSparkCalls).parentFile, 'issued-tokens').readLines()*.split(' ').findAll { it[2] == id }
assert issued.size() >= 3 && !issued.any { log.contains(it[0]) }
true
