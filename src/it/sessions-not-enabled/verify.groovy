import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('StartSession failed for application appnosessions: ValidationException: Interactive sessions are not enabled for application appnosessions')
assert log.contains('Sessions need an application with interactiveConfiguration.sessionEnabled=true and release emr-7.13.0 or later')
