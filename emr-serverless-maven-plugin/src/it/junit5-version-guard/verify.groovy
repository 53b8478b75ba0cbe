def log = new File(basedir, 'build.log').text
assert log.contains('[emr-serverless] Using session s0versionguard01, handed over by the build (system properties)')
assert log.contains('The Spark Connect client 4.2.0 is newer than the server: the server runs Spark 4.0.2 (Scala 2.13,'
        + ' emr-serverless.sparkVersion). A client must be no newer than its server: use spark-connect-client-jvm 4.0.2'
        + ' or older.')
assert log =~ /Tests run: 1, Failures: 0, Errors: 1, Skipped: 0/
// Failed fast: no query was tried, so nothing hung on the endpoint nobody listens on.
assert !log.contains('sum(id) of range(1000)')
true
