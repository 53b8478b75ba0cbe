package io.github.emrserverless.core.inventory;

import io.github.emrserverless.core.api.Expiry;
import io.github.emrserverless.core.api.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Sessions as a plain-text table, for people at a terminal. */
final class SessionTable {

    private static final List<String> HEADER =
            List.of("ID", "NAME", "STATE", "CREATED", "IDLE TIMEOUT", "EXPIRES AT", "TAGS");

    private SessionTable() {}

    /** @param now marks sessions whose {@code expires-at} is past as EXPIRED */
    public static List<String> lines(List<Session> sessions, Instant now) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Session session : sessions) {
            rows.add(List.of(
                    session.sessionId(),
                    session.name() == null ? "-" : session.name(),
                    String.valueOf(session.state()),
                    session.createdAt() == null ? "-" : session.createdAt().toString(),
                    session.idleTimeoutMinutes() == null ? "-" : session.idleTimeoutMinutes() + " min",
                    Expiry.of(session)
                            .map(at -> at + (Expiry.isExpired(session, now) ? " EXPIRED" : ""))
                            .orElse("-"),
                    tags(session.tags())));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private static String tags(Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) {
            return "-";
        }
        return new TreeMap<>(tags)
                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }
}
