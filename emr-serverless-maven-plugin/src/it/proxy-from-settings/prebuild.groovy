// The proxy is the emulator, on a port known only now; Maven cannot interpolate an integer <port>.
new File(basedir, 'settings.xml').text = """<settings>
  <proxies>
    <proxy>
      <id>it-proxy</id>
      <active>true</active>
      <protocol>http</protocol>
      <host>127.0.0.1</host>
      <port>${new URI(emulatorUri).port}</port>
      <username>itproxy</username>
      <password>itproxypass</password>
      <nonProxyHosts>*.example.invalid|repo.maven.apache.org</nonProxyHosts>
    </proxy>
  </proxies>
</settings>
"""
true // a pre-build hook that returns a value other than true skips the build
