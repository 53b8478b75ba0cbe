def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] 2 session(s) on application applisted in [SUBMITTED, STARTING, STARTED, IDLE]')
assert log =~ /\[INFO\] ID\s+NAME\s+STATE\s+CREATED\s+IDLE TIMEOUT\s+EXPIRES AT\s+TAGS/
assert log =~ /\[INFO\] [0-9a-z]{16}\s+first\s+(SUBMITTED|STARTING|STARTED|IDLE)\s+\d{4}-\d\d-\d\dT\S+Z\s+30 min\s+20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ\s+created-by=emr-serverless-maven-plugin,expires-at=\S+,maven-project=it.emr-serverless:list-sessions,start-token=[0-9a-f-]{36}/
assert log =~ /\[INFO\] [0-9a-z]{16}\s+second\s+(SUBMITTED|STARTING|STARTED|IDLE)\s+\S+\s+30 min\s+-\s+-/
