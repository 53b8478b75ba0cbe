def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] Session doesnotexist was not found on application appready; nothing to terminate.')
assert log.contains('Session doesnotexist was not found on application appready. Check <sessionId> and <applicationId>.')
