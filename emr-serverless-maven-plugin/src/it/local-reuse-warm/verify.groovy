import java.util.concurrent.TimeUnit

def log = new File(basedir, 'build.log').text
def cache = new File(basedir, 'target/warm-cache')
def registry = new File(cache, 'local-servers')

// Build 1 started a warm server; build 2 adopted it (same endpoint, ready at once); build 3 started another.
def started = (log =~ /Started local Spark Connect server (local-[0-9a-z]{12})/).collect { it[1] }
assert started.size() == 2 : "servers started: ${started}"
def (first, second) = started
def adopted = (log =~ /Adopting warm local server (local-[0-9a-z]{12}) \(Spark 4\.2\.0, started \S+ ago, last used \S+ ago, at (sc:\/\/127\.0\.0\.1:\d+)\)/)
assert adopted.size() == 1 && adopted[0][1] == first
assert log.contains("Local server ${first} stays warm after the build (reuse)")
assert log.contains("Local server ${second} stays warm after the build (reuse)")
assert log.contains("it exits after 1 idle minutes")
// The adopting build's hand-over: ready at once, under a second.
def readyPattern = java.util.regex.Pattern.compile("Local server ${first} is ready after (\\d+(?:\\.\\d+)?)(ms|s) ")
def readyLines = []
def matcher = readyPattern.matcher(log)
while (matcher.find()) {
    readyLines << (matcher.group(1) as double) / (matcher.group(2) == 'ms' ? 1000 : 1)
}
assert readyLines.size() == 2 && readyLines[1] < 1.0 : "ready after: ${readyLines}"
assert (log =~ /Local server local-[0-9a-z]{12} is warm \(reuse=true\) and stays running/).size() == 3
def firstEntry = new File(registry, "${first}.properties")
def secondEntry = new File(registry, "${second}.properties")
assert firstEntry.exists() && secondEntry.exists()
def pidOf = { File entry -> def p = new Properties(); entry.withReader { p.load(it) }; p.getProperty('pid') as long }
def firstPid = pidOf(firstEntry)
def secondPid = pidOf(secondEntry)
assert ProcessHandle.of(firstPid).isPresent() && ProcessHandle.of(secondPid).isPresent()

// A goal of the plugin in this project, as a user runs one from the command line.
def userRepository = new File(System.getProperty('maven.repo.local', "${System.getProperty('user.home')}/.m2/repository")).toURI()
def settings = new File(basedir, 'nested-settings.xml')
settings.text = """<settings><profiles><profile><id>it-repo</id><activation><activeByDefault>true</activeByDefault></activation>
  <pluginRepositories><pluginRepository><id>local.central</id><url>${userRepository}</url></pluginRepository></pluginRepositories>
</profile></profiles></settings>"""
def goal = { String logName, String... arguments ->
    def command = [new File(itMavenHome, 'bin/mvn').path, '-B', '-s', settings.path,
            "-Dmaven.repo.local=${localRepositoryPath}".toString(), '-Demr-serverless.mode=local'] + arguments.toList()
    def builder = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true)
            .redirectOutput(new File(basedir, logName))
    builder.environment().putAll([JAVA_HOME: itJavaHome, EMR_SERVERLESS_CACHE: cache.path, EMR_SERVERLESS_LOCAL_REUSE: 'true'])
    assert builder.start().waitFor() == 0 : new File(basedir, logName).text
    new File(basedir, logName).text
}

// list-sessions in local mode shows both warm servers.
def listed = goal('list.log', 'emr-serverless:list-sessions')
assert listed.contains('2 warm local server(s):')
assert listed =~ /${first}  sc:\/\/127\.0\.0\.1:\d+  Spark 4\.2\.0  key [0-9a-f]+  up \S+  idle \S+ \(exits after 30 idle minutes\)/
assert listed.contains("${second}  ") && listed.contains('(exits after 1 idle minutes)')

// The second (idle timeout 1 minute) exits by itself.
def exited = ProcessHandle.of(secondPid).map { it.onExit() }.map { f -> try { f.get(100, TimeUnit.SECONDS); true } catch (e) { false } }.orElse(true)
assert exited : 'the warm server with a 1-minute idle timeout did not exit by itself'

// terminate-session in local mode ends the first by its ID; the look also removes the second's stale entry.
def terminated = goal('terminate.log', 'emr-serverless:terminate-session', "-Demr-serverless.sessionId=${first}".toString())
assert terminated.contains("Stopped local server ${first} in ")
assert !ProcessHandle.of(firstPid).map { it.isAlive() }.orElse(false)
assert !firstEntry.exists() && !new File(registry, first).exists()
assert !secondEntry.exists() && !new File(registry, second).exists() : "the stale entry of ${second} was not cleaned up"
// One more build with reuse starts a third (the first has been ended); allWarmServers ends every warm server.
goal('build-4.log', 'verify', '-Demr-serverless.reuse=true', '-Demr-serverless.conf.spark-defaults.spark.it.pass=' + itPass)
def third = (new File(basedir, 'build-4.log').text =~ /Started local Spark Connect server (local-[0-9a-z]{12})/)[0][1]
def ended = goal('end-all.log', 'emr-serverless:terminate-session', '-Demr-serverless.allWarmServers=true')
assert ended.contains("Stopped warm local server ${third}.")
assert !registry.listFiles().any { it.name.endsWith('.properties') }
assert !ProcessHandle.allProcesses().anyMatch { p -> p.info().commandLine().orElse('').contains("emr-serverless.localSession=${third}") }
true
