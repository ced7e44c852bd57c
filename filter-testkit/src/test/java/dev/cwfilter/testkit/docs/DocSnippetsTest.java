package dev.cwfilter.testkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java example of the README and the user documentation shows its imports, and compiles as a user would paste
 * it: the {@code import} lines of the example, then its other lines in a method (or, when they start with an
 * annotation, in the class). The only names an example may use without importing them are those of
 * {@link DocSnippetContext} ({@code filter}, {@code alarm}, {@code message}, {@code events}, {@code record},
 * {@code rules}, ...). The examples of filter-aws and filter-flink show their imports but are not compiled here: those
 * modules are not on the testkit's class path.
 */
class DocSnippetsTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    /** The documents whose every Java example must show its imports and compile. */
    private static final List<String> DOCUMENTS = List.of("README.md", "docs/testkit.md", "docs/events.md",
            "docs/flink.md", "docs/aws.md");

    /** Imports of modules that are not on this class path: such an example is not compiled here. */
    private static final List<String> ELSEWHERE = List.of("dev.cwfilter.aws.", "dev.cwfilter.flink.",
            "org.apache.flink.");

    /** How many examples are not compiled here (Flink: README 1, flink.md 2; AWS: events.md 1, aws.md 1). */
    private static final int NOT_COMPILED_HERE = 5;

    record Snippet(String document, int line, List<String> imports, List<String> body) {
        boolean elsewhere() {
            return imports.stream().anyMatch(i -> ELSEWHERE.stream().anyMatch(i::contains));
        }

        boolean classBody() {
            return !body.isEmpty() && body.get(0).strip().startsWith("@");
        }
    }

    static List<Snippet> snippets(String document) throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve(document));
        List<Snippet> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            int start = i + 1;
            List<String> imports = new ArrayList<>();
            List<String> body = new ArrayList<>();
            for (i = start; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                String line = lines.get(i);
                if (line.startsWith("import ")) {
                    imports.add(line);
                } else if (!(body.isEmpty() && line.isBlank())) {
                    body.add(line);
                }
            }
            out.add(new Snippet(document, start + 1, imports, body));
        }
        return out;
    }

    @Test
    void everyExampleOfTheDocumentationShowsItsImportsAndCompiles(@TempDir Path dir) throws IOException {
        List<Snippet> all = new ArrayList<>();
        for (String document : DOCUMENTS) {
            List<Snippet> snippets = snippets(document);
            assertThat(snippets).as(document).isNotEmpty();
            assertThat(snippets).as("examples of %s without their imports", document)
                    .filteredOn(s -> s.imports().isEmpty()).extracting(Snippet::line).isEmpty();
            all.addAll(snippets);
        }
        assertThat(all.stream().filter(Snippet::elsewhere).count()).as("examples not compiled here")
                .isEqualTo(NOT_COMPILED_HERE);
        all.removeIf(Snippet::elsewhere);
        assertThat(compile(all, dir)).isEmpty();
    }

    @Test
    void theSetUpPomIsTheConsumerProjectThatEveryBuildBuildsAndTests() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/testkit.md"));
        int start = doc.indexOf("```xml\n<?xml");
        assertThat(start).as("the complete pom.xml in docs/testkit.md").isPositive();
        String shown = doc.substring(start + "```xml\n".length(), doc.indexOf("\n```", start) + 1);
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        java.util.regex.Matcher version = java.util.regex.Pattern
                .compile("<artifactId>cwfilter-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(parent);
        assertThat(version.find()).isTrue();
        String built = Files.readString(ROOT.resolve("filter-testkit/src/it/consumer-junit-5.10/pom.xml"))
                .replace("@project.version@", version.group(1));

        assertThat(shown).isEqualTo(built);
    }

    @Test
    void anExampleWithAMissingImportIsReportedWithItsPlace(@TempDir Path dir) throws IOException {
        Snippet missing = new Snippet("docs/example.md", 7, List.of("import static dev.cwfilter.testkit.FilterAssertions.*;"),
                List.of("assertThatAlarm(alarm).fedBy(filter).givenEvents(at(\"12:03:14\", getSecretValue()))",
                        "        .goesTo(ALARM).at(\"12:04\");"));

        assertThat(compile(List.of(missing), dir)).singleElement().asString()
                .startsWith("docs/example.md, the example at line 7:").contains("getSecretValue");
    }

    /** Compiles the examples, each as a class of its own; returns one message per error, naming the example. */
    private static List<String> compile(List<Snippet> snippets, Path dir) throws IOException {
        List<Path> sources = new ArrayList<>();
        for (int n = 0; n < snippets.size(); n++) {
            Snippet s = snippets.get(n);
            StringBuilder src = new StringBuilder("package docs;\n");
            s.imports().forEach(i -> src.append(i).append('\n'));
            src.append("class Example").append(n).append(" extends dev.cwfilter.testkit.docs.DocSnippetContext {\n");
            if (!s.classBody()) {
                src.append("void example() throws Exception {\n");
            }
            s.body().forEach(l -> src.append(l).append('\n'));
            src.append(s.classBody() ? "}\n" : "}\n}\n");
            Path file = dir.resolve("docs/Example" + n + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, src);
            sources.add(file);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-proc:none", "-d", dir.resolve("classes").toString(), "-cp",
                    System.getProperty("java.class.path"));
            javac.getTask(new StringWriter(), files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources))
                    .call();
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String name = Path.of(d.getSource().toUri()).getFileName().toString();
            Snippet s = snippets.get(Integer.parseInt(name.replaceAll("\\D", "")));
            errors.add(s.document() + ", the example at line " + s.line() + ": " + d.getMessage(Locale.ROOT)
                    + " (example line " + (d.getLineNumber() - s.imports().size() - (s.classBody() ? 2 : 3)) + ")");
        }
        return errors;
    }
}
