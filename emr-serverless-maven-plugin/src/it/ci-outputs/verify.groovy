import groovy.json.JsonSlurper

def session = new JsonSlurper().parse(new File(basedir, 'target/emr-serverless/session.json'))
def id = session.sessionId
def outputs = new File(basedir, 'github-output.txt').text
assert outputs == "session-id=${id}\nsession-arn=${session.arn}\napplication-id=appready\nsession-endpoint=${session.endpoint}\n"
def summary = new File(basedir, 'github-summary.md').text
assert summary.contains("| Session | `${id}` |")
assert summary.contains("Session `${id}` is ready (")
def env = new File(basedir, 'target/emr-serverless/session.env').text
assert env == "EMR_SERVERLESS_APPLICATION_ID=appready\nEMR_SERVERLESS_SESSION_ID=${id}\nEMR_SERVERLESS_SESSION_ARN=${session.arn}\n" +
        "EMR_SERVERLESS_SESSION_ENDPOINT=${session.endpoint}\nEMR_SERVERLESS_SESSION_TOKEN_FILE=${new File(basedir, 'target/emr-serverless/session-token').path}\n"
def token = new File(basedir, 'target/emr-serverless/session-token').text
assert !outputs.contains(token) && !summary.contains(token) && !env.contains(token)
def emulated = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/sessions")).find { it.sessionId == id }
assert emulated.tags['ci-run'] == '4242'
