import groovy.json.JsonSlurper

def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls"))
def assume = calls.find { it.accessKeyId == ('AKIDITASSUME' + itPass) }
assert assume.operation == 'AssumeRole'
assert assume.body.contains('RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fit-ci-deployer')
assert assume.body.contains('RoleSessionName=maven-assume-role')
assert assume.body.contains('ExternalId=it-external-id')
assert assume.body.contains('DurationSeconds=900')
def id = new JsonSlurper().parse(new File(basedir, 'target/emr-serverless/session.json')).sessionId
def start = calls.find { it.operation == 'StartSession' && it.status == 200 && it.accessKeyId.startsWith('ASIA') && it.body.contains('"maven-project":"it.emr-serverless:assume-role"') }
assert start != null
