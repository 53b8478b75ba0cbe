import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == ('AKIDITSERVERID' + itPass) }
assert calls*.operation.containsAll(['GetApplication', 'StartSession', 'GetSession'])
assert calls.every { it.status == 200 }
assert !log.contains('emulator-secret')
