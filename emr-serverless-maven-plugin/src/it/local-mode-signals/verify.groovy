// A local server never outlives its build: not after SIGTERM while it starts (the safety net stops it), not
// after SIGKILL of Maven (no hook runs; the server sees its standard input close and exits).
def nested = evaluate(new File(itShared, 'nested-build.groovy'))
def marker = { String id -> "emr-serverless.localSession=${id}" }
def running = { String id -> ProcessHandle.allProcesses().anyMatch { it.info().commandLine().orElse('').contains(marker(id)) } }
def goneWithin = { String id, long millis ->
    def deadline = System.currentTimeMillis() + millis
    while (running(id) && System.currentTimeMillis() < deadline) {
        sleep 200
    }
    !running(id)
}
def started = { File out -> (out.exists() ? (out.text =~ /Started local Spark Connect server (local-[0-9a-z]{12})/) : null)?.with { it.find() ? it.group(1) : null } }

// 1. SIGTERM while the server starts.
def termLog = new File(basedir, 'sigterm-build.log')
nested.signalWhen(nested.start(binding, 'AKIDITLOCALSIG', termLog.name), termLog, 'local server start', false) {
    def id = started(termLog)
    id != null && running(id) && !termLog.text.contains('is ready after')
}
def termed = started(termLog)
assert goneWithin(termed, 15_000) : "the local server ${termed} outlived a build stopped by SIGTERM:\n${termLog.text}"
assert termLog.text.contains("Stopped local server ${termed} because the build was interrupted before terminate-session ran")

// 2. SIGKILL of Maven while the tests use the server.
def killLog = new File(basedir, 'sigkill-build.log')
nested.signalWhen(nested.start(binding, 'AKIDITLOCALSIG', killLog.name), killLog, 'ready local server', true) {
    killLog.exists() && killLog.text.contains('Spark Connect endpoint sc://127.0.0.1:')
}
def killed = started(killLog)
int port = (killLog.text =~ /Spark Connect endpoint sc:\/\/127\.0\.0\.1:(\d+)/)[0][1] as int
assert goneWithin(killed, 20_000) : "the local server ${killed} outlived a SIGKILLed build:\n${killLog.text}"
assert !killLog.text.contains('Stopped local server') : 'no hook runs after SIGKILL: the server left on its own'
// A dying JVM's command line can vanish from /proc while its threads still hold the socket: poll the port too.
def accepting = {
    try {
        new Socket('127.0.0.1', port).close()
        true
    } catch (ConnectException closed) {
        false
    }
}
def portDeadline = System.currentTimeMillis() + 10_000
while (accepting() && System.currentTimeMillis() < portDeadline) {
    sleep 200
}
assert !accepting() : "port ${port} still accepts connections 10 s after the server's process left"
println "local-mode-signals: port ${port} closed ${10_000 - (portDeadline - System.currentTimeMillis())} ms after the server's command line left /proc"
assert new File(basedir, 'target/emr-serverless/local-server.log').text.contains('[exit-with-parent] standard input closed')
true
