package io.mvtrx.runtime.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class XmlSourceTest {

    @TempDir
    Path folder;

    @Test
    void elementsAreLocatedAtTheirOpeningBracket() {
        SourceElement root = parsed("<a>\n  <b x=\"1>2\"/><c\n\ty=\"2\"></c>\n\t\t  <d/>\n</a>");

        assertThat(root.line()).isEqualTo(1);
        assertThat(root.column()).isEqualTo(1);
        assertThat(root.children()).extracting(SourceElement::name, SourceElement::line, SourceElement::column)
                .containsExactly(
                        tuple("b", 2, 3),
                        tuple("c", 2, 15),
                        tuple("d", 4, 5));
    }

    @Test
    void windowsLineEndsCountAsOneLine() {
        SourceElement root = parsed("<?xml version=\"1.0\"?>\r\n<a>\r\n\r\n  <b\r\n y=\"1\"/>\r\n</a>");

        assertThat(root.line()).isEqualTo(2);
        assertThat(root.children().getFirst().line()).isEqualTo(4);
        assertThat(root.children().getFirst().column()).isEqualTo(3);
    }

    @Test
    void attributesAndChildrenBecomeSettings() {
        SourceElement root = parsed("<a k=\"v &amp; w\"><b n=\"1\"/><b n=\"2\"/><c/></a>");

        assertThat(root.settings().attributes()).containsExactly(Map.entry("k", "v & w"));
        assertThat(root.settings().children("b")).extracting(s -> s.string("n")).containsExactly("1", "2");
        assertThat(root.children().get(2).settings().path()).isEqualTo("/a/c");
    }

    @Test
    void siblingsThatShareANameCarryTheirPositionInThePath() {
        SourceElement root = parsed("<a><b/><c/><b><d/></b></a>");

        assertThat(root.children()).extracting(SourceElement::path).containsExactly("/a/b[1]", "/a/c", "/a/b[2]");
        assertThat(root.children().get(2).children().getFirst().path()).isEqualTo("/a/b[2]/d");
        assertThat(root.children().get(2).children().getFirst().settings().path()).isEqualTo("/a/b/d");
    }

    @Test
    void malformedXmlIsOneProblemWithLineColumnAndTheParserMessage() {
        XmlSource.Result result = XmlSource.read(stream("<a>\n  <b x=\"1\">\n  </c>\n</a>"));

        assertThat(result).isEqualTo(new XmlSource.Failed(new ConfigProblem(3, 5, "/a/b",
                "malformed XML (column 5): The element type \"b\" must be terminated by the matching end-tag "
                        + "\"</b>\".")));
        assertThat(((XmlSource.Failed) result).problem().format()).isEqualTo("line 3: /a/b: malformed XML "
                + "(column 5): The element type \"b\" must be terminated by the matching end-tag \"</b>\".");
    }

    @Test
    void emptyDocumentIsMalformed() {
        XmlSource.Result result = XmlSource.read(stream(""));

        assertThat(result).isInstanceOfSatisfying(XmlSource.Failed.class, failed -> {
            assertThat(failed.problem().path()).isEqualTo("/");
            assertThat(failed.problem().message()).startsWith("malformed XML");
        });
    }

    @Test
    void externalEntityIsRefusedAndNothingIsRead() throws IOException {
        Path secret = folder.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE Simulation [<!ENTITY xxe SYSTEM \"" + secret.toUri()
                + "\">]>\n<Simulation step=\"&xxe;\">&xxe;</Simulation>";

        ValidationReport report = SimulationConfigs.validate("xxe.xml", stream(xml), TestCatalog.reference());

        assertThat(report.config()).isEmpty();
        assertThat(ReferenceXml.formatted(report)).containsExactly("line 2: /: <!DOCTYPE> is not allowed: DTDs and "
                + "entities are disabled in configuration files");
        assertThat(report.format()).doesNotContain("TOP-SECRET");
    }

    @Test
    void internalEntityExpansionIsRefusedToo() {
        String xml = "<!DOCTYPE a [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]><a x=\"&lol2;\"/>";

        assertThat(XmlSource.read(stream(xml))).isEqualTo(new XmlSource.Failed(new ConfigProblem(1, 1, "/",
                "<!DOCTYPE> is not allowed: DTDs and entities are disabled in configuration files")));
    }

    @Test
    void declaredEncodingIsHonoured() {
        byte[] latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a n=\"caf\u00e9\"/>"
                .getBytes(StandardCharsets.ISO_8859_1);

        XmlSource.Result result = XmlSource.read(new ByteArrayInputStream(latin1));

        assertThat(result).isInstanceOfSatisfying(XmlSource.Parsed.class,
                parsed -> assertThat(parsed.root().settings().string("n")).isEqualTo("caf\u00e9"));
    }

    @Test
    void bytesThatAreNotUtf8AreOneProblem() {
        byte[] bytes = {'<', 'a', ' ', 'n', '=', '"', (byte) 0xE9, '"', '/', '>'};

        XmlSource.Result result = XmlSource.read(new ByteArrayInputStream(bytes));

        assertThat(result).isInstanceOfSatisfying(XmlSource.Failed.class,
                failed -> assertThat(failed.problem().message()).startsWith("cannot decode the document: "));
    }

    @Test
    void oversizedDocumentIsRefused() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }
        };

        assertThat(XmlSource.read(endless)).isEqualTo(new XmlSource.Failed(new ConfigProblem(0, 0, "",
                "the document is larger than 16777216 bytes")));
    }

    private static SourceElement parsed(String xml) {
        XmlSource.Result result = XmlSource.read(stream(xml));
        assertThat(result).isInstanceOf(XmlSource.Parsed.class);
        return ((XmlSource.Parsed) result).root();
    }

    private static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
