package dev.radar.collect;

import dev.radar.collect.GradleCatalog.Library;
import dev.radar.collect.GradleResolver.Value;
import dev.radar.collect.GradleScript.Declaration;
import dev.radar.collect.GradleScript.PluginRequest;
import dev.radar.collect.GradleSyntax.Group;
import dev.radar.collect.GradleSyntax.Kind;
import dev.radar.collect.GradleSyntax.Node;
import dev.radar.collect.GradleSyntax.Token;
import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import dev.radar.model.UnknownDeclaration;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Gradle builds: every declaration in a {@code dependencies {}} block of a {@code *.gradle} or
 * {@code *.gradle.kts} script (string and map notation, platforms, version-catalog accessors and bundles,
 * {@code kotlin("x")}), {@code dependencies.add/create(..)} calls, Spring dependency-management entries, and
 * plugin requests of {@code plugins {}} blocks, each at the line of its statement. Versions are resolved from
 * script variables, {@code gradle.properties} and version catalogs found in the repository; a statement in a
 * dependency block that fits none of the forms becomes an {@link UnknownDeclaration}.
 */
public final class GradleCollector implements Collector {

    private static final String KOTLIN_GROUP = "org.jetbrains.kotlin";
    /** The id of Spring Boot's Gradle plugin, also the group of the BOM its {@code SpringBootPlugin.BOM_COORDINATES} names. */
    private static final String SPRING_BOOT_PLUGIN = "org.springframework.boot";
    private static final String SPRING_BOOT_BOM = "SpringBootPlugin.BOM_COORDINATES";
    private static final String COMPOSE_PLUGIN = "org.jetbrains.compose";
    /**
     * The libraries of Compose Multiplatform's {@code compose} accessor (its plugin's {@code ComposePlugin.Dependencies}):
     * group and name, and a third element for those whose version does not follow the plugin's. {@code compose.desktop.currentOs}
     * names the artifact of the machine that builds, so it is not here.
     */
    private static final Map<String, String[]> COMPOSE_LIBRARIES = Map.ofEntries(
            Map.entry("animation", new String[] {"org.jetbrains.compose.animation", "animation"}),
            Map.entry("animationGraphics", new String[] {"org.jetbrains.compose.animation", "animation-graphics"}),
            Map.entry("foundation", new String[] {"org.jetbrains.compose.foundation", "foundation"}),
            Map.entry("material", new String[] {"org.jetbrains.compose.material", "material"}),
            Map.entry("material3", new String[] {"org.jetbrains.compose.material3", "material3", "own version"}),
            Map.entry("materialIconsExtended", new String[] {"org.jetbrains.compose.material", "material-icons-extended", "own version"}),
            Map.entry("runtime", new String[] {"org.jetbrains.compose.runtime", "runtime"}),
            Map.entry("runtimeSaveable", new String[] {"org.jetbrains.compose.runtime", "runtime-saveable"}),
            Map.entry("ui", new String[] {"org.jetbrains.compose.ui", "ui"}),
            Map.entry("uiTest", new String[] {"org.jetbrains.compose.ui", "ui-test"}),
            Map.entry("uiTooling", new String[] {"org.jetbrains.compose.ui", "ui-tooling"}),
            Map.entry("uiUtil", new String[] {"org.jetbrains.compose.ui", "ui-util"}),
            Map.entry("preview", new String[] {"org.jetbrains.compose.ui", "ui-tooling-preview"}),
            Map.entry("components.resources", new String[] {"org.jetbrains.compose.components", "components-resources"}),
            Map.entry("components.uiToolingPreview", new String[] {"org.jetbrains.compose.components", "components-ui-tooling-preview"}),
            Map.entry("components.splitPane", new String[] {"org.jetbrains.compose.components", "components-splitpane"}),
            Map.entry("components.animatedImage", new String[] {"org.jetbrains.compose.components", "components-animatedimage"}),
            Map.entry("html.core", new String[] {"org.jetbrains.compose.html", "html-core"}),
            Map.entry("html.svg", new String[] {"org.jetbrains.compose.html", "html-svg"}),
            Map.entry("html.testUtils", new String[] {"org.jetbrains.compose.html", "html-test-utils"}),
            Map.entry("desktop.common", new String[] {"org.jetbrains.compose.desktop", "desktop"}),
            Map.entry("desktop.uiTestJUnit4", new String[] {"org.jetbrains.compose.ui", "ui-test-junit4"}),
            Map.entry("desktop.linux_x64", new String[] {"org.jetbrains.compose.desktop", "desktop-jvm-linux-x64"}),
            Map.entry("desktop.linux_arm64", new String[] {"org.jetbrains.compose.desktop", "desktop-jvm-linux-arm64"}),
            Map.entry("desktop.windows_x64", new String[] {"org.jetbrains.compose.desktop", "desktop-jvm-windows-x64"}),
            Map.entry("desktop.windows_arm64", new String[] {"org.jetbrains.compose.desktop", "desktop-jvm-windows-arm64"}),
            Map.entry("desktop.macos_x64", new String[] {"org.jetbrains.compose.desktop", "desktop-jvm-macos-x64"}),
            Map.entry("desktop.macos_arm64", new String[] {"org.jetbrains.compose.desktop", "desktop-jvm-macos-arm64"}));
    /** Calls whose argument is a module of the build or a local file: not external dependencies. */
    private static final Set<String> LOCAL = Set.of("project", "projects", "files", "fileTree", "gradleApi", "localGroovy",
            "gradleTestKit", "gradleKotlinDsl", "sourceSets", "configurations", "layout", "rootProject", "zipTree", "tasks",
            "kotlinGradlePluginApi");
    private static final Set<String> WRAPPERS = Set.of("testFixtures", "variantOf", "create", "module", "dependency");
    private static final Set<String> PLATFORMS = Set.of("platform", "enforcedPlatform");
    private static final Set<String> NPM = Set.of("npm", "devNpm", "peerNpm", "optionalNpm");
    /** The parameters of Kotlin's {@code implementation(group, name, version, configuration, classifier, ext)}, in order. */
    private static final List<String> POSITIONS = List.of("group", "name", "version", "configuration", "classifier", "ext");

    @Override
    public String name() {
        return "gradle";
    }

    @Override
    public boolean wants(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        return file.endsWith(".gradle") || file.endsWith(".gradle.kts") || file.equals("gradle.properties")
                || file.endsWith(".versions.toml") || isBuildLogicSource(path);
    }

    /** Kotlin, Groovy and Java sources of {@code buildSrc}, whose constants build scripts use as coordinates. */
    static boolean isBuildLogicSource(String path) {
        return (path.startsWith("buildSrc/src/main/") || path.contains("/buildSrc/src/main/"))
                && (path.endsWith(".kt") || path.endsWith(".groovy") || path.endsWith(".java"));
    }

    @Override
    public void collect(RepoTree tree, List<String> paths, Facts out) {
        new Build(tree, paths, out).emit();
    }

    /** All Gradle files of one repository and what they share: properties, catalogs, variables. */
    private static final class Build {
        private final RepoTree tree;
        private final Facts out;
        private final Map<String, GradleScript> scripts = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> properties = new HashMap<>();
        private final Map<String, String> catalogPaths = new LinkedHashMap<>();
        private final Map<String, Optional<GradleCatalog>> catalogFiles = new HashMap<>();
        private final Map<String, Map<String, GradleCatalog>> catalogsByDir = new HashMap<>();
        private final Set<String> localPlugins = new HashSet<>();
        /** Constants of buildSrc sources, visible to every script. */
        private final Map<String, List<Node>> constants = new LinkedHashMap<>();
        /** The object or class each constant is a member of, for the names its value uses unqualified. */
        private final Map<String, String> constantScopes = new HashMap<>();

        Build(RepoTree tree, List<String> paths, Facts out) {
            this.tree = tree;
            this.out = out;
            for (String path : paths) {
                String file = path.substring(path.lastIndexOf('/') + 1);
                if (file.equals("gradle.properties")) {
                    readProperties(path);
                } else if (file.endsWith(".versions.toml")) {
                    catalogPaths.put(path, file.substring(0, file.length() - ".versions.toml".length()));
                } else if (isBuildLogicSource(path)) {
                    readSource(path);
                } else {
                    readScript(path, file);
                }
            }
            for (GradleScript s : scripts.values()) {
                localPlugins.addAll(s.definedPluginIds);
            }
        }

        private void readProperties(String path) {
            try {
                Properties p = new Properties();
                p.load(new StringReader(propertiesText(tree.readBytes(path))));
                Map<String, String> map = new HashMap<>();
                p.forEach((k, v) -> map.put(String.valueOf(k), String.valueOf(v)));
                properties.put(dir(path), map);
            } catch (IOException | IllegalArgumentException e) {
                out.problem(path, 0, "gradle.properties could not be read: " + e.getMessage());
            }
        }

        /**
         * The text of a properties file: UTF-8, or else ISO-8859-1, the encoding Java and Gradle read properties files
         * in (a Latin-1 comment is valid there). A file with a NUL byte is not text.
         */
        private static String propertiesText(byte[] bytes) throws IOException {
            try {
                return RepoTree.decode(bytes);
            } catch (IOException notUtf8) {
                for (byte b : bytes) {
                    if (b == 0) {
                        throw notUtf8;
                    }
                }
                return new String(bytes, StandardCharsets.ISO_8859_1);
            }
        }

        private void readSource(String path) {
            try {
                GradleScript source = GradleScript.parseSource(tree.read(path), !path.endsWith(".groovy"));
                constants.putAll(source.variables);
                constantScopes.putAll(source.scopes);
            } catch (IOException | RuntimeException e) {
                out.problem(path, 0, "build-logic source could not be read: " + e.getMessage());
            }
        }

        private void readScript(String path, String file) {
            try {
                GradleScript script = GradleScript.parse(tree.read(path), file.endsWith(".kts"));
                scripts.put(path, script);
                if (!script.problems.isEmpty()) {
                    var p = script.problems.get(0);
                    out.problem(path, p.line, "Gradle script could not be fully parsed: " + p.message);
                }
                // precompiled script plugins: src/main/kotlin/my.conventions.gradle.kts is plugin id my.conventions; the
                // Kotlin plugin also compiles src/main/java, where some builds keep them
                if (path.contains("/src/main/kotlin/") || path.contains("/src/main/groovy/") || path.contains("/src/main/java/")
                        || path.startsWith("src/main/")) {
                    localPlugins.add(file.substring(0, file.indexOf(".gradle")));
                }
            } catch (IOException | RuntimeException e) {
                out.problem(path, 0, "Gradle script could not be read: " + e.getMessage());
            }
        }

        void emit() {
            for (var e : scripts.entrySet()) {
                String path = e.getKey();
                GradleScript script = e.getValue();
                List<Dependency> rows = new ArrayList<>();
                List<UnknownDeclaration> unknowns = new ArrayList<>();
                Emitter emitter = new Emitter(path, script, resolver(path, script), rows, unknowns, localPlugins, out.repo());
                for (Declaration d : script.declarations) {
                    emitter.declaration(d);
                }
                for (PluginRequest p : script.plugins) {
                    emitter.plugin(p);
                }
                for (GradleScript.Unknown u : script.unknowns) {
                    unknowns.add(new UnknownDeclaration(out.repo(), path, u.line(), u.text()));
                }
                rows.sort(Comparator.comparingInt(Dependency::line));
                unknowns.sort(Comparator.comparingInt(UnknownDeclaration::line));
                rows.forEach(out::add);
                unknowns.forEach(out::add);
            }
        }

        private GradleResolver resolver(String path, GradleScript script) {
            List<Map<String, List<Node>>> vars = new ArrayList<>();
            vars.add(script.variables);
            List<Map<String, String>> props = new ArrayList<>();
            for (String d = dir(path); d != null; d = parent(d)) {
                String dir = d;
                String gradleDir = d.isEmpty() ? "gradle" : d + "/gradle";
                scripts.entrySet().stream()
                        .filter(s -> !s.getKey().equals(path) && (dir(s.getKey()).equals(dir) || dir(s.getKey()).equals(gradleDir)))
                        .sorted(Comparator.comparing((Map.Entry<String, GradleScript> s) -> !isBuildScript(s.getKey()))
                                .thenComparing(Map.Entry::getKey))
                        .forEach(s -> vars.add(s.getValue().variables));
                Map<String, String> p = properties.get(d);
                if (p != null) {
                    props.add(p);
                }
            }
            // scripts applied with "apply from:" by this script or by the build scripts of the folders above it:
            // their ext properties belong to this project or to a parent project
            List<String> appliers = new ArrayList<>();
            appliers.add(path);
            for (String d = parent(dir(path)); d != null; d = parent(d)) {
                for (String build : new String[] {"build.gradle", "build.gradle.kts"}) {
                    appliers.add(d.isEmpty() ? build : d + "/" + build);
                }
            }
            for (String applier : appliers) {
                GradleScript s = scripts.get(applier);
                for (String applied : s == null ? List.<String>of() : s.appliedScripts) {
                    String target = appliedPath(dir(applier), applied);
                    GradleScript t = target == null || target.equals(path) ? null : scripts.get(target);
                    if (t != null && vars.stream().noneMatch(v -> v == t.variables)) {
                        vars.add(t.variables);
                    }
                }
            }
            vars.add(constants);
            Map<String, String> scopes = new HashMap<>(constantScopes);
            scopes.putAll(script.scopes);
            return new GradleResolver(script, vars, props, catalogs(dir(path)), scopes);
        }

        /** Catalogs visible from a folder: the nearest build's settings and {@code gradle/*.versions.toml} win. */
        private Map<String, GradleCatalog> catalogs(String dir) {
            Map<String, GradleCatalog> known = catalogsByDir.get(dir);
            if (known != null) {
                return known;
            }
            Map<String, GradleCatalog> result = new LinkedHashMap<>();
            for (String d = dir; d != null; d = parent(d)) {
                Map<String, GradleCatalog> level = new LinkedHashMap<>();
                Map<String, GradleCatalog> declared = new LinkedHashMap<>();
                for (String settings : new String[] {"settings.gradle", "settings.gradle.kts"}) {
                    GradleScript s = scripts.get(d.isEmpty() ? settings : d + "/" + settings);
                    if (s != null) {
                        for (var c : s.catalogs.entrySet()) {
                            String file = RepoTree.resolve(d, fromSettingsDir(c.getValue()));
                            if (file != null) {
                                catalog(file).ifPresent(cat -> level.putIfAbsent(c.getKey(), cat));
                            }
                        }
                        s.declaredCatalogs.forEach(declared::putIfAbsent);
                    }
                }
                String gradleDir = d.isEmpty() ? "gradle" : d + "/gradle";
                for (var c : catalogPaths.entrySet()) {
                    if (dir(c.getKey()).equals(gradleDir)) {
                        catalog(c.getKey()).ifPresent(cat -> level.putIfAbsent(c.getValue(), cat));
                    }
                }
                // entries a settings script adds to a catalog join the file it imports (gradle/libs.versions.toml for libs)
                declared.forEach((name, own) -> level.merge(name, own, (file, entries) -> entries.with(file)));
                level.forEach(result::putIfAbsent);
            }
            catalogsByDir.put(dir, result);
            return result;
        }

        private Optional<GradleCatalog> catalog(String path) {
            return catalogFiles.computeIfAbsent(path, p -> {
                if (!catalogPaths.containsKey(p) && !tree.contains(p)) {
                    return Optional.empty();
                }
                try {
                    GradleCatalog c = GradleCatalog.parse(tree.read(p));
                    if (!c.problems().isEmpty()) {
                        out.problem(p, c.problemLine(), c.problems().get(0));
                    }
                    return Optional.of(c);
                } catch (IOException | RuntimeException e) {
                    out.problem(p, 0, "version catalog could not be read: " + e.getMessage());
                    return Optional.empty();
                }
            });
        }
    }

    /** Turns one script's declarations and plugin requests into dependencies. */
    private static final class Emitter {
        private final String path;
        private final GradleScript script;
        private final GradleResolver resolver;
        private final List<Dependency> rows;
        private final List<UnknownDeclaration> unknowns;
        private final Set<String> localPlugins;
        private final String repo;
        /** Variables followed to reach the notation being read: {@code val a = b; val b = a} stops here. */
        private int indirections;
        private static final int MAX_INDIRECTIONS = 8;

        Emitter(String path, GradleScript script, GradleResolver resolver, List<Dependency> rows, List<UnknownDeclaration> unknowns,
                Set<String> localPlugins, String repo) {
            this.path = path;
            this.script = script;
            this.resolver = resolver;
            this.rows = rows;
            this.unknowns = unknowns;
            this.localPlugins = localPlugins;
            this.repo = repo;
        }

        void declaration(Declaration d) {
            String scope = d.configuration().isEmpty() ? "detached" : d.configuration();
            List<List<Node>> args = withoutNotationName(d.arguments());
            Group closure = d.closure();
            if (closure == null && args.size() >= 2 && GradleScript.single(args.get(args.size() - 1)) instanceof Group last
                    && last.open() == '{') {
                closure = last; // Groovy's moduleImplementation("g:a", { exclude module: "x" }): the closure as last argument
                args = args.subList(0, args.size() - 1);
            }
            ClosureVersion closureVersion = closureVersion(closure);
            boolean understood;
            if (args.isEmpty()) {
                understood = false;
            } else if (args.stream().anyMatch(Emitter::isNamed)) {
                understood = mapNotation(args, scope, d.line(), closureVersion);
            } else if (script.kotlin() && args.size() >= 2 && args.size() <= 3 && positional(args)) {
                understood = coordinates(string(args.get(0)), string(args.get(1)), args.size() > 2 ? args.get(2) : List.of(), scope,
                        d.line(), closureVersion);
            } else {
                // Groovy varargs (implementation 'a:b:1', 'c:d:2' over several lines): each is its own declaration
                understood = true;
                for (List<Node> arg : args) {
                    int line = args.size() > 1 ? arg.get(0).line() : d.line();
                    understood &= argument(arg, scope, line, closureVersion);
                }
            }
            if (!understood) {
                unknowns.add(new UnknownDeclaration(repo, path, d.line(), d.text()));
            }
        }

        /** One dependency notation; false when it is none of the forms understood. */
        private boolean argument(List<Node> raw, String scope, int line, ClosureVersion closureVersion) {
            List<Node> e = GradleScript.withoutNewlines(raw);
            if (!e.isEmpty() && e.get(e.size() - 1) instanceof Token bang && bang.is("!!")) {
                e = e.subList(0, e.size() - 1); // include(modImplementation("g:a:1")!!)
            }
            if (e.isEmpty()) {
                return false;
            }
            if (e.size() == 1 && e.get(0) instanceof Token t && t.kind() == Kind.STRING) {
                return notation(t.text(), true, scope, line, closureVersion);
            }
            if (e.size() == 1 && e.get(0) instanceof Group g && g.open() == '(') {
                return argument(g.children(), scope, line, closureVersion);
            }
            if (e.size() == 1 && e.get(0) instanceof Group g && g.open() == '[') {
                List<List<Node>> items = GradleScript.arguments(g.children());
                if (!items.isEmpty() && items.stream().allMatch(Emitter::isNamed)) {
                    // a Groovy map literal: [group: 'g', name: 'a', version: '1']
                    return mapNotation(items, scope, line, closureVersion);
                }
                boolean all = true;
                for (List<Node> a : items) {
                    all &= argument(a, scope, line, closureVersion);
                }
                return all;
            }
            if (isLocal(e)) {
                return true;
            }
            // a call, possibly on a receiver: platform(x), dependencies.platform(x), kotlin("stdlib"), testFixtures(x)
            int n = e.size();
            int callEnd = n;
            if (n >= 2 && e.get(n - 1) instanceof Group closure && closure.open() == '{') {
                callEnd = n - 1;
            }
            if (callEnd >= 2 && e.get(callEnd - 1) instanceof Group deobf && deobf.open() == '('
                    && "fg.deobf".equals(GradleScript.chain(e.subList(0, callEnd - 1)))
                    && GradleScript.arguments(deobf.children()).size() == 1) {
                // ForgeGradle's fg.deobf("g:a:v"): the dependency, remapped to the project's mappings
                return argument(GradleScript.arguments(deobf.children()).get(0), scope, line, closureVersion);
            }
            if (callEnd >= 2 && e.get(callEnd - 1) instanceof Group call && call.open() == '(' && e.get(callEnd - 2) instanceof Token f
                    && f.ident() && receiverIsHandler(e.subList(0, callEnd - 2))) {
                List<List<Node>> inner = GradleScript.arguments(call.children());
                String fn = f.text();
                if (PLATFORMS.contains(fn) && inner.size() == 1) {
                    return argument(inner.get(0), "platform", line, closureVersion);
                }
                if (WRAPPERS.contains(fn) && !inner.isEmpty()) {
                    if (inner.stream().anyMatch(Emitter::isNamed)) {
                        return mapNotation(inner, scope, line, closureVersion);
                    }
                    if (inner.size() >= 2 && positional(inner)) {
                        return coordinates(string(inner.get(0)), string(inner.get(1)), inner.size() > 2 ? inner.get(2) : List.of(),
                                scope, line, closureVersion);
                    }
                    return argument(inner.get(0), scope, line, closureVersion);
                }
                if (fn.equals("kotlin") && !inner.isEmpty()) {
                    return kotlinModule(inner, scope, line);
                }
                if (NPM.contains(fn) && !inner.isEmpty() && string(inner.get(0)) != null) {
                    // npm("x", "1.0"), npm("x", version = "1.0", generateExternals = true)
                    List<Node> v = inner.size() > 1 && isNamed(inner.get(1)) ? inner.get(1).subList(2, inner.get(1).size())
                            : inner.size() > 1 ? inner.get(1) : List.of();
                    Value version = v.isEmpty() ? new Value("", true) : resolver.eval(v);
                    String name = string(inner.get(0));
                    int slash = name.startsWith("@") ? name.indexOf('/') : -1;
                    rows.add(new Dependency(repo, Ecosystem.NPM, slash > 0 ? name.substring(0, slash) : "",
                            slash > 0 ? name.substring(slash + 1) : name, v.isEmpty() ? "" : written(v),
                            v.isEmpty() ? "" : exact(version), scope, true, path, line, List.of()));
                    return true;
                }
                if (LOCAL.contains(fn)) {
                    return true;
                }
                // include(modImplementation("g:a:1")): a declaration inside another, unless the build defines the function
                boolean helper = callEnd == 2 && resolver.definesHelper(fn);
                if (!helper && nestedDeclaration(inner, scope, line, closureVersion)) {
                    return true;
                }
            }
            if (catalogAccessor(e, scope, line, closureVersion) || springBootBom(e, scope, line) || composeLibrary(e, scope, line)) {
                return true;
            }
            String mapped = mappedProvider(e);
            if (mapped != null) {
                return notation(mapped, true, scope, line, closureVersion);
            }
            // concatenation: "g:a:" + version
            if (GradleScript.arguments(e).size() == 1 && hasTopLevel(e, "+")) {
                StringBuilder template = new StringBuilder();
                for (List<Node> part : splitPlus(e)) {
                    if (part.size() == 1 && part.get(0) instanceof Token t && t.kind() == Kind.STRING) {
                        template.append(t.text());
                    } else {
                        template.append("${").append(script.source(part)).append('}');
                    }
                }
                return notation(template.toString(), true, scope, line, closureVersion);
            }
            // a variable holding the coordinates: deps.junit, Libs.okio
            String ref = GradleResolver.reference(e);
            if (ref != null) {
                Value v = resolver.eval(e);
                if (v.resolved() && v.text().indexOf(':') > 0) {
                    return notation(v.text(), false, scope, line, closureVersion);
                }
                // coordinates with a part no one can resolve ("g:a:$versions.scala" set in an if): still a declaration
                Optional<Value> partial = resolver.definition(e);
                if (partial.isPresent() && isCoordinateTemplate(partial.get().text())) {
                    return notation(partial.get().text(), false, scope, line, closureVersion);
                }
                // val composeBom = platform(libs.compose.bom); implementation(composeBom): the notation the variable holds
                Optional<List<Node>> held = resolver.ownDefinition(e);
                if (held.isPresent() && !(GradleScript.single(held.get()) instanceof Token t && t.kind() == Kind.STRING)
                        && indirections < MAX_INDIRECTIONS) {
                    indirections++;
                    try {
                        return argument(held.get(), scope, line, closureVersion);
                    } finally {
                        indirections--;
                    }
                }
                // libraries.lwjgl3 = ["g:a:1", "g:b:1"] (also in another script or a map entry): one row per coordinate string
                Optional<List<List<Node>>> items = resolver.listDefinition(e);
                if (items.isPresent() && !items.get().isEmpty()
                        && items.get().stream().allMatch(a -> GradleScript.single(a) instanceof Token t && t.kind() == Kind.STRING)) {
                    boolean all = true;
                    for (List<Node> a : items.get()) {
                        // as for a variable holding one coordinate string: its value, unresolvable parts as written
                        all &= notation(resolver.template(((Token) GradleScript.single(a)).text()).text(), false, scope, line, closureVersion);
                    }
                    return all;
                }
            } else if (e.get(e.size() - 1) instanceof Group g && g.open() == '(') {
                // a call of a function the build defines: fun ktor(module: String) = "io.ktor:ktor-$module:2.3.0"
                Value v = resolver.eval(e);
                if (v.resolved() && v.text().indexOf(':') > 0) {
                    return notation(v.text(), false, scope, line, closureVersion);
                }
            }
            return false;
        }

        /**
         * The arguments of a declaration made inside another, Fabric Loom's jar-in-jar {@code include(modImplementation("g:a:1"))}
         * or {@code include(runtimeOnly("g", "a", "1", classifier = "x"))}: one row, in the scope of the statement. Only a
         * notation, named arguments or at least group, name and version count, so a helper such as {@code ktor("core")}
         * stays not understood.
         */
        private boolean nestedDeclaration(List<List<Node>> inner, String scope, int line, ClosureVersion closureVersion) {
            if (inner.isEmpty()) {
                return false;
            }
            if (inner.stream().anyMatch(Emitter::isNamed)) {
                return mapNotation(inner, scope, line, closureVersion);
            }
            if (inner.size() >= 3 && positional(inner)) {
                return coordinates(string(inner.get(0)), string(inner.get(1)), inner.get(2), scope, line, closureVersion);
            }
            return inner.size() == 1 && argument(inner.get(0), scope, line, closureVersion);
        }

        /**
         * Spring Boot's {@code SpringBootPlugin.BOM_COORDINATES} (also fully qualified), the constant its Gradle plugin
         * defines as {@code org.springframework.boot:spring-boot-dependencies:<the plugin's version>}: no version is
         * written; the version of the Spring Boot plugin the script requests, when it gives one, resolves it.
         */
        private boolean springBootBom(List<Node> e, String scope, int line) {
            String chain = GradleScript.chain(e);
            if (chain == null || !(chain.equals(SPRING_BOOT_BOM) || chain.endsWith("." + SPRING_BOOT_BOM))) {
                return false;
            }
            rows.add(new Dependency(repo, Ecosystem.MAVEN, SPRING_BOOT_PLUGIN, "spring-boot-dependencies", "",
                    pluginVersion(SPRING_BOOT_PLUGIN), scope, true, path, line, List.of()));
            return true;
        }

        /**
         * A library of Compose Multiplatform's {@code compose} accessor, {@code compose.runtime},
         * {@code compose.components.resources}: no version is written; the libraries that follow the plugin's version
         * resolve to the version of the {@code org.jetbrains.compose} plugin the script requests. Not read when the
         * build has a version catalog named {@code compose}, whose accessors these are.
         */
        private boolean composeLibrary(List<Node> e, String scope, int line) {
            String chain = GradleScript.chain(e);
            String[] library = chain == null || !chain.startsWith("compose.") || resolver.catalogs().containsKey("compose") ? null
                    : COMPOSE_LIBRARIES.get(chain.substring("compose.".length()));
            if (library == null) {
                return false;
            }
            String resolved = library.length > 2 ? "" : pluginVersion(COMPOSE_PLUGIN);
            rows.add(new Dependency(repo, Ecosystem.MAVEN, library[0], library[1], "", resolved, scope, true, path, line, List.of()));
            return true;
        }

        /** The resolved version of the plugin {@code id} the script requests ({@code id(..) version ..} or a catalog alias); "" when none. */
        private String pluginVersion(String id) {
            String resolved = "";
            for (PluginRequest p : script.plugins) {
                List<Node> arg = GradleScript.withoutNewlines(p.argument());
                if (p.form().equals("alias")) {
                    Optional<GradleCatalog.Plugin> entry = catalogPlugin(arg);
                    if (entry.isPresent() && entry.get().id().equals(id)) {
                        resolved = exact(new Value(entry.get().resolved(), true));
                    }
                } else if (id.equals(string(arg)) && p.version() != null && !p.version().isEmpty()) {
                    resolved = exact(resolver.eval(p.version()));
                }
            }
            return resolved;
        }

        /**
         * A version provider mapped to coordinates, {@code libs.versions.kotlin.map { "g:a:$it" }} (also with a named
         * parameter, {@code { v -> "g:a:$v" }}): the string with the parameter replaced by the provider,
         * {@code "g:a:${libs.versions.kotlin}"}; null for any other expression.
         */
        private String mappedProvider(List<Node> e) {
            int n = e.size();
            if (n < 4 || !(e.get(n - 1) instanceof Group body && body.open() == '{' && e.get(n - 2) instanceof Token map && map.is("map")
                    && e.get(n - 3) instanceof Token dot && dot.is("."))) {
                return null;
            }
            List<Node> lambda = GradleScript.withoutNewlines(body.children());
            String param = "it";
            if (lambda.size() == 3 && lambda.get(0) instanceof Token p && p.ident() && lambda.get(1) instanceof Token arrow && arrow.is("->")) {
                param = p.text();
                lambda = lambda.subList(2, 3);
            }
            if (!(GradleScript.single(lambda) instanceof Token t && t.kind() == Kind.STRING)) {
                return null;
            }
            String text = t.text();
            List<String> parts = splitColons(text);
            if (parts.size() < 2 || parts.get(0).indexOf('$') >= 0 || text.contains("${" + param + ".") || text.contains("$" + param + ".")) {
                return null; // map { "${it.pluginId}:${it.pluginId}.gradle.plugin:${it.version}" }: coordinates the parameter's members give
            }
            String provider = "${" + script.source(e.subList(0, n - 3)) + "}";
            text = text.replace("${" + param + "}", provider);
            return text.replaceAll("\\$" + Pattern.quote(param) + "(?![\\w$])", Matcher.quoteReplacement(provider));
        }

        /** {@code group:name[:version[:classifier]]} text with a literal group and name, placeholders allowed elsewhere. */
        private static boolean isCoordinateTemplate(String text) {
            for (int k = 0; k < text.length(); k++) {
                char c = text.charAt(k);
                if (c == '$' && k + 1 < text.length() && text.charAt(k + 1) == '{') {
                    // a placeholder kept as written may hold a call: "${spotbugs.toolVersion.get()}"
                    k = GradleResolver.closingBrace(text, k + 2);
                } else if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '(' || c == ')') {
                    return false;
                }
            }
            List<String> parts = splitColons(text);
            return parts.size() >= 2 && parts.size() <= 4 && !parts.get(0).isEmpty() && parts.get(0).indexOf('$') < 0
                    && !parts.get(1).isEmpty();
        }

        /**
         * Modules of the build and local files: {@code project(":x")}, {@code projects.x}, {@code files(..)},
         * {@code gradleApi()}, {@code sourceSets.main.output}, a bare {@code project}; not external dependencies.
         */
        private static boolean isLocal(List<Node> e) {
            if (!(e.get(0) instanceof Token first && first.ident() && LOCAL.contains(first.text()))) {
                return false;
            }
            if (e.size() == 1 || e.get(1) instanceof Group g && g.open() == '(') {
                return true;
            }
            return !first.is("project") && !first.is("rootProject");
        }

        /** Whether a call's receiver is nothing, {@code dependencies} or {@code project.dependencies}. */
        private static boolean receiverIsHandler(List<Node> receiver) {
            if (receiver.isEmpty()) {
                return true;
            }
            String chain = GradleScript.chain(receiver.subList(0, receiver.size() - 1));
            boolean dotted = receiver.get(receiver.size() - 1) instanceof Token dot && (dot.is(".") || dot.is("?."));
            return dotted && chain != null && (chain.equals("dependencies") || chain.endsWith(".dependencies")
                    || chain.equals("dependencyFactory") || chain.endsWith(".dependencyFactory"));
        }

        /**
         * {@code libs.x.y}, {@code libs.bundles.z}, {@code libs.findLibrary("x").get()}, also reached through the root
         * project from a {@code subprojects {}} block: {@code rootProject.libs.x.y}.
         */
        private boolean catalogAccessor(List<Node> e, String scope, int line, ClosureVersion closureVersion) {
            List<Node> x = GradleResolver.stripSuffixes(e);
            if (x.size() > 2 && x.get(0) instanceof Token owner && (owner.is("rootProject") || owner.is("project"))
                    && x.get(1) instanceof Token dot && dot.is(".")) {
                x = x.subList(2, x.size());
            }
            if (x.isEmpty() || !(x.get(0) instanceof Token head && head.ident())) {
                return false;
            }
            GradleCatalog catalog = resolver.catalogs().get(head.text());
            int n = x.size();
            if (n >= 4 && x.get(n - 1) instanceof Group g && g.open() == '(' && x.get(n - 2) instanceof Token f
                    && (f.is("findLibrary") || f.is("findBundle") || f.is("getLibrary"))
                    && GradleScript.single(g.children()) instanceof Token alias && alias.kind() == Kind.STRING) {
                if (catalog == null) {
                    catalog = resolver.catalogs().get("libs");
                }
                if (catalog == null) {
                    return false;
                }
                String key = GradleCatalog.accessor(alias.text());
                return f.is("findBundle") ? bundle(catalog, key, scope, line) : library(catalog, key, scope, line, closureVersion);
            }
            String chain = GradleScript.chain(x);
            if (catalog == null || chain == null || chain.indexOf('.') < 0) {
                return false;
            }
            String rest = chain.substring(chain.indexOf('.') + 1);
            if (rest.startsWith("bundles.")) {
                return bundle(catalog, rest.substring("bundles.".length()), scope, line);
            }
            if (rest.startsWith("plugins.") || rest.startsWith("versions.")) {
                return false;
            }
            return library(catalog, rest, scope, line, closureVersion);
        }

        private boolean library(GradleCatalog catalog, String key, String scope, int line, ClosureVersion closureVersion) {
            Optional<Library> lib = catalog.library(key);
            if (lib.isEmpty()) {
                return false;
            }
            Library l = lib.get();
            String declared = l.declared();
            String resolved = exact(new Value(l.resolved(), true));
            if (declared.isEmpty() && closureVersion != null) {
                declared = closureVersion.declared();
                resolved = closureVersion.resolved();
            }
            rows.add(new Dependency(repo, Ecosystem.MAVEN, l.group(), l.name(), declared, resolved, scope, true, path, line, List.of()));
            return true;
        }

        private boolean bundle(GradleCatalog catalog, String key, String scope, int line) {
            Optional<List<String>> members = catalog.bundle(key);
            if (members.isEmpty()) {
                return false;
            }
            boolean all = true;
            for (String m : members.get()) {
                all &= library(catalog, m, scope, line, null);
            }
            return all;
        }

        /** {@code "group:name:version:classifier@ext"} with interpolation. */
        private boolean notation(String raw, boolean template, String scope, int line, ClosureVersion closureVersion) {
            if (template && catalogLibraryInString(raw, scope, line, closureVersion)) {
                return true;
            }
            List<String> parts = splitColons(raw);
            if (parts.size() < 2 && template) {
                Value whole = resolver.template(raw);
                if (whole.resolved() && whole.text().indexOf(':') > 0) {
                    return notation(whole.text(), false, scope, line, closureVersion);
                }
                return false;
            }
            if (parts.size() < 2) {
                return false;
            }
            if (template && parts.size() < 3 && raw.indexOf('$') >= 0) {
                // "org.jetbrains.exposed:${Deps.exposedDao}" where the placeholder holds "exposed-dao:0.45.0"
                Value whole = resolver.template(raw);
                if (whole.resolved() && splitColons(whole.text()).size() > parts.size()) {
                    return notation(whole.text(), false, scope, line, closureVersion);
                }
            }
            String last = parts.get(parts.size() - 1);
            int at = last.lastIndexOf('@');
            if (at >= 0 && last.indexOf('}', at) < 0) {
                parts.set(parts.size() - 1, last.substring(0, at));
            }
            Value g = template ? resolver.template(parts.get(0)) : new Value(parts.get(0), true);
            Value a = template ? resolver.template(parts.get(1)) : new Value(parts.get(1), true);
            if (!g.resolved() && !a.resolved()) {
                // "${id.group}:${id.name}:${id.version}:sources" in a loop over resolved artifacts: no coordinates are written
                return false;
            }
            String group = g.text();
            String name = a.text();
            String declared = parts.size() > 2 ? parts.get(2).trim() : "";
            String resolved = declared.isEmpty() ? "" : template ? exact(resolver.template(declared)) : exact(new Value(declared, true));
            if (declared.isEmpty() && closureVersion != null) {
                declared = closureVersion.declared();
                resolved = closureVersion.resolved();
            }
            if (name.isBlank()) {
                return false;
            }
            rows.add(new Dependency(repo, Ecosystem.MAVEN, group.trim(), name.trim(), declared, resolved, scope, true, path, line, List.of()));
            return true;
        }

        /**
         * A catalog library interpolated at the start of a string, whose provider value prints as {@code group:name:version}:
         * {@code "${libs.jna.get()}@aar"} (an artifact type) or {@code "${libs.gdx.platform.get()}:natives-desktop"}
         * (a classifier) is the library itself, declared as its accessor is.
         */
        private boolean catalogLibraryInString(String raw, String scope, int line, ClosureVersion closureVersion) {
            if (!raw.startsWith("${")) {
                return false;
            }
            int end = GradleResolver.closingBrace(raw, 2);
            if (end >= raw.length() || end + 1 < raw.length() && raw.charAt(end + 1) != ':' && raw.charAt(end + 1) != '@') {
                return false;
            }
            List<Node> e = GradleSyntax.parseExpression(raw.substring(2, end), script.kotlin());
            String chain = GradleScript.chain(GradleResolver.stripSuffixes(e));
            return (chain == null || !chain.contains(".bundles.")) && catalogAccessor(e, scope, line, closureVersion);
        }

        /** {@code group: 'g', name: 'a', version: 'v'} (Groovy) or {@code group = "g", name = "a", version = "v"} (Kotlin). */
        private boolean mapNotation(List<List<Node>> args, String scope, int line, ClosureVersion closureVersion) {
            Map<String, List<Node>> named = new HashMap<>();
            int position = 0;
            for (List<Node> a : args) {
                if (isNamed(a)) {
                    named.put(((Token) a.get(0)).text(), a.subList(2, a.size()));
                } else if (position < POSITIONS.size() && !named.containsKey(POSITIONS.get(position))) {
                    // Kotlin's runtimeOnly("g", "a", "1", classifier = "natives"): positional parameters first
                    named.put(POSITIONS.get(position++), a);
                }
            }
            if (!named.containsKey("name")) {
                return false;
            }
            List<Node> group = named.getOrDefault("group", List.of());
            return coordinates(group.isEmpty() ? "" : resolver.eval(group).text(), resolver.eval(named.get("name")).text(),
                    named.getOrDefault("version", List.of()), scope, line, closureVersion);
        }

        private boolean coordinates(String group, String name, List<Node> version, String scope, int line, ClosureVersion closureVersion) {
            if (name == null || name.isBlank()) {
                return false;
            }
            String declared = version.isEmpty() ? "" : written(version);
            String resolved = version.isEmpty() ? "" : exact(resolver.eval(version));
            if (declared.isEmpty() && closureVersion != null) {
                declared = closureVersion.declared();
                resolved = closureVersion.resolved();
            }
            rows.add(new Dependency(repo, Ecosystem.MAVEN, group == null ? "" : group.trim(), name.trim(), declared, resolved, scope, true,
                    path, line, List.of()));
            return true;
        }

        /** {@code kotlin("stdlib")}, {@code kotlin("test", "1.9.0")}, {@code kotlin("reflect", version = v)}. */
        private boolean kotlinModule(List<List<Node>> args, String scope, int line) {
            String module = string(args.get(0));
            if (module == null) {
                return false;
            }
            List<Node> version = List.of();
            if (args.size() > 1) {
                List<Node> v = args.get(1);
                version = isNamed(v) ? v.subList(2, v.size()) : v;
            }
            return coordinates(KOTLIN_GROUP, "kotlin-" + module, version, scope, line, null);
        }

        void plugin(PluginRequest p) {
            String id;
            String declared = "";
            String resolved = "";
            List<Node> arg = GradleScript.withoutNewlines(p.argument());
            if (isNamed(arg) && arg.get(1) instanceof Token eq && eq.is("=")) {
                arg = arg.subList(2, arg.size()); // alias(notation = libs.plugins.x), id(id = "x")
            }
            switch (p.form()) {
                case "alias" -> {
                    Optional<GradleCatalog.Plugin> entry = catalogPlugin(arg);
                    if (entry.isEmpty()) {
                        unknowns.add(new UnknownDeclaration(repo, path, p.line(), p.text()));
                        return;
                    }
                    id = entry.get().id();
                    declared = entry.get().declared();
                    resolved = exact(new Value(entry.get().resolved(), true));
                }
                case "kotlin" -> {
                    String module = string(arg);
                    id = module == null ? null : "org.jetbrains.kotlin." + module;
                }
                default -> id = string(arg);
            }
            if (id == null) {
                unknowns.add(new UnknownDeclaration(repo, path, p.line(), p.text()));
                return;
            }
            id = resolver.template(id).text();
            if (p.version() != null && !p.version().isEmpty()) {
                declared = written(p.version());
                resolved = exact(resolver.eval(p.version()));
            }
            boolean core = id.indexOf('.') < 0 || id.startsWith("org.gradle.");
            if (p.form().equals("apply") || p.version() == null || p.version().isEmpty()) {
                if (declared.isEmpty() && (core || localPlugins.contains(id))) {
                    return;
                }
                // the repository's own convention plugin in the catalog, { id = "x", version = "unspecified" }:
                // Gradle's placeholder for a plugin already on the build's classpath, so no version is written
                if (p.form().equals("alias") && declared.equals("unspecified") && localPlugins.contains(id)) {
                    return;
                }
            }
            rows.add(new Dependency(repo, Ecosystem.GRADLE_PLUGIN, "", id, declared, resolved, "plugin", true, path, p.line(), List.of()));
        }

        private Optional<GradleCatalog.Plugin> catalogPlugin(List<Node> arg) {
            String chain = GradleScript.chain(GradleResolver.stripSuffixes(arg));
            if (chain == null) {
                return Optional.empty();
            }
            String[] parts = chain.split("\\.", 3);
            GradleCatalog catalog = resolver.catalogs().get(parts[0]);
            if (catalog == null || parts.length < 3 || !parts[1].equals("plugins")) {
                return Optional.empty();
            }
            return catalog.plugin(parts[2]);
        }

        /**
         * A version set in the declaration's closure ({@code version { strictly("1.0") }}): the text as written and the
         * exact version it resolves to.
         */
        private record ClosureVersion(String declared, String resolved) {
        }

        /**
         * {@code { version { strictly("1.0") } }}: the version the closure sets, a string or an expression such as a
         * variable ({@code strictly(antVersion)}); null when it sets none. Strings are chosen as for a catalog's rich
         * version: {@code strictly("[1.0,2.0["); prefer("1.5")} is declared {@code [1.0,2.0[} and resolves to 1.5.
         */
        private ClosureVersion closureVersion(Group closure) {
            if (closure == null) {
                return null;
            }
            for (List<Node> st : GradleScript.statements(closure.children())) {
                if (st.size() == 2 && st.get(0) instanceof Token v && v.is("version") && st.get(1) instanceof Group body
                        && body.open() == '{') {
                    Map<String, String> parts = new HashMap<>();
                    for (List<Node> inner : GradleScript.statements(body.children())) {
                        if (inner.size() >= 2 && inner.get(0) instanceof Token k
                                && (k.is("strictly") || k.is("require") || k.is("prefer"))) {
                            List<Node> arg = inner.get(1) instanceof Group g && g.open() == '(' ? g.children() : inner.subList(1, inner.size());
                            if (GradleScript.single(arg) instanceof Token s && s.kind() == Kind.STRING) {
                                parts.putIfAbsent(k.text(), s.text());
                            } else if (parts.isEmpty() && GradleResolver.reference(arg) != null) {
                                return new ClosureVersion(written(arg), exact(resolver.eval(arg)));
                            }
                        }
                    }
                    String declared = GradleCatalog.rich(parts::get);
                    if (declared != null) {
                        return new ClosureVersion(declared, exact(resolver.template(GradleCatalog.chosen(parts::get, declared))));
                    }
                }
            }
            return null;
        }

        /** The version text as written: a string's content, or the expression's source. */
        private String written(List<Node> expr) {
            Node single = GradleScript.single(expr);
            if (single instanceof Token t && t.kind() == Kind.STRING) {
                return t.text();
            }
            return script.source(GradleScript.withoutNewlines(expr));
        }

        private String string(List<Node> expr) {
            return GradleScript.single(expr) instanceof Token t && t.kind() == Kind.STRING ? t.text() : null;
        }

        /** {@code implementation(dependencyNotation = libs.x)}: a Kotlin named argument holding the notation, read as the notation. */
        private static List<List<Node>> withoutNotationName(List<List<Node>> args) {
            if (args.size() == 1 && isNamed(args.get(0)) && args.get(0).get(0) instanceof Token k && k.is("dependencyNotation")
                    && args.get(0).get(1) instanceof Token eq && eq.is("=")) {
                return List.of(args.get(0).subList(2, args.get(0).size()));
            }
            return args;
        }

        private static boolean isNamed(List<Node> arg) {
            return arg.size() >= 3 && arg.get(0) instanceof Token k && k.ident() && arg.get(1) instanceof Token sep
                    && (sep.is(":") || sep.is("="));
        }

        private boolean positional(List<List<Node>> args) {
            for (List<Node> a : args) {
                if (string(a) == null) {
                    return false;
                }
            }
            return string(args.get(0)).indexOf(':') < 0;
        }
    }

    /**
     * A resolved version when it is one exact version: no placeholder, range, dynamic version ending in {@code +}
     * ({@code 1.+}), {@code latest.*} or the refreshVersions placeholder {@code _} (its version lives in
     * {@code versions.properties}). A {@code +} inside a version is part of it ({@code 9+181-r4173-1}).
     */
    static String exact(Value v) {
        if (!v.resolved()) {
            return "";
        }
        String s = v.text().trim();
        if (s.endsWith("!!")) {
            s = s.substring(0, s.length() - 2);
        }
        if (s.isEmpty() || s.contains("$") || s.endsWith("+") || s.contains(",") || s.startsWith("[") || s.startsWith("(")
                || s.startsWith("]") || s.startsWith("latest.") || s.contains(" ") || s.equals("_")) {
            return "";
        }
        return s;
    }

    /** Splits coordinates at colons outside {@code ${..}}. */
    static List<String> splitColons(String raw) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        int k = 0;
        while (k < raw.length()) {
            char c = raw.charAt(k);
            if (c == '$' && k + 1 < raw.length() && raw.charAt(k + 1) == '{') {
                k = GradleResolver.closingBrace(raw, k + 2) + 1;
                continue;
            }
            if (c == ':') {
                parts.add(raw.substring(from, k));
                from = k + 1;
            }
            k++;
        }
        parts.add(raw.substring(from));
        return parts;
    }

    private static boolean hasTopLevel(List<Node> e, String op) {
        return e.stream().anyMatch(n -> n instanceof Token t && t.is(op));
    }

    private static List<List<Node>> splitPlus(List<Node> e) {
        List<List<Node>> parts = new ArrayList<>();
        int from = 0;
        for (int k = 0; k < e.size(); k++) {
            if (e.get(k) instanceof Token t && t.is("+")) {
                parts.add(e.subList(from, k));
                from = k + 1;
            }
        }
        parts.add(e.subList(from, e.size()));
        return parts;
    }

    private static boolean isBuildScript(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        return file.equals("build.gradle") || file.equals("build.gradle.kts");
    }

    static String dir(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The parent folder; null above the root. */
    private static String parent(String dir) {
        if (dir.isEmpty()) {
            return null;
        }
        return dir(dir);
    }

    /** A catalog path written in settings, {@code "$rootDir/gradle/deps.toml"}: relative to the settings folder, which is the build's root. */
    private static String fromSettingsDir(String written) {
        for (String root : new String[] {"${rootDir}/", "$rootDir/", "${settingsDir}/", "$settingsDir/"}) {
            if (written.startsWith(root)) {
                return written.substring(root.length());
            }
        }
        return written;
    }

    /** The repository path of an {@code apply from:} target: from the root for {@code $rootDir/..}, else from the applying folder. */
    private static String appliedPath(String dir, String written) {
        for (String root : new String[] {"${rootDir}/", "$rootDir/", "${rootProject.rootDir}/", "$rootProject.rootDir/",
                "${rootProject.projectDir}/", "$rootProject.projectDir/", "${project.rootDir}/", "$project.rootDir/"}) {
            if (written.startsWith(root)) {
                return RepoTree.resolve("", written.substring(root.length()));
            }
        }
        if (written.contains("$") || written.contains("://")) {
            return null;
        }
        return RepoTree.resolve(dir, written);
    }

}
