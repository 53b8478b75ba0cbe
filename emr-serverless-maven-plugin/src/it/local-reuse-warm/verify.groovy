import java.util.concurrent.TimeUnit

def log = new File(basedir, 'build.log').text
def registry = new File(itCache, 'local-servers')

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

// The second (idle timeout 1 minute) exits by itself.
def exited = ProcessHandle.of(secondPid).map { it.onExit() }.map { f -> try { f.get(100, TimeUnit.SECONDS); true } catch (e) { false } }.orElse(true)
assert exited : 'the warm server with a 1-minute idle timeout did not exit by itself'

// terminate-session in local mode ends the first by its ID; the look also removes the second's stale entry.
def userRepository = new File(System.getProperty('maven.repo.local', "${System.getProperty('user.home')}/.m2/repository")).toURI()
def settings = new File(basedir, 'nested-settings.xml')
settings.text = """<settings><profiles><profile><id>it-repo</id><activation><activeByDefault>true</activeByDefault></activation>
  <pluginRepositories><pluginRepository><id>local.central</id><url>${userRepository}</url></pluginRepository></pluginRepositories>
</profile></profiles></settings>"""
def terminate = new ProcessBuilder(new File(itMavenHome, 'bin/mvn').path, '-B', '-s', settings.path,
        "-Dmaven.repo.local=${localRepositoryPath}", 'emr-serverless:terminate-session', '-Demr-serverless.mode=local',
        "-Demr-serverless.sessionId=${first}")
        .directory(basedir).redirectErrorStream(true).redirectOutput(new File(basedir, 'terminate.log'))
terminate.environment().putAll([JAVA_HOME: itJavaHome, EMR_SERVERLESS_CACHE: itCache])
assert terminate.start().waitFor() == 0 : new File(basedir, 'terminate.log').text
def terminated = new File(basedir, 'terminate.log').text
assert terminated.contains("Stopped local server ${first} in ")
assert !ProcessHandle.of(firstPid).map { it.isAlive() }.orElse(false)
assert !firstEntry.exists() && !new File(registry, first).exists()
assert !secondEntry.exists() && !new File(registry, second).exists() : "the stale entry of ${second} was not cleaned up"
true
