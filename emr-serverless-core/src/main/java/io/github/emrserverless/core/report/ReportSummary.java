package io.github.emrserverless.core.report;

import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.handover.Outcome;

/** The report as a few lines of Markdown, for the GitHub Actions job summary. */
public final class ReportSummary {

    private ReportSummary() {}

    /** A short section for the GitHub Actions step summary: timeline, time to ready, details, billing. */
    public static String markdown(SessionReport.Content content) {
        StringBuilder text = new StringBuilder(
                "\n**EMR Serverless session `" + content.sessionId() + "`: " + content.outcome() + "**");
        if (content.timeToReadySeconds() != null) {
            text.append(" after ")
                    .append(String.format(java.util.Locale.ROOT, "%.1f", content.timeToReadySeconds()))
                    .append(" s");
        }
        text.append("\n\n");
        if (content.timeline() != null && !content.timeline().isEmpty()) {
            text.append(String.join(
                            " → ",
                            content.timeline().stream()
                                    .map(entry -> entry.state() + " " + entry.at())
                                    .toList()))
                    .append("\n\n");
        }
        if (!Outcome.READY.name().equals(content.outcome()) && content.stateDetails() != null) {
            text.append("> ").append(content.stateDetails().replace('\n', ' ')).append("\n\n");
        }
        Session.ResourceUtilization billed = content.billedResourceUtilization();
        if (billed != null) {
            text.append(String.format(
                    java.util.Locale.ROOT,
                    "Billed: %.3f vCPU-hours, %.3f GB-hours of memory, %.3f GB-hours of storage",
                    orZero(billed.vCPUHour()),
                    orZero(billed.memoryGBHour()),
                    orZero(billed.storageGBHour())));
            if (content.totalExecutionDurationSeconds() != null) {
                text.append("; ran ")
                        .append(content.totalExecutionDurationSeconds())
                        .append(" s");
            }
            text.append("\n");
        }
        return text.toString();
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }
}
