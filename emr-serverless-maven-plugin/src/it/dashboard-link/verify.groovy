import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def id = (log =~ /Started session ([0-9a-z]{16})/)[0][1]
def links = (log =~ /\[INFO\] (https:\/\/dashboard\.emulator\.invalid\/\S+)/).collect { it[1] }
assert links.size() == 2
assert links[0].startsWith("https://dashboard.emulator.invalid/live/${id}?authToken=")
assert links[1].startsWith("https://dashboard.emulator.invalid/history/${id}?authToken=")
assert log.contains("Spark UI of session ${id} (live while the session runs, the Spark History Server after it ended).")
// Nothing but the log holds a link.
def everywhere = []
new File(basedir, 'target').eachFileRecurse { if (it.isFile()) everywhere << it.text }
everywhere << new File(basedir, 'github-output.txt').text << new File(basedir, 'step-summary.md').text
assert !everywhere.any { it.contains('dashboard.emulator.invalid') }
def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == ('AKIDITDASHBOARD' + itPass) }
assert calls.count { it.operation == 'GetResourceDashboard' } == 2
