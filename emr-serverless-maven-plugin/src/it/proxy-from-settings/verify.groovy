import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log =~ /\[INFO\] Session [0-9a-z]{16} is ready/
// The endpoint is loopback: nothing went through the proxy (the emulator would have recorded it).
def proxied = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/proxied"))
assert proxied.isEmpty()
def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == ('AKIDITPROXY' + itPass) }
assert calls*.operation.containsAll(['GetApplication', 'StartSession', 'GetSession', 'GetSessionEndpoint'])
