package io.github.emrserverless.maven.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * docs/parameters.md, rendered from the plugin descriptor the build generates from the goals' Javadoc: the one
 * place a parameter is documented is its field.
 */
final class ParameterReference {

    /** An editable parameter of one goal: its user property and default are null when it has none. */
    record Parameter(
            String goal, String name, String property, String defaultValue, boolean required, String description) {

        /** The same parameter, as far as a reader of the reference can tell. */
        boolean sameAs(Parameter other) {
            return name.equals(other.name)
                    && Objects.equals(property, other.property)
                    && Objects.equals(defaultValue, other.defaultValue)
                    && required == other.required
                    && description.equals(other.description);
        }
    }

    record Goal(String name, String description, List<Parameter> parameters) {}

    private ParameterReference() {}

    /** Every goal but help, in the descriptor's order, with its editable parameters. */
    static List<Goal> goals(Path descriptor) throws Exception {
        Document plugin =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor.toFile());
        List<Goal> goals = new ArrayList<>();
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
            List<Parameter> parameters = new ArrayList<>();
            for (int j = 0; j < declared.getLength(); j++) {
                Element parameter = (Element) declared.item(j);
                if (!"true".equals(text(parameter, "editable"))) {
                    continue;
                }
                String name = text(parameter, "name");
                NodeList configured = configuration.getElementsByTagName(name);
                Element value = configured.getLength() == 0 ? null : (Element) configured.item(0);
                String expression = value == null ? "" : value.getTextContent().trim();
                String defaultValue = value == null || !value.hasAttribute("default-value")
                        ? null
                        : value.getAttribute("default-value");
                parameters.add(new Parameter(
                        goal,
                        name,
                        expression.matches("\\$\\{[^}]+}") ? expression.substring(2, expression.length() - 1) : null,
                        defaultValue,
                        "true".equals(text(parameter, "required")),
                        text(parameter, "description")));
            }
            goals.add(new Goal(goal, text(mojo, "description"), parameters));
        }
        return goals;
    }

    static String markdown(List<Goal> goals) {
        List<Parameter> shared = shared(goals);
        StringBuilder out = new StringBuilder();
        out.append("# Parameters\n\n")
                .append("Generated from the plugin descriptor (the goals' Javadoc) by `DocumentationTest`: edit the")
                .append(" field's Javadoc, then run\n`./mvnw -B verify -Dinvoker.skip -DupdateDocs=true` to rewrite")
                .append(" this page. `mvn emr-serverless:help -Ddetail -Dgoal=<goal>`\nprints the same.\n\n")
                .append("Each value is checked before any call to AWS; a bad one fails naming the parameter, where its")
                .append(" value came from\n(POM, `-D`, a property) and what is allowed. Durations are ISO-8601")
                .append(" (`PT20M`) or a number with `ms`, `s`, `m` or\n`h` (`90s`, `20m`, `1h`). Explicit plugin")
                .append(" configuration wins over a `-D` property of the same parameter: leave a\nparameter out of")
                .append(" the POM to set it from the command line.\n\n");
        out.append("## Every goal\n\n");
        table(out, shared);
        for (Goal goal : goals) {
            out.append("\n## `").append(goal.name()).append("`\n\n");
            out.append(escape(goal.description())).append("\n\n");
            List<Parameter> own = goal.parameters().stream()
                    .filter(p -> shared.stream().noneMatch(p::sameAs))
                    .toList();
            out.append("Also the parameters of [every goal](#every-goal).\n\n");
            if (!own.isEmpty()) {
                table(out, own);
            }
        }
        return out.toString();
    }

    /** The parameters every goal has, alike in every goal. */
    private static List<Parameter> shared(List<Goal> goals) {
        Map<String, Parameter> shared = new LinkedHashMap<>();
        for (Parameter candidate : goals.get(0).parameters()) {
            if (goals.stream().allMatch(g -> g.parameters().stream().anyMatch(candidate::sameAs))) {
                shared.put(candidate.name(), candidate);
            }
        }
        return List.copyOf(shared.values());
    }

    private static void table(StringBuilder out, List<Parameter> parameters) {
        out.append("| Parameter | `-D` user property | Default | Description |\n|---|---|---|---|\n");
        for (Parameter p : parameters) {
            out.append("| `")
                    .append(p.name())
                    .append('`')
                    .append(p.required() ? " (required)" : "")
                    .append(" | ")
                    .append(p.property() == null ? "—" : "`" + p.property() + "`")
                    .append(" | ")
                    .append(p.defaultValue() == null ? "—" : "`" + p.defaultValue() + "`")
                    .append(" | ")
                    .append(escape(p.description()))
                    .append(" |\n");
        }
    }

    /** Plain descriptor text in a Markdown table cell: no HTML tags, no column breaks, one line. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace("<", "&lt;")
                .replace("|", "\\|")
                .replaceAll("\\s+", " ")
                .trim();
    }

    private static String text(Element element, String tag) {
        NodeList nodes = element.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }
}
