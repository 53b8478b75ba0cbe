import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Skipping: emr-serverless.skip=true')
assert !new File(basedir, 'target/emr-serverless/session.json').exists()

def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == ('AKIDITSKIP' + itPass) }

assert calls.isEmpty()
