package io.github.emrserverless.core.reuse;

import io.github.emrserverless.core.config.InvalidConfigurationException;
import io.github.emrserverless.core.config.ParameterOrigin;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may share a reusable session ({@code reuseScope}): builds running as the same IAM role (the default; an
 * assumed role's session name does not count, so CI runs of one role share), or every principal of the account.
 * The scope goes into the reuse key, and a session is reused only when its creator ({@code createdBy}) falls in the
 * caller's scope and account.
 */
public enum ReuseScope {
    ROLE,
    ACCOUNT;

    /** {@code arn:aws:sts::<account>:assumed-role/<role>/<session>} */
    private static final Pattern ASSUMED_ROLE =
            Pattern.compile("arn:(aws[a-zA-Z0-9-]*):sts::(\\d{12}):assumed-role/([^/]+)/.*");

    private static final Pattern ACCOUNT_OF = Pattern.compile("arn:aws[a-zA-Z0-9-]*:(?:iam|sts)::(\\d{12}):.*");

    public static ReuseScope parse(String text, ParameterOrigin origin) {
        String value = text == null || text.isBlank() ? "role" : text.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "role" -> ROLE;
            case "account" -> ACCOUNT;
            default ->
                throw InvalidConfigurationException.invalid(
                        "reuseScope",
                        text,
                        origin,
                        "role (the default: builds running as the same IAM role share a session) or account (every"
                                + " principal of the AWS account)");
        };
    }

    /** The scope's value for a principal: its role (or user) ARN, or its account; it goes into the reuse key. */
    public String of(String principalArn) {
        return this == ROLE ? principal(principalArn) : "account:" + account(principalArn);
    }

    /** Whether a session's creator may share with the caller: the same account, and the same scope value. */
    public boolean allows(String createdBy, String callerArn) {
        return createdBy != null
                && !account(createdBy).isEmpty()
                && account(createdBy).equals(account(callerArn))
                && of(createdBy).equals(of(callerArn));
    }

    /** An assumed role's session as its role ({@code arn:aws:iam::<account>:role/<role>}); anything else as it is. */
    static String principal(String arn) {
        Matcher assumed = ASSUMED_ROLE.matcher(arn);
        return assumed.matches()
                ? "arn:" + assumed.group(1) + ":iam::" + assumed.group(2) + ":role/" + assumed.group(3)
                : arn;
    }

    static String account(String arn) {
        Matcher matcher = ACCOUNT_OF.matcher(arn == null ? "" : arn);
        return matcher.matches() ? matcher.group(1) : "";
    }
}
