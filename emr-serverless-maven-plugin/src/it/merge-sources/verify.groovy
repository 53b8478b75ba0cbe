import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def session = new JsonSlurper().parse(new File(basedir, 'target/emr-serverless/session.json'))
def emulated = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/sessions")).find { it.sessionId == session.sessionId }

def expected = new JsonSlurper().parseText('''
  [{"classification": "spark-defaults", "properties": {
      "spark.executor.memory": "8g", "spark.executor.cores": "4",
      "spark.dynamicAllocation.enabled": "false", "spark.driver.memory": "2g"}},
   {"classification": "spark-env", "configurations": [
      {"classification": "export", "properties": {"JAVA_HOME": "/usr/lib/jvm/java-17-amazon-corretto.x86_64"}}]},
   {"classification": "spark-hive-site", "properties": {
      "hive.metastore.client.factory.class": "com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory"}}]''')
assert emulated.request.configurationOverrides.runtimeConfiguration == expected
// Key order on the wire is first-appearance order.
assert emulated.request.configurationOverrides.runtimeConfiguration[0].properties.keySet() as List ==
        ['spark.executor.memory', 'spark.executor.cores', 'spark.dynamicAllocation.enabled', 'spark.driver.memory']

def job = new File(basedir, 'emr/job.json').canonicalPath
assert log.contains("[WARNING] Ignoring monitoringConfiguration in ${job}: sessions take only runtime configuration.")
assert log.contains("[INFO] Runtime configuration spark-defaults: 4 properties (file ${job}: 1, POM <runtimeConfiguration>: 1, POM <sparkProperties>: 1, -Demr-serverless.conf.<classification>.<key>: 1)")
assert log.contains('[INFO] Runtime configuration spark-env: 0 properties, 1 nested configuration')
