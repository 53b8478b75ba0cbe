package io.github.emrserverless.core.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What a local server's log says about why it failed. */
final class ServerLog {

    /** A line that names an exception: {@code java.lang.IllegalArgumentException: ...}. */
    private static final Pattern EXCEPTION = Pattern.compile(
            "(Exception in thread \"[^\"]*\" )?(Caused by: )?([\\w$]+\\.)+[\\w$]*(Exception|Error)(: .*)?");

    private ServerLog() {}

    /**
     * Why the server failed, from its log: the first exception line and the last cause, or the last lines when
     * the log names none.
     */
    static String failureReason(Path logFile) {
        List<String> lines;
        try {
            lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "its log " + logFile + " cannot be read (" + e.getMessage() + ")";
        }
        List<String> exceptions = new ArrayList<>();
        for (String line : lines) {
            if (EXCEPTION.matcher(line.trim()).matches()) {
                exceptions.add(line.trim().replaceFirst("^Exception in thread \"[^\"]*\" ", ""));
            }
        }
        if (exceptions.isEmpty()) {
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        }
        String first = exceptions.get(0);
        String last = exceptions.get(exceptions.size() - 1);
        return last.equals(first) || !last.startsWith("Caused by: ") ? first : first + " (" + last + ")";
    }
}
