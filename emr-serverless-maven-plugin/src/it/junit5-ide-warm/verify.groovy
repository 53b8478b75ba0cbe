def log = new File(basedir, 'build.log').text
def started = (log =~ /\[emr-serverless\] Started local Spark Connect server (local-[0-9a-z]{12})/).collect { it[1] }
assert started.size() == 1 : "servers started: ${started}"
def id = started[0]
assert log.contains("[emr-serverless] Adopting warm local server ${id}")
assert log.contains("[emr-serverless] Using session ${id}, started for this test run (a local Spark Connect server")
assert log.contains("[emr-serverless] Using session ${id}, reused (a warm local Spark Connect server")
def millis = (log =~ /the first query answered (\d+) ms after the test class started/).collect { it[1] as long }
assert millis.size() == 2
println "First query after the test class started: cold ${millis[0]} ms, warm ${millis[1]} ms"
assert millis[1] < millis[0]
assert (log =~ /Local server ${id} stays warm for the next build or test run/).size() == 2
// Cleanup (what is tested above is that it stayed): end the warm server and its entry.
def entry = new File(new File(itCache, 'local-servers'), "${id}.properties")
def p = new Properties(); entry.withReader { p.load(it) }
ProcessHandle.of(p.getProperty('pid') as long).ifPresent { it.destroy(); it.onExit().get() }
true
