import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('''[INFO] Dry run: StartSession request for application appready (not sent; secret-looking values masked):
{
  "clientToken" : "it-dry-run-token",
  "executionRoleArn" : "arn:aws:iam::123456789012:role/it-session-role",
  "name" : "dry",
  "idleTimeoutMinutes" : 30,
  "tags" : {
    "created-by" : "emr-serverless-maven-plugin",
    "maven-project" : "it.emr-serverless:dry-run",
    "start-token" : "it-dry-run-token",
    "team" : "data"
  },
  "configurationOverrides" : {
    "runtimeConfiguration" : [ {
      "classification" : "spark-defaults",
      "properties" : {
        "spark.executor.memory" : "4g",
        "spark.hadoop.fs.s3a.secret.key" : "****"
      }
    } ]
  }
}''')
assert !log.contains('do-not-print-me')

def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == ('AKIDITDRYRUN' + itPass) }

assert calls.isEmpty()
