import groovy.json.JsonSlurper

def key = ('AKIDITSIGTERM' + itPass)
def calls = { new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == key } }
def out = new File(basedir, 'nested-build.log')
def nested = evaluate(new File(itShared, 'nested-build.groovy'))
nested.terminateWhen(nested.start(binding, key), basedir, 'GetSession') { calls().any { it.operation == 'GetSession' } }

def log = out.text
assert log.contains("Maven home: ${new File(itMavenHome).canonicalPath}") : "the nested build ran on another Maven:\n${log}"
def id = (log =~ /Started session ([0-9a-z]{16})/)[0][1]
assert log.contains("Terminated session ${id} because the build was interrupted before terminate-session ran.")
def emulated = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/sessions")).find { it.sessionId == id }
assert emulated.state in ['TERMINATING', 'TERMINATED']
assert calls().count { it.operation == 'TerminateSession' } == 1
