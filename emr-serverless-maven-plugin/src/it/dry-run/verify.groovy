import groovy.json.JsonSlurper

def raw = new File(basedir, 'build.log').text
// The expiry depends on the clock: checked on its own, then taken out of the request compared below.
assert raw =~ /\n    "expires-at" : "20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ",\n/
def log = raw.replaceAll(/\n    "expires-at" : "[0-9T:Z-]+",/, '')
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
