package io.github.emrserverless.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    @Test
    void secretLookingKeysHaveTheirValuesMasked() {
        Configuration masked = SecretMasker.mask(List.of(Configuration.of(
                        "spark-defaults",
                        Map.of("spark.hadoop.fs.s3a.secret.key", "abc", "spark.executor.memory", "4g"))))
                .get(0);

        assertThat(masked.properties())
                .containsEntry("spark.hadoop.fs.s3a.secret.key", "****")
                .containsEntry("spark.executor.memory", "4g");
    }

    @Test
    void secretsInsideOtherValuesAreMaskedToo() {
        assertThat(SecretMasker.maskValue("jdbc:mysql://admin:hunter2@db.example.com:3306/app"))
                .isEqualTo("jdbc:mysql://admin:****@db.example.com:3306/app");
        assertThat(SecretMasker.maskValue("jdbc:postgresql://db/app?user=admin&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/app?user=admin&password=****&ssl=true");
        assertThat(SecretMasker.maskValue("https://host/path?api_key=k123;x=1"))
                .isEqualTo("https://host/path?api_key=****;x=1");
        assertThat(SecretMasker.maskValue("s3://bucket/path/file.parquet")).isEqualTo("s3://bucket/path/file.parquet");
        assertThat(SecretMasker.maskValue("4g")).isEqualTo("4g");
    }

    @Test
    void shortSecretWordsCountOnlyAsWholeParts() {
        for (String key : List.of("db.pwd", "ldap.pass", "smtp.passwd", "spark.ssl.keyStorePassphrase", "blob.sig")) {
            assertThat(SecretMasker.looksSecret(key)).as(key).isTrue();
        }
        for (String key : List.of("spark.sql.passthrough", "spark.design.mode", "spark.executor.memory")) {
            assertThat(SecretMasker.looksSecret(key)).as(key).isFalse();
        }
    }

    @Test
    void anAzureSasSignatureAndShortPasswordParametersAreMasked() {
        assertThat(SecretMasker.maskValue(
                        "https://acct.blob.core.windows.net/c?sv=2022-11-02&ss=b&sig=AbC%2Bd%3D&se=2026-12-31"))
                .isEqualTo("https://acct.blob.core.windows.net/c?sv=2022-11-02&ss=b&sig=****&se=2026-12-31");
        assertThat(SecretMasker.maskValue("jdbc:sqlserver://db;user=sa;pwd=hunter2;encrypt=true"))
                .isEqualTo("jdbc:sqlserver://db;user=sa;pwd=****;encrypt=true");
        assertThat(SecretMasker.maskValue("ftp://host/?user=u&pass=hunter2")).isEqualTo("ftp://host/?user=u&pass=****");
        assertThat(SecretMasker.maskValue("https://host/?design=flat")).isEqualTo("https://host/?design=flat");
    }
}
