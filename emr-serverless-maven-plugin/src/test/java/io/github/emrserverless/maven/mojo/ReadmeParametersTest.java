package io.github.emrserverless.maven.mojo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The README's parameter tables against the generated plugin descriptor: every parameter a user can set, of
 * every goal, has a row, and the row names its user property. A parameter added without documentation fails
 * the build.
 */
class ReadmeParametersTest {

    static final String SHARED = "## Parameters of every goal";

    record Parameter(String goal, String name, String property) {}

    @Test
    void everyParameterOfEveryGoalHasARowThatNamesItsUserProperty() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<Parameter> parameters = parameters(Path.of("target/classes/META-INF/maven/plugin.xml"));
        assertThat(parameters)
                .extracting(Parameter::goal)
                .contains("start-session", "terminate-session", "list-sessions");

        List<String> missing = new ArrayList<>();
        for (Parameter parameter : parameters) {
            Optional<String> row = row(section(readme, "## Parameters of `" + parameter.goal() + "`"), parameter.name())
                    .or(() -> row(section(readme, SHARED), parameter.name()));
            if (row.isEmpty()) {
                missing.add(parameter.goal() + ": no row for `" + parameter.name() + "`");
            } else if (parameter.property() != null && !row.get().contains("`" + parameter.property() + "`")) {
                missing.add(parameter.goal() + ": the row of `" + parameter.name() + "` does not name `"
                        + parameter.property() + "`");
            }
        }
        assertThat(missing).as("README parameter tables").isEmpty();
    }

    /** The editable parameters of every goal but help, with the user property of each (null when it has none). */
    static List<Parameter> parameters(Path descriptor) throws Exception {
        Document plugin =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor.toFile());
        List<Parameter> parameters = new ArrayList<>();
        NodeList mojos = plugin.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = text(mojo, "goal");
            if (goal.equals("help")) {
                continue;
            }
            Element configuration =
                    (Element) mojo.getElementsByTagName("configuration").item(0);
            NodeList declared =
                    ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
            for (int j = 0; j < declared.getLength(); j++) {
                Element parameter = (Element) declared.item(j);
                if (!"true".equals(text(parameter, "editable"))) {
                    continue;
                }
                String name = text(parameter, "name");
                NodeList configured = configuration.getElementsByTagName(name);
                String expression = configured.getLength() == 0
                        ? ""
                        : configured.item(0).getTextContent().trim();
                String property =
                        expression.matches("\\$\\{[^}]+}") ? expression.substring(2, expression.length() - 1) : null;
                parameters.add(new Parameter(goal, name, property));
            }
        }
        return parameters;
    }

    /** The text from the heading to the next heading of the same or a higher level. */
    static String section(String readme, String heading) {
        int start = readme.indexOf("\n" + heading + "\n");
        if (start < 0) {
            return "";
        }
        int end = readme.indexOf("\n## ", start + heading.length() + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    static Optional<String> row(String section, String parameter) {
        return section.lines()
                .filter(line -> line.startsWith("| `" + parameter + "`"))
                .findFirst();
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }
}
