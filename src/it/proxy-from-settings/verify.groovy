import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log =~ /\[INFO\] Session [0-9a-z]{16} is ready/
def proxied = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/proxied"))
assert proxied.contains('Basic ' + 'itproxy:itproxypass'.bytes.encodeBase64().toString())
def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == 'AKIDITPROXY' }
assert calls*.operation.containsAll(['GetApplication', 'StartSession', 'GetSession', 'GetSessionEndpoint'])
