def log = new File(basedir, 'build.log').text
def id = (log =~ /Started local Spark Connect server (local-[0-9a-z]{12})/)[0][1]
def kept = log.indexOf("Local server ${id} is shared with every module of the reactor (exportToReactor): it is stopped when the build ends, not now.")
def queried = log =~ /at sc:\/\/127\.0\.0\.1:(\d+): sum\(id\) of range\(1000\) = 499500/
assert kept > 0 : "the root's terminate-session kept the shared server"
assert queried.find() && log.indexOf(queried.group(0)) > kept : 'the module ran its query after the root terminate-session'
def port = queried.group(1) as int
def stopped = log.indexOf("Stopped local server ${id} because the build ended")
assert stopped > log.indexOf(queried.group(0)) : 'the server stopped when the build ended, after the module'
assert log =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0/
evaluate(new File(itShared, 'local-server-gone.groovy'))(id, port)
true
