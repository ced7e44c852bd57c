package dev.cwfilter.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published filter-core jar carries its own ANTLR: the runtime and the generated parser are relocated under
 * {@code dev.cwfilter.internal.shaded}, and the published POM does not depend on antlr4-runtime, so a user whose
 * application uses another ANTLR version never meets a clash. Runs after {@code package}, against the real jar.
 */
class ShadedJarIT {

    private static final Path JAR = Path.of(System.getProperty("cwfilter.shadedJar"));
    private static final Path REDUCED_POM = Path.of(System.getProperty("cwfilter.reducedPom"));

    @Test
    void jarHoldsTheRelocatedRuntimeAndParserAndNothingUnderOrgAntlr() throws IOException {
        List<String> names = Jars.names(JAR);
        assertThat(names).noneMatch(n -> n.startsWith("org/antlr/"));
        assertThat(names).noneMatch(n -> n.startsWith("dev/cwfilter/internal/grammar/"));
        assertThat(names).contains("dev/cwfilter/internal/shaded/antlr/Parser.class",
                "dev/cwfilter/internal/shaded/grammar/FilterParser.class",
                "dev/cwfilter/internal/shaded/grammar/FilterLexer.class",
                "dev/cwfilter/FilterPattern.class");
        assertThat(names).noneMatch(n -> n.startsWith("com/fasterxml/") || n.startsWith("com/datadoghq/"));
        assertThat(Jars.manifestAttribute(JAR, "Automatic-Module-Name")).isEqualTo("dev.cwfilter.core");
    }

    @Test
    void publishedPomDependsOnJacksonAndTheSketchButNotOnAntlrOrTheGrammar() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(REDUCED_POM.toFile());
        NodeList dependencies = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate("/project/dependencies/dependency[not(scope='test')]/artifactId", pom,
                        XPathConstants.NODESET);
        List<String> runtime = new ArrayList<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            runtime.add(dependencies.item(i).getTextContent().trim());
        }
        assertThat(runtime).containsExactlyInAnyOrder("jackson-core", "sketches-java");
    }

    @Test
    void applicationWithAnotherAntlrVersionCompilesAndMatchesPatterns(@TempDir Path dir) throws Exception {
        String clashVersion = System.getProperty("cwfilter.clashVersion");
        String classpath = String.join(File.pathSeparator, JAR.toString(), System.getProperty("cwfilter.clashJar"),
                System.getProperty("cwfilter.jacksonJar"));
        Path source = dir.resolve("ClashApp.java");
        Files.writeString(source, """
                import dev.cwfilter.FilterPattern;
                import dev.cwfilter.FilterPatternException;
                import org.antlr.v4.runtime.CharStreams;
                import org.antlr.v4.runtime.RuntimeMetaData;

                public class ClashApp {
                    public static void main(String[] args) {
                        // The application's own ANTLR, a different version, used beside cwfilter.
                        System.out.println("antlr " + RuntimeMetaData.VERSION + " "
                                + CharStreams.fromString("user grammar input").size());
                        FilterPattern p = FilterPattern.compile("{$.eventName=\\"GetSecretValue\\"}");
                        System.out.println("pattern " + p);
                        System.out.println("match " + p.matches("{\\"eventName\\":\\"GetSecretValue\\"}"));
                        System.out.println("no match " + p.matches("{\\"eventName\\":\\"ListSecrets\\"}"));
                        try {
                            FilterPattern.compile("{ $.a = }");
                        } catch (FilterPatternException e) {
                            System.out.println("error " + e.reason());
                        }
                    }
                }
                """);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-classpath", classpath, "-d", dir.toString(), source.toString());
        assertThat(status).as("javac exit status").isZero();

        String output = Jars.runJava("-cp", dir + File.pathSeparator + classpath, "ClashApp");
        assertThat(output.lines()).containsExactly(
                "antlr " + clashVersion + " 18",
                "pattern { $.eventName = \"GetSecretValue\" }",
                "match true",
                "no match false",
                "error expected a value after '=', found '}'");
    }
}
