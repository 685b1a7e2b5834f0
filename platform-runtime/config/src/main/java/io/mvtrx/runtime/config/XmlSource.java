package io.mvtrx.runtime.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.mvtrx.api.settings.Settings;

/**
 * Reads a configuration document into a {@link SourceElement} tree with the line and column of every start tag.
 *
 * <p>Security: the JDK's own StAX parser is used with DTD support and external entities switched off, and a
 * document that carries a {@code <!DOCTYPE>} is refused outright, so no entity (internal or external) is ever
 * expanded and nothing outside the document is read. Input is limited to {@link #MAX_BYTES}.
 *
 * <p>Positions: StAX reports the line and column where a start tag ends; the reader keeps the decoded text and
 * walks back to the tag's {@code <} (a start tag cannot contain a literal {@code <}), so every element is located at
 * its first character.
 *
 * <p>Stateless; each call reads one document. Cost: the document is held in memory twice (text and tree).
 */
final class XmlSource {

    /** Largest document accepted. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml[^>]*\\bencoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    private XmlSource() {
    }

    /** A parsed document, or the single problem that stopped parsing. */
    sealed interface Result {
    }

    /** The document's root element. */
    record Parsed(SourceElement root) implements Result {
    }

    /** Why the document could not be read. */
    record Failed(ConfigProblem problem) implements Result {
    }

    /** Reads and parses a whole stream; never throws for bad content. */
    static Result read(InputStream input) {
        byte[] bytes;
        try {
            bytes = input.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            return failed(0, 0, "", String.format("cannot read the document: %s", e.getMessage()));
        }
        if (bytes.length > MAX_BYTES) {
            return failed(0, 0, "", String.format("the document is larger than %d bytes", MAX_BYTES));
        }
        String text;
        try {
            text = decode(bytes);
        } catch (CharacterCodingException | IllegalCharsetNameException | UnsupportedCharsetException e) {
            return failed(0, 0, "", String.format("cannot decode the document: %s", e));
        }
        return parse(text);
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        int offset = 0;
        Charset charset = StandardCharsets.UTF_8;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            offset = 3;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            offset = 2;
            charset = StandardCharsets.UTF_16BE;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            offset = 2;
            charset = StandardCharsets.UTF_16LE;
        } else {
            String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
            Matcher declared = DECLARED_ENCODING.matcher(head);
            if (declared.find()) {
                charset = Charset.forName(declared.group(1));
            }
        }
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                .toString();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Parses decoded document text. */
    static Result parse(String text) {
        Positions positions = new Positions(text);
        Deque<Pending> open = new ArrayDeque<>();
        Pending root = null;
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(new StringReader(text));
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> {
                        int[] at = positions.of(Math.max(0, text.indexOf("<!DOCTYPE")));
                        return failed(at[0], at[1], "/",
                                "<!DOCTYPE> is not allowed: DTDs and entities are disabled in configuration files");
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        int[] at = positions.tagStart(reader.getLocation());
                        Pending element = new Pending(reader.getLocalName(), at[0], at[1]);
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            element.builder.attribute(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                        }
                        if (open.isEmpty()) {
                            root = element;
                        } else {
                            open.peek().add(element);
                        }
                        open.push(element);
                    }
                    case XMLStreamConstants.END_ELEMENT -> open.pop();
                    default -> {
                        // text, comments, processing instructions: the format carries everything in attributes
                    }
                }
            }
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            int line = at == null ? 0 : Math.max(0, at.getLineNumber());
            int column = at == null ? 0 : Math.max(0, at.getColumnNumber());
            return failed(line, column, open.isEmpty() ? "/" : pathOf(open),
                    String.format("malformed XML (column %d): %s", column, parserMessage(e)));
        } finally {
            close(reader);
        }
        if (root == null) {
            return failed(1, 1, "/", "the document has no root element");
        }
        return new Parsed(root.toSource(root.builder.build(), "/" + root.name));
    }

    private static XMLInputFactory factory() {
        // newDefaultFactory: the JDK's parser, whatever StAX implementation happens to be on the path
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not allowed: " + systemId);
        });
        return factory;
    }

    private static String parserMessage(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message: ");
        return (at >= 0 ? message.substring(at + "Message: ".length()) : message).strip();
    }

    private static String pathOf(Deque<Pending> open) {
        StringBuilder path = new StringBuilder();
        var elements = open.descendingIterator();
        while (elements.hasNext()) {
            path.append('/').append(elements.next().name);
        }
        return path.toString();
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing was opened beyond the in-memory reader
            }
        }
    }

    private static Failed failed(int line, int column, String path, String message) {
        return new Failed(new ConfigProblem(line, column, path, message));
    }

    /** An element being read; turned into a {@link SourceElement} once the settings tree is built. */
    private static final class Pending {

        private final String name;
        private final int line;
        private final int column;
        private final Settings.Builder builder;
        private final List<Pending> children = new ArrayList<>();

        Pending(String name, int line, int column) {
            this.name = name;
            this.line = line;
            this.column = column;
            this.builder = Settings.builder(name);
        }

        void add(Pending child) {
            children.add(child);
            builder.child(child.builder);
        }

        SourceElement toSource(Settings settings, String path) {
            Map<String, Integer> counts = new HashMap<>();
            for (Pending child : children) {
                counts.merge(child.name, 1, Integer::sum);
            }
            Map<String, Integer> seen = new HashMap<>();
            List<SourceElement> built = new ArrayList<>(children.size());
            for (int i = 0; i < children.size(); i++) {
                Pending child = children.get(i);
                String childPath = path + "/" + child.name;
                if (counts.get(child.name) > 1) {
                    childPath += "[" + seen.merge(child.name, 1, Integer::sum) + "]";
                }
                built.add(child.toSource(settings.children().get(i), childPath));
            }
            return new SourceElement(name, path, line, column, settings, built);
        }
    }

    /** Maps character offsets of the decoded text to 1-based lines and columns (CR, LF and CRLF end a line). */
    private static final class Positions {

        private final String text;
        private final int[] lineStarts;

        Positions(String text) {
            this.text = text;
            int[] starts = new int[16];
            int count = 0;
            starts[count++] = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    continue;
                }
                if (c == '\r' || c == '\n') {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count * 2);
                    }
                    starts[count++] = i + 1;
                }
            }
            this.lineStarts = Arrays.copyOf(starts, count);
        }

        /**
         * Line and column of the start tag that ends at {@code end}; falls back to the parser's own position when
         * the offset does not point just past a {@code >}.
         */
        int[] tagStart(Location end) {
            // the parser's line and column are exact; its character offset is not (it can run one ahead)
            int line = end.getLineNumber();
            int offset = -1;
            if (line >= 1 && line <= lineStarts.length) {
                offset = lineStarts[line - 1] + end.getColumnNumber() - 1;
            }
            if (offset > 0 && offset <= text.length() && text.charAt(offset - 1) == '>') {
                int start = text.lastIndexOf('<', offset - 1);
                if (start >= 0) {
                    return of(start);
                }
            }
            return new int[] {Math.max(0, end.getLineNumber()), Math.max(0, end.getColumnNumber())};
        }

        /** Line and column of a character offset. */
        int[] of(int offset) {
            int line = Arrays.binarySearch(lineStarts, offset);
            if (line < 0) {
                line = -line - 2;
            }
            return new int[] {line + 1, offset - lineStarts[line] + 1};
        }
    }
}
