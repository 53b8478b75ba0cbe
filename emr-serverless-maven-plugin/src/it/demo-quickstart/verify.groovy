import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def session = new JsonSlurper().parse(new File(basedir, 'target/emr-serverless/session.json'))
assert log.contains("Later step sees emr-serverless.sessionId = ${session.sessionId}")
def emulated = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/sessions")).find { it.sessionId == session.sessionId }
assert emulated.request.configurationOverrides.runtimeConfiguration == [[classification: 'spark-defaults', properties: [
        'spark.executor.memory': '8g', 'spark.dynamicAllocation.enabled': 'true', 'spark.dynamicAllocation.maxExecutors': '10',
        'spark.sql.shuffle.partitions': '64', 'spark.executor.cores': '4']]]
assert emulated.request.idleTimeoutMinutes == 15
