import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Starting application appstopped (STOPPED, auto-start disabled)')
assert log.contains('[INFO] Application appstopped is STARTED')

def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == ('AKIDITSTOPPED' + itPass) }

def operations = calls*.operation
assert operations.indexOf('StartApplication') >= 0
assert operations.indexOf('StartApplication') < operations.indexOf('StartSession')
assert operations.indexOf('StopApplication') > operations.indexOf('TerminateSession')
assert operations.count('StopApplication') == 1
assert log.contains('[INFO] Stopped application appstopped, which this build\'s start-session had started.')
def file = new JsonSlurper().parse(new File(basedir, 'target/emr-serverless/session.json'))
assert file.applicationStartedByPlugin == true
