package org.patchgap.formats.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.formats.InventoryReader;
import org.patchgap.formats.support.Heads;
import org.patchgap.formats.support.Purls;

/**
 * A Maven {@code pom.xml}: the dependencies it declares, with versions resolved from {@code ${properties}} of the
 * same file (and the project's own coordinates) and from its {@code dependencyManagement}. What only the parent
 * POM, an imported BOM or dependency mediation knows is not known here: such dependencies are listed without a
 * version and a problem says so. Transitive dependencies need a resolved SBOM or a lock file.
 */
public final class PomReader implements InventoryReader {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    @Override
    public String name() {
        return "maven-pom";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        return Heads.fileName(file).equals("pom.xml") && (head.length == 0 || Heads.text(head).contains("<project"));
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        Pom pom = parse(file);
        String source = file.toString();
        Map<String, String> managed = new HashMap<>();
        for (Dependency d : pom.managed) {
            String version = resolve(d.version, pom);
            if (version != null) {
                managed.putIfAbsent(resolve(d.groupId, pom) + ":" + resolve(d.artifactId, pom), version);
            }
        }
        List<Component> components = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Dependency d : pom.dependencies) {
            Location location = new Location(source, "line " + d.line);
            String groupId = resolve(d.groupId, pom);
            String artifactId = resolve(d.artifactId, pom);
            if (groupId == null || artifactId == null || groupId.contains("${") || artifactId.contains("${")) {
                problems.add(new Problem(location, "dependency without a resolvable groupId and artifactId; skipped"));
                continue;
            }
            String name = groupId + ":" + artifactId;
            String version = d.version == null ? managed.get(name) : resolve(d.version, pom);
            String why = null;
            if (version == null) {
                why = "version managed outside this file (parent POM or imported BOM)";
            } else if (version.contains("${")) {
                why = "version " + version + " uses a property not defined in this file";
            } else if (version.startsWith("[") || version.startsWith("(")) {
                why = "version range " + version + " is resolved at build time";
            }
            if (why != null) {
                problems.add(new Problem(location, name + ": " + why + "; listed without a version, not matched"));
                components.add(new Component("Maven", name, null, Purls.maven(groupId, artifactId, null), location));
            } else {
                components.add(new Component("Maven", name, version, Purls.maven(groupId, artifactId, version),
                        location));
            }
        }
        return new ReadResult<>(List.of(new Target(source, Target.Kind.APPLICATION, source, components)), problems);
    }

    /** Replaces {@code ${x}} from the POM's properties and coordinates; unknown properties stay as written. */
    private static @Nullable String resolve(@Nullable String value, Pom pom) {
        if (value == null) {
            return null;
        }
        String current = value.strip();
        for (int round = 0; round < 10 && current.contains("${"); round++) {
            Matcher m = PROPERTY.matcher(current);
            StringBuilder out = new StringBuilder();
            boolean changed = false;
            while (m.find()) {
                String replacement = pom.property(m.group(1));
                changed |= replacement != null;
                m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
            }
            m.appendTail(out);
            current = out.toString();
            if (!changed) {
                break;
            }
        }
        return current;
    }

    private static BadInputException notWellFormed(Path file, XMLStreamException e) {
        String place = e.getLocation() == null ? null : "line " + e.getLocation().getLineNumber();
        return new BadInputException(new Location(file.toString(), place), "not well-formed XML: "
                + String.valueOf(e.getMessage()).replaceAll("(?s)^ParseError at \\[row,col]:\\[\\d+,\\d+]\\s*Message: ", ""));
    }

    private static Pom parse(Path file) throws BadInputException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // A POM never needs a DTD; refusing them keeps external entities out.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Pom pom = new Pom();
        Deque<String> path = new ArrayDeque<>();
        StringBuilder text = new StringBuilder();
        Dependency dependency = null;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String local = xml.getLocalName();
                    if (path.isEmpty() && !local.equals("project")) {
                        throw new BadInputException(new Location(file.toString(), "line " + xml.getLocation().getLineNumber()),
                                "expected a Maven <project> root element, found <" + local + ">");
                    }
                    path.addLast(local);
                    text.setLength(0);
                    String at = String.join("/", path);
                    if (at.equals("project/dependencies/dependency")
                            || at.equals("project/dependencyManagement/dependencies/dependency")) {
                        dependency = new Dependency(xml.getLocation().getLineNumber());
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(xml.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String at = String.join("/", path);
                    String value = text.toString().strip();
                    pom.element(at, value, dependency);
                    if (at.equals("project/dependencies/dependency")) {
                        pom.dependencies.add(dependency);
                        dependency = null;
                    } else if (at.equals("project/dependencyManagement/dependencies/dependency")) {
                        pom.managed.add(dependency);
                        dependency = null;
                    }
                    path.removeLast();
                    text.setLength(0);
                }
            }
        } catch (XMLStreamException e) {
            throw notWellFormed(file, e);
        } catch (RuntimeException e) {
            // Woodstox (the StAX parser on the class path) reports some errors lazily, from getText(), as an
            // unchecked WstxLazyException around the XMLStreamException (the fuzzer found one: issue 15).
            if (e.getCause() instanceof XMLStreamException xml) throw notWellFormed(file, xml);
            throw e;
        } catch (NoSuchFileException e) {
            throw new BadInputException(Location.of(file.toString()), "no such file");
        } catch (IOException e) {
            throw new BadInputException(Location.of(file.toString()), "cannot read: " + e.getMessage(), e);
        }
        if (!pom.sawProject) {
            throw new BadInputException(Location.of(file.toString()), "expected a Maven <project> document");
        }
        return pom;
    }

    private static final class Dependency {
        final int line;
        @Nullable String groupId;
        @Nullable String artifactId;
        @Nullable String version;

        Dependency(int line) {
            this.line = line;
        }
    }

    private static final class Pom {
        final Map<String, String> properties = new LinkedHashMap<>();
        final Map<String, String> coordinates = new HashMap<>();
        final List<Dependency> dependencies = new ArrayList<>();
        final List<Dependency> managed = new ArrayList<>();
        boolean sawProject;

        void element(String at, String value, @Nullable Dependency dependency) {
            if (at.equals("project")) {
                sawProject = true;
            } else if (at.startsWith("project/properties/") && at.indexOf('/', "project/properties/".length()) < 0) {
                properties.put(at.substring("project/properties/".length()), value);
            } else if (dependency != null && at.endsWith("/dependency/groupId")) {
                dependency.groupId = value;
            } else if (dependency != null && at.endsWith("/dependency/artifactId")) {
                dependency.artifactId = value;
            } else if (dependency != null && at.endsWith("/dependency/version")) {
                dependency.version = value;
            } else if (at.equals("project/groupId") || at.equals("project/artifactId") || at.equals("project/version")
                    || at.equals("project/parent/groupId") || at.equals("project/parent/version")
                    || at.equals("project/parent/artifactId")) {
                coordinates.put(at.substring("project/".length()).replace('/', '.'), value);
            }
        }

        /** A property by name: the POM's own properties, then project coordinates (inherited from the parent). */
        @Nullable String property(String name) {
            String own = properties.get(name);
            if (own != null) {
                return own;
            }
            String key = name.startsWith("project.") ? name.substring("project.".length())
                    : name.startsWith("pom.") ? name.substring("pom.".length()) : name;
            String value = coordinates.get(key);
            if (value == null && (key.equals("groupId") || key.equals("version"))) {
                value = coordinates.get("parent." + key);
            }
            return value;
        }
    }
}
