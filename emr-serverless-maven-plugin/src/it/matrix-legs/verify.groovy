import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def key = 'AKIDITMATRIX' + itPass
def sessions = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/sessions")).findAll { it.startedBy == key }
def started = (log =~ /Started session ([0-9a-z]{16})/).collect { it[1] }
assert started.size() == 6 : "legs b, a, a, a, a's leak and leg java-21: ${started}"
def (legB, legAFirst, legAOwn, legAKept, legALeak, named) = started
def byId = { id -> sessions.find { it.sessionId == id } }
def jobOf = { id -> byId(id).tags['ci-job'] }

// Same run, attempt and job; each leg its own ci-job (the workspace differs), every session of one leg the same.
assert [legB, legAFirst].collect { byId(it).tags['ci-run'] }.unique() == ["matrix-run-${itPass}"]
assert jobOf(legB) != jobOf(legAFirst)
assert jobOf(legB).startsWith("matrix-run-${itPass}-1-it-")
assert [legAFirst, legAOwn, legAKept, legALeak].collect { jobOf(it) }.unique().size() == 1

// Leg a's clean-up ended its own leftover, not leg b's session.
assert log =~ /Terminated 1 of \d+ live sessions on application appready matching tags \{ci-job=${jobOf(legAFirst)}\}/
assert byId(legAFirst).state in ['TERMINATING', 'TERMINATED']
// Leg a's next build checked its own leftovers and found none: leg b's live session is not leg a's.
assert log.contains("[INFO] No live session of CI job ${jobOf(legAFirst)} is left on application appready.")
// The build that left its own second session running failed its check, naming only that session.
assert log =~ /1 live session\(s\) of CI job ${jobOf(legAFirst)} left on application appready: ${legALeak} \(/
// Leg b's session lived through all of it.
assert !(byId(legB).state in ['TERMINATING', 'TERMINATED'])

// The named leg: its own ci-job; leg a's clean-up terminated nothing of it, its own clean-up ended it.
assert jobOf(named).startsWith("matrix-run-${itPass}-1-it-java-21-")
assert log =~ /Terminated 0 of \d+ live sessions on application appready matching tags \{ci-job=${jobOf(legAFirst)}\}/
assert log =~ /Terminated 1 of \d+ live sessions on application appready matching tags \{ci-job=${jobOf(named)}\}/
assert byId(named).state in ['TERMINATING', 'TERMINATED']
