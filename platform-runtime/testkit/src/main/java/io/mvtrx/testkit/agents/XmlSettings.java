package io.mvtrx.testkit.agents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import io.mvtrx.api.settings.Settings;

import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads a simulation XML (the upstream format, e.g. the live {@code simulation_0.xml}) into {@link Settings} with the
 * JDK DOM parser, attributes as written and paths from the document root.
 *
 * {@snippet :
 * Settings stylized = XmlSettings.agent(getClass().getResourceAsStream("/simulation_0.xml"), "StylizedTraderAgent");
 * }
 */
public final class XmlSettings {

    private XmlSettings() {
    }

    /** The whole document as a settings tree rooted at its document element. */
    public static Settings read(InputStream xml) {
        if (xml == null) {
            throw new IllegalArgumentException("no XML stream (resource not found?)");
        }
        try (xml) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setExpandEntityReferences(false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder().parse(xml).getDocumentElement();
            return builder(root).build();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalArgumentException("cannot parse simulation XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read simulation XML", e);
        }
    }

    /**
     * The first {@code <Agents>} child named {@code element} of the document's root.
     *
     * @throws IllegalArgumentException if the document has no such agent element
     */
    public static Settings agent(InputStream xml, String element) {
        Settings root = read(xml);
        return root.child("Agents")
                .flatMap(agents -> agents.child(element))
                .orElseThrow(() -> new IllegalArgumentException(String.format(
                        "%s has no <Agents>/<%s> element", root.path(), element)));
    }

    private static Settings.Builder builder(Element element) {
        Settings.Builder builder = Settings.builder(element.getTagName());
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            builder.attribute(attribute.getNodeName(), attribute.getNodeValue());
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                builder.child(builder(child));
            }
        }
        return builder;
    }
}
