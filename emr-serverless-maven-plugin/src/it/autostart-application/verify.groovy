import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Application appautostart is STOPPED; it starts automatically with the session.')

def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == ('AKIDITAUTOSTART' + itPass) }

assert !calls*.operation.contains('StartApplication')
assert calls*.operation.contains('StartSession')
def session = new JsonSlurper().parse(new File(basedir, 'target/emr-serverless/session.json'))
assert session.state in ['STARTED', 'IDLE']
