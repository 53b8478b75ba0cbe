import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls"))
// One exchange per goal (start-session, terminate-session), each for the profile's account and role.
def exchanges = calls.findAll { it.operation == 'GetRoleCredentials' && it.body?.startsWith('210987654321/SsoMavenBuild' + itPass + ' ') }
assert exchanges.size() == 2 && exchanges.every { it.status == 200 }
def issued = exchanges.collect { (it.body =~ /issued (ASIA\w+)/)[0][1] }
// The goals signed with the role credentials the portal issued, not with the invoker's access key.
assert calls.findAll { it.accessKeyId == issued[0] }*.operation.containsAll(['GetApplication', 'StartSession'])
assert calls.findAll { it.accessKeyId == issued[1] }*.operation.contains('TerminateSession')
assert !log.contains('emulator-sso-access-token')
