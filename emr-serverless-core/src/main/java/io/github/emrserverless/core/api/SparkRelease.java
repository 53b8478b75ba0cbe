package io.github.emrserverless.core.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Spark a session's server runs, as far as its release label tells. Spark Connect's rule needs it: a client no
 * newer than its server, built for the same Scala binary version.
 *
 * @param version the Spark version, as precise as the label tells ({@code 3.5.6}, or {@code 3.5} for a label of a
 *     known family whose exact version is not known here)
 * @param scalaBinaryVersion {@code 2.12} or {@code 2.13}
 * @param label the release label ({@code emr-7.13.0}), or {@code spark-<version>} for a local server
 */
public record SparkRelease(String version, String scalaBinaryVersion, String label) {

    /** Release labels whose Spark version is known exactly. */
    private static final Map<String, String> KNOWN = Map.of("emr-7.13.0", "3.5.6", "emr-spark-8.0.0", "4.0.2");

    /** emr-7.x runs Spark 3.5 on Scala 2.12 (sessions from 7.13.0 on); emr-spark-8.x runs Spark 4 on Scala 2.13. */
    private static final Pattern EMR_7 = Pattern.compile("emr-7\\.(\\d+)\\.\\d+");

    private static final Pattern EMR_SPARK_8 = Pattern.compile("emr-spark-8\\.\\d+\\.\\d+");
    private static final Pattern LOCAL = Pattern.compile("spark-(\\d+)\\.\\d+\\.\\d+");
    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)*");

    /** The Spark of a release label; empty for a label this plugin does not know (a warning, never a failure). */
    public static Optional<SparkRelease> ofLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String known = KNOWN.get(label);
        if (known != null) {
            return Optional.of(new SparkRelease(known, scalaOf(known), label));
        }
        Matcher emr7 = EMR_7.matcher(label);
        if (emr7.matches() && Integer.parseInt(emr7.group(1)) >= 13) {
            return Optional.of(new SparkRelease("3.5", "2.12", label));
        }
        if (EMR_SPARK_8.matcher(label).matches()) {
            return Optional.of(new SparkRelease("4", "2.13", label));
        }
        Matcher local = LOCAL.matcher(label);
        if (local.matches()) {
            String version = label.substring("spark-".length());
            return Optional.of(new SparkRelease(version, scalaOf(version), label));
        }
        return Optional.empty();
    }

    /** A local Spark Connect server of this version: Spark 3.x is built for Scala 2.12, Spark 4 for 2.13. */
    public static SparkRelease local(String version) {
        return new SparkRelease(version, scalaOf(version), "spark-" + version);
    }

    /** A server known by its version alone (as a build exported it: {@code 3.5.6}, {@code 4}). */
    public static SparkRelease ofVersion(String version) {
        return new SparkRelease(version, scalaOf(version), "emr-serverless.sparkVersion");
    }

    /** Whether the version is known to the patch level, not only its family. */
    public boolean exact() {
        return version.chars().filter(c -> c == '.').count() == 2;
    }

    /**
     * Why a Spark Connect client cannot talk to this server, naming both versions; empty when it can. The client
     * may not be newer (compared as far as this release's version is known) and must have the same Scala binary
     * version.
     */
    public Optional<String> refusal(String clientVersion, String clientScalaBinaryVersion) {
        String server = "the server runs Spark " + version + " (Scala " + scalaBinaryVersion + ", " + label + ")";
        if (clientScalaBinaryVersion != null && !clientScalaBinaryVersion.equals(scalaBinaryVersion)) {
            return Optional.of("The Spark Connect client is built for Scala " + clientScalaBinaryVersion + " and "
                    + server + ": use the client artifact with the suffix _" + scalaBinaryVersion + ".");
        }
        if (clientVersion != null && newer(clientVersion, version)) {
            return Optional.of("The Spark Connect client " + clientVersion + " is newer than the server: " + server
                    + ". A client must be no newer than its server: use spark-connect-client-jvm " + version
                    + (exact() ? "" : ".x") + " or older.");
        }
        return Optional.empty();
    }

    /** Numerically, as far as {@code server} has components ({@code 4.1.0} is newer than {@code 4.0.2}, not than {@code 4}). */
    static boolean newer(String client, String server) {
        List<Integer> c = components(client);
        List<Integer> s = components(server);
        for (int i = 0; i < s.size(); i++) {
            int mine = i < c.size() ? c.get(i) : 0;
            if (mine != s.get(i)) {
                return mine > s.get(i);
            }
        }
        return false;
    }

    private static List<Integer> components(String version) {
        Matcher matcher = VERSION.matcher(version);
        List<Integer> parts = new ArrayList<>();
        if (matcher.lookingAt()) {
            for (String part : matcher.group().split("\\.")) {
                parts.add(Integer.parseInt(part));
            }
        }
        return parts;
    }

    private static String scalaOf(String version) {
        return version.startsWith("3") ? "2.12" : "2.13";
    }
}
