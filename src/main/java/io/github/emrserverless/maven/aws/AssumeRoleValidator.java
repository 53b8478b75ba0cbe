package io.github.emrserverless.maven.aws;

import io.github.emrserverless.maven.config.InvalidConfigurationException;
import io.github.emrserverless.maven.session.ParameterOrigin;
import java.util.regex.Pattern;

/** STS AssumeRole's constraints, checked before any call. */
public final class AssumeRoleValidator {

    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-zA-Z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");

    private AssumeRoleValidator() {}

    public static void validate(AwsSettings.AssumeRole role, ParameterOrigin origin) {
        check(ROLE_ARN.matcher(role.roleArn()).matches(), "roleArn", role.roleArn(), origin,
                "an IAM role ARN like arn:aws:iam::123456789012:role/ci-deployer");
        check(SESSION_NAME.matcher(role.sessionName()).matches(), "roleSessionName", role.sessionName(), origin,
                "2 to 64 characters of letters, digits and _ + = , . @ -");
        if (role.externalId() != null) {
            check(EXTERNAL_ID.matcher(role.externalId()).matches(), "externalId", role.externalId(), origin,
                    "2 to 1224 characters of letters, digits and _ + = , . @ : / -");
        }
        if (role.durationSeconds() != null) {
            check(role.durationSeconds() >= 900 && role.durationSeconds() <= 43200, "roleDurationSeconds",
                    String.valueOf(role.durationSeconds()), origin, "900 to 43200 (and at most the role's maximum session duration)");
        }
    }

    /** A session name from the project, e.g. {@code maven-my-app}: what CloudTrail shows as the caller. */
    public static String defaultSessionName(String artifactId) {
        String name = ("maven-" + artifactId).replaceAll("[^\\w+=,.@-]", "-");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    private static void check(boolean ok, String parameter, String value, ParameterOrigin origin, String allowed) {
        if (!ok) {
            throw new InvalidConfigurationException("Invalid <" + parameter + "> '" + value + "' (from " + origin.of(parameter)
                    + "); allowed: " + allowed + ".");
        }
    }
}
