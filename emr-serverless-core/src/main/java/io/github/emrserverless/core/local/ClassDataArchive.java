package io.github.emrserverless.core.local;

import io.github.emrserverless.core.config.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A class-data-sharing archive of a local server: most of a cold start is the JVM loading Spark's classes, and a
 * dynamic archive made by one start lets every later one map them instead (docs/performance.md: 4.6–4.9 s to
 * listening without, 2.5–2.6 s with). One archive per Spark version, Java and class path, in the user's cache
 * directory. A damaged or mismatched archive is never a failure: the JVM says so in the server's log and runs
 * without it, and it is made again.
 *
 * @param file the archive, whether it exists yet or not
 * @param javaFeature the server's Java feature release: 19 and later make and check the archive themselves
 */
record ClassDataArchive(Path file, int javaFeature, Path pending) {

    /** What the JVM prints when it cannot use an archive (a mismatch, a damaged file): the archive is made again. */
    static final String REJECTED = "Unable to use shared archive";

    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(?:1\\.)?(\\d+)");

    /**
     * The archive for a server of this Java and class path, or null when archives are off: with
     * {@code EMR_SERVERLESS_CLASS_DATA_ARCHIVE=false}, and in CI ({@code CI} set) unless it is {@code true}.
     */
    static ClassDataArchive of(Path java, List<Path> classpath, String sparkVersion, Map<String, String> environment) {
        String setting = environment.get("EMR_SERVERLESS_CLASS_DATA_ARCHIVE");
        // A CI machine is usually fresh: an archive made there slows its stop and is never used again.
        boolean on = setting == null ? environment.get("CI") == null : !"false".equalsIgnoreCase(setting);
        if (!on) {
            return null;
        }
        int feature = javaFeature(java);
        StringBuilder identity =
                new StringBuilder(java.toAbsolutePath().normalize().toString()).append('\n');
        // The JVM checks each jar's size and time against the archive's: a jar installed again (the plugin's, in a
        // build of it) makes another archive, not a rejected one.
        classpath.forEach(
                jar -> identity.append(jar).append(' ').append(stamp(jar)).append('\n'));
        Path file = cacheDirectory(environment)
                .resolve("class-data")
                .resolve("spark-" + sparkVersion + "-java-" + feature + "-" + Text.sha256Hex(identity.toString(), 8)
                        + ".jsa");
        // Java 17 and 18 write a new archive at exit, to a name of this start's own: two builds may make one at once.
        Path pending = feature >= 19 || Files.isRegularFile(file)
                ? null
                : file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        return new ClassDataArchive(file, feature, pending);
    }

    /** Whether this start makes the archive, written when the server stops: that stop takes a few seconds more. */
    boolean making() {
        return pending != null || javaFeature >= 19 && !Files.isRegularFile(file);
    }

    /** The JVM options that use the archive, or make it. */
    List<String> jvmOptions() {
        if (javaFeature >= 19) {
            return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + file);
        }
        return pending == null
                ? List.of("-XX:SharedArchiveFile=" + file)
                : List.of("-XX:ArchiveClassesAtExit=" + pending);
    }

    /**
     * The folder must exist before the JVM writes into it; a failure only means no archive this time. An archive is
     * large (about 170 MB for Spark 4.2): of one Spark version and Java, the newest few are kept.
     */
    void prepare() {
        try {
            Files.createDirectories(file.getParent());
            String family = file.getFileName().toString().replaceFirst("[0-9a-f]+\\.jsa$", "");
            try (Stream<Path> archives = Files.list(file.getParent())) {
                archives.filter(p -> p.getFileName().toString().startsWith(family))
                        .filter(p -> p.toString().endsWith(".jsa") && !p.equals(file))
                        .sorted(Comparator.comparing(ClassDataArchive::modified).reversed())
                        .skip(KEPT - 1)
                        .forEach(ClassDataArchive::deleteQuietly);
            }
        } catch (IOException e) {
            // The JVM says it could not write the archive, and runs all the same.
        }
    }

    /** How many archives of one Spark version and Java stay, this one included. */
    static final int KEPT = 3;

    private static String stamp(Path jar) {
        try {
            return Files.size(jar) + "@" + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            return "absent";
        }
    }

    private static long modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // Left for the next look.
        }
    }

    /**
     * After the server exited: an archive it wrote (Java 17, 18) takes its place; one the JVM rejected goes, so that
     * the next start makes it again.
     */
    void afterExit(Path serverLog) {
        try {
            if (pending != null && Files.size(pending) > 0) {
                Files.move(pending, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else if (pending == null
                    && javaFeature < 19
                    && Files.readString(serverLog).contains(REJECTED)) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // No archive this time: the next start makes one.
        } finally {
            if (pending != null) {
                try {
                    Files.deleteIfExists(pending);
                } catch (IOException e) {
                    // Left for the next look.
                }
            }
        }
    }

    /**
     * The user's cache directory: {@code EMR_SERVERLESS_CACHE} when set; else {@code $XDG_CACHE_HOME} or
     * {@code ~/.cache} on Linux, {@code ~/Library/Caches} on macOS, {@code %LOCALAPPDATA%} on Windows.
     */
    static Path cacheDirectory(Map<String, String> environment) {
        String own = environment.get("EMR_SERVERLESS_CACHE");
        if (own != null && !own.isBlank()) {
            // Absolute: a server runs in a working directory of its own, and reads its files by these paths.
            return Path.of(own).toAbsolutePath();
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Caches", "emr-serverless");
        }
        if (os.contains("win") && environment.get("LOCALAPPDATA") != null) {
            return Path.of(environment.get("LOCALAPPDATA"), "emr-serverless");
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".cache")).resolve("emr-serverless");
    }

    /** From the {@code release} file of the Java the launcher belongs to; 17 (the oldest supported) when unknown. */
    static int javaFeature(Path java) {
        Path release = java.toAbsolutePath().getParent().getParent().resolve("release");
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(release));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 17;
        } catch (IOException | RuntimeException e) {
            return 17;
        }
    }
}
