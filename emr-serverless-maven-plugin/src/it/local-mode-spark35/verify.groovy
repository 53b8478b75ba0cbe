import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def session = new JsonSlurper().parse(new File(basedir, 'target/emr-serverless/session.json'))
def id = session.sessionId
assert session.mode == 'local'
assert session.sparkVersion == '3.5.7'
def port = (session.endpoint =~ /^sc:\/\/127\.0\.0\.1:(\d+)$/)[0][1] as int

// The Scala 2.12 server of 3.5.7 came through Maven's resolver into the build's local repository.
def repository = new File(localRepositoryPath, 'org/apache/spark')
assert new File(repository, 'spark-connect_2.12/3.5.7').isDirectory()
assert log.contains('Server Spark 3.5.7, a 3.5.7 protocol client: sum(id) of range(1000) = 499500')
assert log =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0/
assert log.contains("Stopped local server ${id} in ")
evaluate(new File(itShared, 'local-server-gone.groovy'))(id, port)
true
