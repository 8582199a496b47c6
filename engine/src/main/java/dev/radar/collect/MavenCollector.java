package dev.radar.collect;

import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.model.Activation;
import org.apache.maven.model.BuildBase;
import org.apache.maven.model.InputLocation;
import org.apache.maven.model.InputSource;
import org.apache.maven.model.Model;
import org.apache.maven.model.Parent;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginContainer;
import org.apache.maven.model.Profile;
import org.apache.maven.model.io.xpp3.MavenXpp3ReaderEx;
import org.codehaus.plexus.util.xml.XmlStreamReader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/**
 * Reads {@code pom.xml} files with maven-model: every {@code <dependency>} (dependencies,
 * dependencyManagement with BOM imports, profiles, plugin-level dependencies) and the {@code <parent>},
 * each at the line of its opening tag. Properties are interpolated through the in-repo parent chain;
 * version-less dependencies take their version from inherited or imported dependencyManagement found in
 * the repository. What the repository cannot tell stays as declared, with an empty resolved version.
 */
public final class MavenCollector implements Collector {

    /** The encoding an XML prolog declares. */
    private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    @Override
    public String name() {
        return "maven";
    }

    @Override
    public boolean wants(String path) {
        return path.equals("pom.xml") || path.endsWith("/pom.xml");
    }

    @Override
    public void collect(RepoTree tree, List<String> paths, Facts out) {
        Map<String, Model> models = new LinkedHashMap<>();
        for (String path : paths) {
            parse(tree, path, out).ifPresent(m -> models.put(path, m));
        }
        Set<String> namedParents = readNamedParents(tree, models, out);
        new Project(tree, models, namedParents, out).emit();
    }

    /**
     * Reads the parents that a {@code <relativePath>} names as a file other than {@code pom.xml}
     * ({@code ../../samples-parent-pom.xml}), as Maven reads them, so their children inherit their properties and
     * managed versions; also their own parents so named. Their dependencies are not listed: only {@code pom.xml}
     * files are. Returns the paths read.
     */
    private Set<String> readNamedParents(RepoTree tree, Map<String, Model> models, Facts out) {
        Set<String> read = new LinkedHashSet<>();
        List<String> pending = new ArrayList<>(models.keySet());
        while (!pending.isEmpty()) {
            String path = pending.remove(pending.size() - 1);
            Parent p = models.get(path).getParent();
            String rel = p == null ? "" : trim(p.getRelativePath());
            String parent = rel.endsWith(".xml") ? RepoTree.resolve(Project.dir(path), rel) : null;
            if (parent != null && !wants(parent) && read.add(parent) && tree.contains(parent)) {
                parse(tree, parent, out).ifPresent(m -> {
                    models.put(parent, m);
                    pending.add(parent);
                });
            }
        }
        return read;
    }

    /**
     * The {@code -Dname=value} user properties of a {@code .mvn/maven.config} ({@code -Drevision=1.4.0},
     * {@code -D name=value}, {@code --define name=value}); a name alone is {@code true}, as on Maven's command line.
     * Lines starting with {@code #} are comments (Maven 3.9), whatever they mention.
     */
    static Map<String, String> userProperties(String config) {
        Map<String, String> props = new LinkedHashMap<>();
        List<String> words = words(config);
        for (int k = 0; k < words.size(); k++) {
            String w = words.get(k);
            String definition = null;
            if (w.startsWith("-D") && w.length() > 2) {
                definition = w.substring(2);
            } else if (w.startsWith("--define=")) {
                definition = w.substring("--define=".length());
            } else if ((w.equals("-D") || w.equals("--define")) && k + 1 < words.size()) {
                definition = words.get(++k);
            }
            if (definition == null || definition.isEmpty()) {
                continue;
            }
            int eq = definition.indexOf('=');
            if (eq != 0) {
                props.put(eq < 0 ? definition : definition.substring(0, eq), eq < 0 ? "true" : definition.substring(eq + 1));
            }
        }
        return props;
    }

    /**
     * The profiles a {@code .mvn/maven.config} selects by id ({@code -Pa,b}, {@code -P a}, {@code --activate-profiles
     * a}): {@code true} when activated, {@code false} when deactivated ({@code !a}, {@code -a}).
     */
    static Map<String, Boolean> profileSelection(String config) {
        Map<String, Boolean> selected = new LinkedHashMap<>();
        List<String> words = words(config);
        for (int k = 0; k < words.size(); k++) {
            String w = words.get(k);
            String ids = null;
            if (w.startsWith("-P") && w.length() > 2) {
                ids = w.substring(2);
            } else if (w.startsWith("--activate-profiles=")) {
                ids = w.substring("--activate-profiles=".length());
            } else if ((w.equals("-P") || w.equals("--activate-profiles")) && k + 1 < words.size()) {
                ids = words.get(++k);
            }
            if (ids == null) {
                continue;
            }
            for (String id : ids.split(",")) {
                String name = id.trim().replaceFirst("^[+?]", "");
                boolean off = name.startsWith("!") || name.startsWith("-");
                name = off ? name.substring(1).replaceFirst("^\\?", "") : name;
                if (!name.isEmpty()) {
                    selected.put(name, !off);
                }
            }
        }
        return selected;
    }

    /** The words of a {@code .mvn/maven.config}, quotes removed; lines starting with {@code #} are comments. */
    private static List<String> words(String config) {
        List<String> words = new ArrayList<>();
        for (String line : config.split("\\R")) {
            if (line.trim().startsWith("#")) {
                continue;
            }
            for (String w : line.trim().split("\\s+")) {
                if (!w.isEmpty()) {
                    words.add(w.length() > 1 && (w.startsWith("\"") && w.endsWith("\"") || w.startsWith("'") && w.endsWith("'"))
                            ? w.substring(1, w.length() - 1) : w);
                }
            }
        }
        return words;
    }

    private static Optional<Model> parse(RepoTree tree, String path, Facts out) {
        try {
            byte[] bytes = tree.readBytes(path);
            Reader reader = readAsText(bytes) ? textReader(bytes) : new XmlStreamReader(new ByteArrayInputStream(bytes));
            InputSource source = new InputSource();
            source.setLocation(path);
            return Optional.of(new MavenXpp3ReaderEx().read(reader, false, source));
        } catch (XmlPullParserException e) {
            out.problem(path, e.getLineNumber(), "POM is not well-formed XML: " + firstLine(e.getMessage()));
        } catch (IOException | RuntimeException e) {
            out.problem(path, 0, "POM could not be read: " + firstLine(e.getMessage()));
        }
        return Optional.empty();
    }

    /**
     * A POM read as {@link RepoTree#decode} reads text. One whose bytes are not all UTF-8 (a Latin-1 or GBK comment or
     * name in a POM whose prolog declares UTF-8 or no encoding) is read as Maven's reader reads it, each malformed byte
     * becoming U+FFFD, instead of the whole POM being dropped as "not UTF-8 text": Maven builds it. Bytes with a NUL
     * (a binary file, or NUL characters) are not text at all and stay a problem.
     */
    private static Reader textReader(byte[] bytes) throws IOException {
        try {
            return new StringReader(RepoTree.decode(bytes));
        } catch (IOException notText) {
            for (byte b : bytes) {
                if (b == 0) {
                    throw notText;
                }
            }
            return new XmlStreamReader(new ByteArrayInputStream(bytes));
        }
    }

    /**
     * Whether a POM is read as {@link RepoTree#decode} reads text (UTF-8, XML's default, or UTF-16 after its byte-order
     * mark): no other encoding in its prolog. Others ({@code <?xml version="1.0" encoding="ISO-8859-1"?>}) are decoded
     * as declared, as Maven does.
     */
    static boolean readAsText(byte[] bytes) {
        int from = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        String head = new String(bytes, from, Math.min(bytes.length - from, 200), StandardCharsets.ISO_8859_1);
        if (!head.startsWith("<?xml")) {
            return true;
        }
        int end = head.indexOf("?>");
        Matcher m = ENCODING.matcher(end < 0 ? head : head.substring(0, end));
        return !m.find() || m.group(1).equalsIgnoreCase("UTF-8") || m.group(1).equalsIgnoreCase("UTF8");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        String first = nl < 0 ? message : message.substring(0, nl);
        int pos = first.indexOf(" (position:");
        return (pos > 0 ? first.substring(0, pos) : first).trim();
    }

    /** All POMs of one repository with their parent links, interpolation contexts and managed versions. */
    private static final class Project {
        private final RepoTree tree;
        private final Map<String, Model> models;
        /** Parents read only because a relativePath names them; their own dependencies are not listed. */
        private final Set<String> namedParents;
        private final Facts out;
        private final Map<String, String> byCoordinates = new HashMap<>();
        private final Map<String, Optional<String>> parents = new HashMap<>();
        private final Map<String, Map<String, String>> properties = new HashMap<>();
        private final Map<String, Map<String, String>> declared = new HashMap<>();
        private final Map<String, Map<String, String>> managed = new HashMap<>();
        private final Map<String, Map<String, String>> written = new HashMap<>();
        /** The {@code .mvn/maven.config} a folder's build runs with, by folder. */
        private final Map<String, MavenConfig> configs = new HashMap<>();

        Project(RepoTree tree, Map<String, Model> models, Set<String> namedParents, Facts out) {
            this.tree = tree;
            this.models = models;
            this.namedParents = namedParents;
            this.out = out;
            for (var e : models.entrySet()) {
                Model m = e.getValue();
                String group = m.getGroupId() != null ? m.getGroupId() : m.getParent() != null ? m.getParent().getGroupId() : null;
                if (group != null && m.getArtifactId() != null) {
                    byCoordinates.putIfAbsent(group.trim() + ":" + m.getArtifactId().trim(), e.getKey());
                }
            }
        }

        void emit() {
            for (var e : models.entrySet()) {
                if (!namedParents.contains(e.getKey())) {
                    emit(e.getKey(), e.getValue());
                }
            }
        }

        /** The path of the in-repo parent POM, by relativePath first and by coordinates second. */
        Optional<String> parentOf(String path) {
            Optional<String> known = parents.get(path);
            if (known != null) {
                return known;
            }
            Parent p = models.get(path).getParent();
            Optional<String> found = Optional.empty();
            if (p != null) {
                String wanted = trim(p.getGroupId()) + ":" + trim(p.getArtifactId());
                String rel = p.getRelativePath() == null ? "../pom.xml" : p.getRelativePath().trim();
                if (!rel.isEmpty()) {
                    String candidate = RepoTree.resolve(dir(path), rel.endsWith(".xml") ? rel : rel + "/pom.xml");
                    Model m = candidate == null ? null : models.get(candidate);
                    if (m != null && (trim(p.getArtifactId()).isEmpty() || wanted.equals(coordinates(m)))) {
                        found = Optional.of(candidate);
                    }
                }
                if (found.isEmpty() && byCoordinates.containsKey(wanted) && !byCoordinates.get(wanted).equals(path)) {
                    found = Optional.of(byCoordinates.get(wanted));
                }
            }
            parents.put(path, found);
            return found;
        }

        /**
         * The user properties a POM's build gets from the nearest {@code .mvn/maven.config} at or above its folder,
         * the file Maven reads from the top folder of a multi-module build (CI-friendly {@code -Drevision=..}).
         */
        private Map<String, String> userPropertiesOf(String dir) {
            return configOf(dir).properties();
        }

        /** The profiles the nearest {@code .mvn/maven.config} at or above a folder selects, by id. */
        private Map<String, Boolean> profileSelectionOf(String dir) {
            return configOf(dir).profiles();
        }

        private MavenConfig configOf(String dir) {
            MavenConfig known = configs.get(dir);
            if (known != null) {
                return known;
            }
            String config = (dir.isEmpty() ? "" : dir + "/") + ".mvn/maven.config";
            MavenConfig found = new MavenConfig(Map.of(), Map.of());
            if (tree.contains(config)) {
                try {
                    String text = tree.read(config);
                    found = new MavenConfig(userProperties(text), profileSelection(text));
                } catch (IOException | RuntimeException e) {
                    out.problem(config, 0, "Maven config could not be read: " + firstLine(e.getMessage()));
                }
            } else if (!dir.isEmpty()) {
                found = configOf(dir(dir));
            }
            configs.put(dir, found);
            return found;
        }

        /**
         * Properties visible in a POM: inherited ones overlaid by its own and by those of the profiles a plain build
         * activates, plus project.* values; user properties from {@code .mvn/maven.config} win over all of them, as
         * {@code -D} does.
         */
        Map<String, String> propertiesOf(String path) {
            Map<String, String> known = properties.get(path);
            if (known != null) {
                return known;
            }
            properties.put(path, Map.of()); // cycle guard
            Map<String, String> props = propertiesOf(path, true);
            properties.put(path, props);
            return props;
        }

        /**
         * The properties a POM declares and inherits, as its modules inherit them: its parents', its own, then those of
         * the profiles a plain build activates. Not the project.* values (a module's {@code ${version}} is its own) nor
         * user properties.
         */
        private Map<String, String> declaredOf(String path) {
            Map<String, String> known = declared.get(path);
            if (known != null) {
                return known;
            }
            declared.put(path, Map.of()); // cycle guard
            Model m = models.get(path);
            Map<String, String> props = new HashMap<>();
            parentOf(path).ifPresent(pp -> props.putAll(declaredOf(pp)));
            putAll(props, m.getProperties());
            for (Profile profile : activeProfiles(path)) {
                putAll(props, profile.getProperties());
            }
            declared.put(path, props);
            return props;
        }

        /**
         * Properties visible in a POM, with or without those of its profiles active by default (without, for the
         * dependencies of another of its profiles: activating that one turns them off, not those a property activates).
         */
        private Map<String, String> propertiesOf(String path, boolean withDefaultProfiles) {
            Model m = models.get(path);
            Map<String, String> props = new HashMap<>();
            if (withDefaultProfiles) {
                props.putAll(declaredOf(path));
            } else {
                parentOf(path).ifPresent(pp -> props.putAll(declaredOf(pp)));
                putAll(props, m.getProperties());
                for (Profile profile : activeProfiles(path)) {
                    if (activatedByProperty(path, profile)) {
                        putAll(props, profile.getProperties());
                    }
                }
            }
            props.putAll(userPropertiesOf(dir(path)));
            Parent parent = m.getParent();
            String parentGroup = parent == null ? null : parentValue(path, parent.getGroupId(), "groupId");
            String parentVersion = parent == null ? null : parentValue(path, parent.getVersion(), "version");
            String group = m.getGroupId() != null ? m.getGroupId() : parentGroup;
            String version = m.getVersion() != null ? m.getVersion() : parentVersion;
            put(props, "groupId", group);
            put(props, "artifactId", m.getArtifactId());
            put(props, "version", version);
            put(props, "name", m.getName());
            put(props, "packaging", m.getPackaging());
            if (parent != null) {
                for (String prefix : new String[] {"project.parent.", "pom.parent.", "parent."}) {
                    put(props, prefix + "groupId", parentGroup);
                    put(props, prefix + "artifactId", parentValue(path, parent.getArtifactId(), "artifactId"));
                    put(props, prefix + "version", parentVersion);
                }
            }
            return props;
        }

        /**
         * A coordinate of a POM's parent: as its {@code <parent>} writes it, else the parent POM's own, for a Maven 4
         * (model 4.1.0) {@code <parent/>} that leaves them out and names its parent by {@code relativePath} alone.
         */
        private String parentValue(String path, String written, String key) {
            if (written != null) {
                return written;
            }
            return parentOf(path).map(pp -> propertiesOf(pp).get("project." + key)).orElse(null);
        }

        /**
         * The profiles of a POM a plain build activates: those {@code .mvn/maven.config} selects with {@code -P} and
         * those whose one condition is a property that holds (an absent {@code !name}, or a name, and value, that
         * {@code .mvn/maven.config} defines), else, when none is and none depends on the JDK, the OS, a file or an
         * {@code env.} variable, those with {@code <activeByDefault>true} (activating another profile turns them off).
         */
        private List<Profile> activeProfiles(String path) {
            Map<String, String> user = userPropertiesOf(dir(path));
            Map<String, Boolean> selected = profileSelectionOf(dir(path));
            List<Profile> active = new ArrayList<>();
            List<Profile> defaults = new ArrayList<>();
            boolean environment = false;
            for (Profile profile : models.get(path).getProfiles()) {
                Boolean chosen = selected.get(profile.getId());
                if (chosen != null) {
                    if (chosen) {
                        active.add(profile);
                    }
                    continue;
                }
                Activation a = profile.getActivation();
                if (a == null) {
                    continue;
                }
                String property = a.getProperty() == null ? "" : trim(a.getProperty().getName());
                if (a.getJdk() != null || a.getOs() != null || a.getFile() != null || property.matches("!?env\\..*")) {
                    environment = true;
                } else if (!property.isEmpty() && holds(property, trim(a.getProperty().getValue()), user)) {
                    active.add(profile);
                } else if (a.isActiveByDefault()) {
                    defaults.add(profile);
                }
            }
            return !active.isEmpty() || environment ? active : defaults;
        }

        /** Whether a profile is active whatever else is: selected by {@code -P}, or by a property that holds. */
        private boolean activatedByProperty(String path, Profile profile) {
            Boolean chosen = profileSelectionOf(dir(path)).get(profile.getId());
            if (chosen != null) {
                return chosen;
            }
            Activation a = profile.getActivation();
            return a != null && a.getProperty() != null
                    && holds(trim(a.getProperty().getName()), trim(a.getProperty().getValue()), userPropertiesOf(dir(path)));
        }

        /** Whether a profile's {@code <property>} activation holds for a build run with these user properties. */
        private static boolean holds(String name, String value, Map<String, String> user) {
            if (name.startsWith("!")) {
                return value.isEmpty() && !user.containsKey(name.substring(1));
            }
            String set = user.get(name);
            if (set == null) {
                return false;
            }
            return value.isEmpty() || (value.startsWith("!") ? !set.equals(value.substring(1)) : set.equals(value));
        }

        private static void putAll(Map<String, String> props, Properties values) {
            values.forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v).trim()));
        }

        private static void put(Map<String, String> props, String key, String value) {
            if (value == null) {
                return;
            }
            String v = value.trim();
            if (key.contains(".")) {
                props.put(key, v);
            } else {
                props.put("project." + key, v);
                props.put("pom." + key, v);
                if (!key.equals("name") && !key.equals("packaging")) {
                    props.putIfAbsent(key, v);
                }
            }
        }

        /**
         * The managed version of groupId:artifactId for a dependency of a POM: what the dependency's profile manages
         * (its dependencyManagement is active whenever its dependencies are), then the POM's own dependencyManagement,
         * then BOMs it imports from the repository, then what its parents manage. As in Maven's effective POM, the
         * entry is interpolated with the properties the dependency sees (the POM's, a profile's over them), so a
         * module or profile that overrides a version property gets its own version; imported BOMs keep the versions
         * they resolve to. Empty when unmanaged or unresolvable.
         */
        String managedVersion(String path, String key, Map<String, String> props, Map<String, String> profileManaged) {
            String version = profileManaged.get(key);
            if (version == null) {
                version = managedAsWritten(path).get(key);
            }
            if (version == null) {
                return "";
            }
            String v = Interpolation.apply(version, props);
            return Interpolation.isResolved(v) ? v : "";
        }

        /** Every managed version of a BOM, resolved in its own context: what a POM importing it gets. */
        private Map<String, String> managedOf(String path) {
            Map<String, String> known = managed.get(path);
            if (known != null) {
                return known;
            }
            managed.put(path, Map.of()); // cycle guard
            Map<String, String> props = propertiesOf(path);
            Map<String, String> result = new HashMap<>();
            managedAsWritten(path).forEach((key, version) -> {
                String v = Interpolation.apply(version, props);
                if (Interpolation.isResolved(v)) {
                    result.put(key, v);
                }
            });
            managed.put(path, result);
            return result;
        }

        /**
         * Managed versions as written in a POM and its parents (imported BOMs already resolved), nearest first; in a POM,
         * those of the profiles a plain build activates win over its own, as Maven injects them.
         */
        private Map<String, String> managedAsWritten(String path) {
            Map<String, String> known = written.get(path);
            if (known != null) {
                return known;
            }
            written.put(path, Map.of()); // cycle guard
            Model m = models.get(path);
            List<org.apache.maven.model.Dependency> entries = new ArrayList<>();
            for (Profile profile : activeProfiles(path)) {
                if (profile.getDependencyManagement() != null) {
                    entries.addAll(profile.getDependencyManagement().getDependencies());
                }
            }
            if (m.getDependencyManagement() != null) {
                entries.addAll(m.getDependencyManagement().getDependencies());
            }
            Map<String, String> result = managedIn(path, entries, propertiesOf(path));
            parentOf(path).ifPresent(pp -> managedAsWritten(pp).forEach(result::putIfAbsent));
            written.put(path, result);
            return result;
        }

        /**
         * The versions one dependencyManagement of a POM (its own or a profile's) manages, as written, by
         * groupId:artifactId: its entries first, then those of the BOMs it imports from the repository, resolved.
         */
        private Map<String, String> managedIn(String path, List<org.apache.maven.model.Dependency> entries, Map<String, String> props) {
            Map<String, String> result = new LinkedHashMap<>();
            List<Map<String, String>> imported = new ArrayList<>();
            for (var d : entries) {
                String g = Interpolation.apply(d.getGroupId(), props);
                String a = Interpolation.apply(d.getArtifactId(), props);
                if ("import".equals(trim(d.getScope())) && "pom".equals(trim(d.getType()))) {
                    String bom = byCoordinates.get(g + ":" + a);
                    if (bom != null && !bom.equals(path)) {
                        imported.add(managedOf(bom));
                    }
                } else if (!trim(d.getVersion()).isEmpty()) {
                    result.putIfAbsent(g + ":" + a, trim(d.getVersion()));
                }
            }
            for (Map<String, String> bom : imported) {
                bom.forEach(result::putIfAbsent);
            }
            return result;
        }

        private void emit(String path, Model m) {
            Map<String, String> props = propertiesOf(path);
            Parent parent = m.getParent();
            if (parent != null) {
                // coordinates a Maven 4 <parent/> leaves out are its parent POM's
                String declared = trim(parent.getVersion());
                String resolved = Interpolation.apply(declared.isEmpty() ? props.get("project.parent.version") : declared, props);
                add(path, parent.getLocation(""), trim(props.get("project.parent.groupId")), trim(props.get("project.parent.artifactId")),
                        declared, Interpolation.isExactVersion(resolved) ? resolved : "", "parent");
            }
            emitDependencies(path, m.getDependencies(), props, Map.of(), false);
            if (m.getDependencyManagement() != null) {
                emitDependencies(path, m.getDependencyManagement().getDependencies(), props, Map.of(), true);
            }
            emitPlugins(path, m.getBuild(), props);
            List<Profile> active = activeProfiles(path);
            for (Profile profile : m.getProfiles()) {
                Map<String, String> profileProps = new HashMap<>(active.contains(profile) ? props : propertiesOf(path, false));
                putAll(profileProps, profile.getProperties());
                profileProps.putAll(userPropertiesOf(dir(path)));
                Map<String, String> profileManaged = profile.getDependencyManagement() == null
                        ? Map.of()
                        : managedIn(path, profile.getDependencyManagement().getDependencies(), profileProps);
                emitDependencies(path, profile.getDependencies(), profileProps, profileManaged, false);
                if (profile.getDependencyManagement() != null) {
                    emitDependencies(path, profile.getDependencyManagement().getDependencies(), profileProps, Map.of(), true);
                }
                emitPlugins(path, profile.getBuild(), profileProps);
            }
        }

        private void emitPlugins(String path, BuildBase build, Map<String, String> props) {
            if (build == null) {
                return;
            }
            emitPluginDependencies(path, build, props);
            if (build.getPluginManagement() != null) {
                emitPluginDependencies(path, build.getPluginManagement(), props);
            }
        }

        private void emitPluginDependencies(String path, PluginContainer container, Map<String, String> props) {
            for (Plugin plugin : container.getPlugins()) {
                for (var d : plugin.getDependencies()) {
                    String declared = trim(d.getVersion());
                    String resolved = Interpolation.apply(declared, props);
                    add(path, d.getLocation(""), Interpolation.apply(d.getGroupId(), props), Interpolation.apply(d.getArtifactId(), props),
                            declared, Interpolation.isExactVersion(resolved) ? resolved : "", "plugin");
                }
            }
        }

        private void emitDependencies(String path, List<org.apache.maven.model.Dependency> deps, Map<String, String> props,
                Map<String, String> profileManaged, boolean management) {
            for (var d : deps) {
                String group = Interpolation.apply(d.getGroupId(), props);
                String artifact = Interpolation.apply(d.getArtifactId(), props);
                String declared = trim(d.getVersion());
                String resolved;
                if (declared.isEmpty()) {
                    resolved = management ? "" : managedVersion(path, group + ":" + artifact, props, profileManaged);
                } else {
                    resolved = Interpolation.apply(declared, props);
                }
                String scope = trim(d.getScope());
                if (management) {
                    scope = "import".equals(scope) ? "import" : "managed";
                } else if (scope.isEmpty()) {
                    scope = "compile";
                }
                add(path, d.getLocation(""), group, artifact, declared, Interpolation.isExactVersion(resolved) ? resolved : "", scope);
            }
        }

        private void add(String path, InputLocation location, String group, String artifact, String declared, String resolved, String scope) {
            if (artifact.isEmpty()) {
                return;
            }
            int line = location == null ? 0 : location.getLineNumber();
            out.add(new Dependency(out.repo(), Ecosystem.MAVEN, group, artifact, declared, resolved, scope, true, path, line, List.of()));
        }

        private static String coordinates(Model m) {
            String group = m.getGroupId() != null ? m.getGroupId() : m.getParent() != null ? m.getParent().getGroupId() : "";
            return trim(group) + ":" + trim(m.getArtifactId());
        }

        private static String dir(String path) {
            int slash = path.lastIndexOf('/');
            return slash < 0 ? "" : path.substring(0, slash);
        }

    }

    /** The command line a {@code .mvn/maven.config} gives a build: its user properties and its profile selection. */
    private record MavenConfig(Map<String, String> properties, Map<String, Boolean> profiles) {}

    static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
