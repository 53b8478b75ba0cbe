package io.github.emrserverless.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AwsSettingsTest {

    private static final AwsSettings SETTINGS = new AwsSettings(
            "eu-west-1",
            "ci",
            new AwsSettings.AccessKey("AKIDEXAMPLE", "secret", "server aws"),
            new AwsSettings.AssumeRole("arn:aws:iam::123456789012:role/ci", "maven", "external", 900),
            URI.create("https://emr-serverless.eu-west-1.amazonaws.com"),
            new AwsSettings.Proxy("corporate", "http", "proxy.example.com", 3128, "user", "password", "localhost"),
            3,
            Duration.ofSeconds(10),
            Duration.ofSeconds(30));

    /** Other values, one for each component of {@link #SETTINGS}, in their order. */
    private static final Object[] OTHER = {
        "us-east-1",
        "dev",
        new AwsSettings.AccessKey("AKIDOTHER", "secret", "server aws"),
        new AwsSettings.AssumeRole("arn:aws:iam::123456789012:role/other", "maven", "external", 900),
        URI.create("http://127.0.0.1:4566"),
        new AwsSettings.Proxy("corporate", "http", "proxy.example.com", 8080, "user", "password", "localhost"),
        5,
        Duration.ofSeconds(11),
        Duration.ofSeconds(31)
    };

    @Test
    void equalSettingsAreEqualAndHashAlike() throws Exception {
        AwsSettings copy = with(-1, null);

        assertThat(copy).isEqualTo(SETTINGS).isNotSameAs(SETTINGS);
        assertThat(copy.hashCode()).isEqualTo(SETTINGS.hashCode());
        assertThat(new AwsSettings(null, null, null, null, null, null, 3, null, null))
                .isEqualTo(new AwsSettings(null, null, null, null, null, null, 3, null, null));
    }

    @Test
    void everyComponentCountsInEqualsAndHashCode() throws Exception {
        RecordComponent[] components = AwsSettings.class.getRecordComponents();
        assertThat(OTHER).as("a value in OTHER for each component").hasSameSizeAs(components);

        for (int i = 0; i < components.length; i++) {
            AwsSettings changed = with(i, OTHER[i]);

            assertThat(changed).as(components[i].getName()).isNotEqualTo(SETTINGS);
            assertThat(changed.hashCode()).as(components[i].getName()).isNotEqualTo(SETTINGS.hashCode());
        }
    }

    /** A copy of {@link #SETTINGS} with the component at {@code index} set to {@code value} (none for -1). */
    private static AwsSettings with(int index, Object value) throws Exception {
        RecordComponent[] components = AwsSettings.class.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = i == index ? value : components[i].getAccessor().invoke(SETTINGS);
        }
        Class<?>[] types =
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        return AwsSettings.class.getDeclaredConstructor(types).newInstance(values);
    }
}
