package io.github.emrserverless.maven.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What a reader relies on: a short README, every parameter documented, links that lead somewhere. */
class DocumentationTest {

    static final Path ROOT = Path.of("..");
    static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");
    static final Path REFERENCE = ROOT.resolve("docs/parameters.md");
    static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void everyParameterOfEveryGoalHasADescription() throws Exception {
        List<ParameterReference.Goal> goals = ParameterReference.goals(DESCRIPTOR);
        assertThat(goals)
                .extracting(ParameterReference.Goal::name)
                .contains("start-session", "await-session", "terminate-session", "list-sessions", "dashboard");
        assertThat(goals.stream()
                        .flatMap(goal -> goal.parameters().stream())
                        .filter(p -> p.description().isBlank())
                        .map(p -> p.goal() + ": " + p.name()))
                .as("parameters without Javadoc")
                .isEmpty();
        assertThat(goals).allSatisfy(goal -> assertThat(goal.description()).isNotBlank());
    }

    @Test
    void theParameterReferenceIsWhatTheDescriptorSays() throws Exception {
        String generated = ParameterReference.markdown(ParameterReference.goals(DESCRIPTOR));
        if (Boolean.getBoolean("updateDocs")) {
            Files.writeString(REFERENCE, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(REFERENCE))
                .as("docs/parameters.md is stale: run ./mvnw -B verify -Dinvoker.skip -DupdateDocs=true")
                .isEqualTo(generated);
    }

    @Test
    void theReadmeIsReadInTwoMinutes() throws IOException {
        assertThat(Files.size(ROOT.resolve("README.md"))).isLessThanOrEqualTo(15 * 1024);
    }

    @Test
    void everyRelativeLinkLeadsToAFileAndHeadingThatExist() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("CHANGELOG.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Matcher links = LINK.matcher(Files.readString(page));
            while (links.find()) {
                String link = links.group(1);
                if (link.matches("[a-z]+:.*")) {
                    continue;
                }
                int hash = link.indexOf('#');
                String file = hash < 0 ? link : link.substring(0, hash);
                Path target =
                        file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!Files.exists(target)) {
                    broken.add(page.getFileName() + ": " + link + " (no such file)");
                } else if (hash >= 0 && !anchors(target).contains(link.substring(hash + 1))) {
                    broken.add(page.getFileName() + ": " + link + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    /** GitHub's heading anchors: lower case, punctuation but hyphens dropped, spaces as hyphens. */
    static List<String> anchors(Path page) throws IOException {
        if (!page.toString().endsWith(".md")) {
            return List.of();
        }
        return Files.readAllLines(page).stream()
                .filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "")
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-'))
                .toList();
    }
}
