def log = new File(basedir, 'build.log').text
def id = (log =~ /Started local Spark Connect server (local-[0-9a-z]{12})/)[0][1]
assert log.contains('reuse keeps no local server warm in CI (CI is set): this one ends with the build.')
assert !log.contains('stays warm')
assert log.contains("Stopped local server ${id} in ")
assert !new File(new File(itCache, 'local-servers'), "${id}.properties").exists()
assert !ProcessHandle.allProcesses().anyMatch { p -> p.info().commandLine().orElse('').contains("emr-serverless.localSession=${id}") }
true
