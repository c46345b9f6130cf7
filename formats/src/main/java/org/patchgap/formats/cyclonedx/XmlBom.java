package org.patchgap.formats.cyclonedx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The XML syntax: a walk over the DOM of the document in the CycloneDX namespace of its root element, reading
 * only what the core model needs. Elements of other namespaces (CycloneDX extensions) are ignored. DTDs are
 * refused, so no entity in an SBOM can reach the file system or the network.
 */
final class XmlBom {

    /** Nesting depth of components that is read; Jackson's default nesting limit bounds JSON alike. */
    static final int MAX_DEPTH = 500;

    private XmlBom() {}

    static ReadResult<Target> read(Path file, byte[] bytes) throws BadInputException {
        Element bom = parse(file, bytes).getDocumentElement();
        String namespace = bom.getNamespaceURI();
        if (!"bom".equals(bom.getLocalName()) || namespace == null
                || !namespace.startsWith(CycloneDxReader.XML_NAMESPACE_PREFIX)) {
            throw new BadInputException(new Location(file.toString(), "/" + bom.getNodeName()),
                    "expected the CycloneDX root element <bom xmlns=\"" + CycloneDxReader.XML_NAMESPACE_PREFIX
                            + "1.x\">, found <" + bom.getNodeName() + "> in namespace " + namespace);
        }
        BomCollector collector = new BomCollector(file);
        Element metadata = child(bom, namespace, "metadata");
        Element subject = metadata == null ? null : child(metadata, namespace, "component");
        if (subject != null) {
            collector.subject(attribute(subject, "type"), childText(subject, namespace, "name"),
                    childText(subject, namespace, "version"));
            component(collector, subject, namespace, "/bom/metadata/component", true, 0);
        }
        Element components = child(bom, namespace, "components");
        if (components != null) {
            walk(collector, components, namespace, "/bom/components", 0);
        }
        return collector.result();
    }

    private static Document parse(Path file, byte[] bytes) throws BadInputException {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            // The default handler prints to stderr before throwing; this one only throws.
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            throw new BadInputException(new Location(file.toString(),
                    "line " + e.getLineNumber() + ", column " + e.getColumnNumber()), "malformed XML: " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new BadInputException(Location.of(file.toString()), "malformed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a required security feature", e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    private static void walk(BomCollector collector, Element components, String namespace, String path, int depth) {
        int position = 0;
        for (Element component : children(components, namespace, "component")) {
            position++;
            component(collector, component, namespace, path + "/component[" + position + "]", false, depth);
        }
    }

    /** {@code subject}: the BOM's own component, listed only when it has a purl or a CPE (see BomCollector#subject). */
    private static void component(BomCollector collector, Element component, String namespace, String path,
            boolean subject, int depth) {
        String purl = childText(component, namespace, "purl");
        String cpe = childText(component, namespace, "cpe");
        if (!subject || purl != null || cpe != null) {
            collector.component(path, childText(component, namespace, "name"),
                    childText(component, namespace, "version"), purl, cpe);
        }
        Element nested = child(component, namespace, "components");
        if (nested == null) {
            return;
        }
        if (depth >= MAX_DEPTH) {
            // Unlike Jackson, the JDK's DOM parser has no nesting limit; recursion must not overflow the stack.
            collector.problem(path + "/components", "components nested deeper than " + MAX_DEPTH + " levels; skipped");
            return;
        }
        walk(collector, nested, namespace, path + "/components", depth + 1);
    }

    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI())) {
                found.add(e);
            }
        }
        return found;
    }

    private static @Nullable Element child(Element parent, String namespace, String localName) {
        List<Element> found = children(parent, namespace, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    private static @Nullable String childText(Element parent, String namespace, String localName) {
        Element child = child(parent, namespace, localName);
        if (child == null) {
            return null;
        }
        String text = child.getTextContent().strip();
        return text.isEmpty() ? null : text;
    }

    private static @Nullable String attribute(Element element, String name) {
        String value = element.getAttribute(name);
        return value.isEmpty() ? null : value;
    }
}
