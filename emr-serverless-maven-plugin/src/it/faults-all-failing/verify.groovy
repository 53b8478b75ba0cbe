import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('GetApplication failed for application appready: InternalServerException: Injected fault. EMR Serverless failed after every retry: try again later.')
assert log.count('[ERROR] Failed to execute goal') == 1
def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == ('AKIDITALLFAIL' + itPass) }
// Three tries of GetApplication; the live-session look-up runs beside it (and stops once the check has failed).
assert calls.findAll { it.operation == 'GetApplication' }.size() == 3
assert calls*.operation.every { it in ['GetApplication', 'ListSessions'] }
assert !new File(basedir, 'target/emr-serverless/session.json').exists()
