import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('GetApplication failed for application appready: InternalServerException: Injected fault. EMR Serverless failed after every retry: try again later.')
assert log.count('[ERROR] Failed to execute goal') == 1
def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == ('AKIDITALLFAIL' + itPass) }
assert calls*.operation == ['GetApplication'] * 3
assert !new File(basedir, 'target/emr-serverless/session.json').exists()
