import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains("Invalid <executionRoleArn> 'arn:aws:iam::123:role/too-short-account' (from -Demr-serverless.executionRoleArn); allowed: an IAM role ARN of 20 to 2048 characters")

def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == ('AKIDITINVALID' + itPass) }

assert calls.isEmpty()
assert !new File(basedir, 'target/emr-serverless/session.json').exists()
