import java.util.concurrent.TimeUnit

// Two builds with reuse in local mode and the same configuration, started at the same moment: one starts a warm
// server, the other waits for the key's lock, then adopts that server while it is still starting and awaits it.
def cache = new File(basedir, 'target/warm-cache')
def environment = [EMR_SERVERLESS_CACHE: cache.path, EMR_SERVERLESS_LOCAL_REUSE: 'true']
def arguments = ['-Demr-serverless.mode=local', '-Demr-serverless.reuse=true',
        "-Demr-serverless.conf.spark-defaults.spark.it.pass=${itPass}".toString()]
def pids = []
def nested = evaluate(new File(itShared, 'nested-build.groovy'))
def builds = (1..2).collect { nested.start(binding, 'AKIDITLOCALCONCURRENT' + itPass, "build-${it}.log", arguments, environment) }
try {
    try {
        builds.each { assert it.waitFor(180, TimeUnit.SECONDS) : 'a build did not finish within 180 s' }
    } finally {
        builds.each { it.destroyForcibly() }
    }
    def logs = (1..2).collect { new File(basedir, "build-${it}.log").text }
    logs.each { assert it.contains('BUILD SUCCESS') : it }
    def started = logs.collectMany { log -> (log =~ /Started local Spark Connect server (local-[0-9a-z]{12})/).collect { it[1] } }
    assert started.size() == 1 : "one server for both builds, started: ${started}"
    def adopted = logs.collectMany { log -> (log =~ /Adopting warm local server (local-[0-9a-z]{12}) /).collect { it[1] } }
    assert adopted == started : "the other build adopted ${adopted}"
    // Both builds waited for the same server to be ready and handed it over.
    logs.each { assert it =~ /Local server ${started[0]} is ready after / : it }
    def entries = new File(cache, 'local-servers').listFiles().findAll { it.name.endsWith('.properties') }
    assert entries*.name == ["${started[0]}.properties".toString()]
    entries.each { entry -> def p = new Properties(); entry.withReader { p.load(it) }; pids << (p.getProperty('pid') as long) }
    assert pids.every { ProcessHandle.of(it).map { h -> h.isAlive() }.orElse(false) } : 'the warm server is running'
} finally {
    // Nothing left running: every warm server of this cache ends.
    def command = [new File(itMavenHome, 'bin/mvn').path, '-B', '-s', new File(basedir, 'nested-settings.xml').path,
            "-Dmaven.repo.local=${localRepositoryPath}".toString(), '-Demr-serverless.mode=local',
            'emr-serverless:terminate-session', '-Demr-serverless.allWarmServers=true']
    def end = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true)
            .redirectOutput(new File(basedir, 'end-all.log'))
    end.environment().putAll(environment + [JAVA_HOME: itJavaHome])
    assert end.start().waitFor() == 0 : new File(basedir, 'end-all.log').text
}
assert !pids.isEmpty()
assert pids.every { !ProcessHandle.of(it).map { h -> h.isAlive() }.orElse(false) } : 'a warm server is still running'
true
