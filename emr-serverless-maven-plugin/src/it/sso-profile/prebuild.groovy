import java.security.MessageDigest
import java.time.Instant
import java.time.temporal.ChronoUnit

// What aws sso login leaves behind: the access token, in a file named after the SHA-1 of the start URL.
def startUrl = 'https://emulator.awsapps.com/start'
def name = MessageDigest.getInstance('SHA-1').digest(startUrl.getBytes('UTF-8')).encodeHex().toString()
def cache = new File(basedir, "sso-home/.aws/sso/cache")
cache.mkdirs()
new File(cache, "${name}.json").text = """{"startUrl": "${startUrl}", "region": "eu-west-1",
 "accessToken": "emulator-sso-access-token", "expiresAt": "${Instant.now().plus(8, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)}"}"""
// A role name of this pass's own: the passes of the build share one emulator.
def config = new File(basedir, 'aws-config')
config.text = config.text.replace('sso_role_name = SsoMavenBuild', 'sso_role_name = SsoMavenBuild' + itPass)
true
