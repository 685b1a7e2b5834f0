package io.mvtrx.runtime.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The bundled copy of the reference simulation_0.xml as text, and validation of edited copies. */
final class ReferenceXml {

    private ReferenceXml() {
    }

    static String text() {
        try (InputStream input = SimulationConfigs.embeddedDefault()) {
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference with {@code target} replaced once; fails if it does not occur exactly once. */
    static String replacing(String target, String replacement) {
        return replacing(text(), target, replacement);
    }

    static String replacing(String xml, String target, String replacement) {
        int first = xml.indexOf(target);
        if (first < 0 || xml.indexOf(target, first + 1) >= 0) {
            throw new IllegalArgumentException("'" + target + "' must occur exactly once in the document");
        }
        return xml.substring(0, first) + replacement + xml.substring(first + target.length());
    }

    static ValidationReport validate(String xml) {
        return validate(xml, TestCatalog.reference());
    }

    static ValidationReport validate(String xml, TestCatalog catalog) {
        return SimulationConfigs.validate("test.xml",
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), catalog);
    }

    static List<String> formatted(ValidationReport report) {
        return report.problems().stream().map(ConfigProblem::format).toList();
    }
}
