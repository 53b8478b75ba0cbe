import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def id = (log =~ /Started session ([0-9a-z]{16})/)[0][1]
assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 2')
assert log.contains("Session ${id} is shared with every module of the reactor (exportToReactor): it is terminated when the build ends, not now.")
def ended = log.indexOf("Terminated session ${id} because the build ended (it was shared with every module of the reactor).")
assert ended > 0
['module-a', 'module-b', 'module-c'].each { module ->
    def seen = log.indexOf("${module}-SEES=${id}")
    assert seen > 0 && seen < ended : "${module} used the session before it ended"
}
def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == ('AKIDITONESESSION' + itPass) }
assert calls.count { it.operation == 'StartSession' } == 1
assert calls.count { it.operation == 'TerminateSession' } == 1
def emulated = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/sessions")).find { it.sessionId == id }
assert emulated.state in ['TERMINATING', 'TERMINATED']
