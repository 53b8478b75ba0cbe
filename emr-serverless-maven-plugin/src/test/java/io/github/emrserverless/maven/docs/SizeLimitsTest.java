package io.github.emrserverless.maven.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sizes the code keeps so that each part can be read at once (docs/architecture.md): no main file over 300 lines,
 * no goal over 220, no main package over 25 files.
 */
class SizeLimitsTest {

    static final List<Path> MAIN = List.of(
            Path.of("../emr-serverless-core/src/main/java"), Path.of("../emr-serverless-maven-plugin/src/main/java"));

    @Test
    void filesGoalsAndPackagesStayReadable() throws IOException {
        List<String> over = new ArrayList<>();
        for (Path root : MAIN) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.toList()) {
                    if (Files.isDirectory(file)) {
                        long count;
                        try (Stream<Path> entries = Files.list(file)) {
                            count = entries.filter(p -> p.toString().endsWith(".java"))
                                    .count();
                        }
                        if (count > 25) {
                            over.add(root.relativize(file) + ": " + count + " files");
                        }
                    } else if (file.toString().endsWith(".java")) {
                        long lines;
                        try (Stream<String> text = Files.lines(file)) {
                            lines = text.count();
                        }
                        long limit = file.getFileName().toString().endsWith("Mojo.java") ? 220 : 300;
                        if (lines > limit) {
                            over.add(root.relativize(file) + ": " + lines + " lines (at most " + limit + ")");
                        }
                    }
                }
            }
        }
        assertThat(over).isEmpty();
    }
}
