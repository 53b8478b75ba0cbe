import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def root = new JsonSlurper().parse(new File(basedir, 'target/emr-serverless/session.json'))
assert log.contains("MODULE-SEES=${root.sessionId}")
assert !new File(basedir, 'module/target/emr-serverless/session.json').exists()
