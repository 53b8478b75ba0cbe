import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def key = 'AKIDITREUSESCOPE' + itPass
def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == key }
def started = (log =~ /Started reusable session ([0-9a-z]{16})/).collect { it[1] }
assert started.size() == 2 : "the role-scoped and the account-scoped session: ${started}"
def (roleScoped, accountScoped) = started
// Build 3 (account scope) reused build 2's session, not build 1's.
assert log =~ /Reusing session ${accountScoped} \((STARTED|IDLE), started \d+s ago\)/
assert !(log =~ /Reusing session ${roleScoped} /)
def sessions = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/sessions"))
def keyOf = { id -> sessions.find { it.sessionId == id }.tags['reuse-key'] }
assert keyOf(roleScoped) != keyOf(accountScoped)
// The caller's identity came from STS GetCallerIdentity (the emulator's), once per reuse build.
assert calls.count { it.operation == 'GetCallerIdentity' } == 3
// An unknown scope fails before any call, naming the parameter, its source and what is allowed.
assert log.contains("Invalid <reuseScope> 'team' (from -Demr-serverless.reuseScope); allowed: role (the default")
