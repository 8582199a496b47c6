package dev.radar.collect;

import dev.radar.collect.GradleSyntax.Group;
import dev.radar.collect.GradleSyntax.Kind;
import dev.radar.collect.GradleSyntax.Node;
import dev.radar.collect.GradleSyntax.Token;
import dev.radar.model.UnknownDeclaration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one Gradle script declares, before anything is resolved: dependency declarations found in
 * {@code dependencies {}} blocks (anywhere: top level, {@code buildscript}, {@code subprojects},
 * Kotlin source sets) and in {@code dependencies.add/create(...)} calls, plugin requests from
 * {@code plugins {}} blocks, variables ({@code ext}, {@code extra}, {@code val}/{@code def}, top-level
 * assignments) and, for settings scripts, the version catalogs they declare.
 */
final class GradleScript {

    /** A dependency statement: configuration name, its arguments (each a node list) and the closure after it. */
    record Declaration(String configuration, List<List<Node>> arguments, Group closure, int line, String text, String context) {}

    /** A plugin request: {@code id(..)}, {@code kotlin(..)} or {@code alias(..)}, with the version expression if any. */
    record PluginRequest(String form, List<Node> argument, List<Node> version, int line, String text) {}

    /** A statement inside a dependency block that is none of the forms a declaration can take. */
    record Unknown(int line, String text) {}

    private static final Set<String> CONTROL = Set.of("if", "else", "for", "while", "when", "try", "catch", "finally", "do", "switch");
    private static final Set<String> MODIFIERS = Set.of("val", "var", "def", "final", "const", "private", "public", "internal",
            "protected", "static", "lateinit", "override", "inline");
    /** Statements that print or log, which a dependencies block may hold too. */
    private static final Set<String> OUTPUT = Set.of("println", "print", "logger", "System");
    /**
     * Blocks inside {@code dependencies {}} that configure resolution and hold no declarations of coordinates; the
     * IntelliJ Platform plugin's {@code intellijPlatform { create("IC", "2024.3"); bundledPlugin("x") }} names IDEs and
     * IDE plugins, and Spring Boot's {@code bootJar { layered { dependencies { intoLayer("x") { include("g:*") } } } }}
     * sorts the jar's layers; a {@code repositories {}} block misplaced there names repositories.
     */
    private static final Set<String> OPAQUE = Set.of("components", "modules", "attributesSchema", "artifactTypes", "registerTransform",
            "exclude", "attributes", "capabilities", "intellijPlatform", "intoLayer", "repositories");

    private final String text;
    private final boolean kotlin;
    private boolean source;
    final List<Declaration> declarations = new ArrayList<>();
    final List<PluginRequest> plugins = new ArrayList<>();
    final List<Unknown> unknowns = new ArrayList<>();
    final Map<String, List<Node>> variables = new LinkedHashMap<>();
    /** For a member of an object or class ({@code Libs.Compose.ui}), that type ({@code Libs.Compose}): where its value's names are looked up first. */
    final Map<String, String> scopes = new HashMap<>();
    /** Catalog name to the path written in {@code from(files("..."))}, from settings scripts. */
    final Map<String, String> catalogs = new LinkedHashMap<>();
    /** Scripts applied with {@code apply from:}, as written ({@code "$rootDir/gradle/deps.gradle"}, {@code "versions.gradle"}). */
    final List<String> appliedScripts = new ArrayList<>();
    /** Catalogs a settings script builds entry by entry ({@code library("a", "g", "n").versionRef("k")}), by name. */
    final Map<String, GradleCatalog> declaredCatalogs = new LinkedHashMap<>();
    /** Plugin ids this script defines ({@code gradlePlugin { plugins { create("x") { id = "..." } } }}). */
    final Set<String> definedPluginIds = new LinkedHashSet<>();
    final List<GradleSyntax.SyntaxProblem> problems;

    private enum Mode { NORMAL, DEPENDENCIES, PLUGINS, EXT, DEPENDENCY_MANAGEMENT }

    /** Where a statement is: the names of the enclosing blocks, what they hold, and the enclosing classes or objects. */
    private record Context(List<String> stack, Mode mode, String namespace) {
        Context push(String name, Mode m) {
            List<String> s = new ArrayList<>(stack);
            s.add(name);
            return new Context(s, m, namespace);
        }

        Context type(String name) {
            List<String> s = new ArrayList<>(stack);
            s.add(name);
            return new Context(s, Mode.NORMAL, namespace.isEmpty() ? name : namespace + "." + name);
        }

        boolean topLevel() {
            return stack.isEmpty();
        }
    }

    private GradleScript(String text, boolean kotlin, List<GradleSyntax.SyntaxProblem> problems) {
        this.text = text;
        this.kotlin = kotlin;
        this.problems = problems;
    }

    static GradleScript parse(String text, boolean kotlin) {
        GradleSyntax.Parsed parsed = GradleSyntax.parse(text, kotlin);
        GradleScript script = new GradleScript(text, kotlin, parsed.problems());
        script.block(parsed.nodes(), new Context(List.of(), Mode.NORMAL, ""));
        return script;
    }

    /**
     * Reads the constants of build-logic source files ({@code buildSrc/src/main/kotlin/Libs.kt}): members of
     * objects and classes become variables named {@code Type.member}, e.g. {@code Libs.okio}.
     */
    static GradleScript parseSource(String text, boolean kotlin) {
        GradleSyntax.Parsed parsed = GradleSyntax.parse(text, kotlin);
        GradleScript script = new GradleScript(text, kotlin, List.of());
        script.source = true;
        script.block(parsed.nodes(), new Context(List.of(), Mode.NORMAL, ""));
        return script;
    }

    boolean kotlin() {
        return kotlin;
    }

    // ---- statements --------------------------------------------------------------------------------------

    /** Splits a block's content into statements at newlines and semicolons, honouring line continuations. */
    static List<List<Node>> statements(List<Node> nodes) {
        List<List<Node>> result = new ArrayList<>();
        List<Node> current = new ArrayList<>();
        for (int k = 0; k < nodes.size(); k++) {
            Node n = nodes.get(k);
            boolean newline = n instanceof Token t && t.kind() == Kind.NEWLINE;
            boolean semicolon = n instanceof Token t && t.is(";");
            if (!newline && !semicolon) {
                current.add(n);
                continue;
            }
            if (current.isEmpty()) {
                continue;
            }
            if (newline && continues(current, nodes, k)) {
                continue;
            }
            result.add(current);
            current = new ArrayList<>();
        }
        if (!current.isEmpty()) {
            result.add(current);
        }
        return result;
    }

    private static final Set<String> TRAILING_CONTINUATION = Set.of(".", "?.", ",", "=", "+", "-", "*", "/", "&&", "||", "->", "?:",
            ":", "==", "!=", "+=", "-=", "?", "!", "<", "..", "=~", "==~", "<<", "::", "@");
    private static final Set<String> LEADING_CONTINUATION = Set.of(".", "?.", "?:", "&&", "||", "*.", "::");

    private static boolean continues(List<Node> current, List<Node> nodes, int newlineIndex) {
        Node last = current.get(current.size() - 1);
        if (last instanceof Token star && star.is("*") && current.get(0) instanceof Token i && i.is("import")) {
            return false; // import org.example.*
        }
        if (last instanceof Token t && (t.kind() == Kind.PUNCT && TRAILING_CONTINUATION.contains(t.text())
                || t.ident() && (t.text().equals("else") || t.text().equals("by") || t.text().equals("in")))) {
            return true;
        }
        for (int k = newlineIndex + 1; k < nodes.size(); k++) {
            Node n = nodes.get(k);
            if (n instanceof Token t && t.kind() == Kind.NEWLINE) {
                continue;
            }
            if (n instanceof Token t) {
                boolean whenBranch = t.is("else") && k + 1 < nodes.size() && nodes.get(k + 1) instanceof Token arrow && arrow.is("->");
                return t.kind() == Kind.PUNCT && LEADING_CONTINUATION.contains(t.text())
                        || t.ident() && !whenBranch && (t.text().equals("else") || t.text().equals("catch") || t.text().equals("finally"));
            }
            // a control statement's body on the next line: if (x)\n { ... }
            return n instanceof Group g && g.open() == '{' && endsWithControlHead(current);
        }
        return false;
    }

    private static boolean endsWithControlHead(List<Node> current) {
        if (current.size() == 1 && current.get(0) instanceof Token t && (t.is("else") || t.is("try") || t.is("finally") || t.is("do"))) {
            return true;
        }
        return current.size() == 2 && current.get(0) instanceof Token t && CONTROL.contains(t.text())
                && current.get(1) instanceof Group g && g.open() == '(';
    }

    private void block(List<Node> nodes, Context ctx) {
        for (List<Node> st : statements(nodes)) {
            statement(st, ctx);
        }
    }

    private void statement(List<Node> raw, Context ctx) {
        List<Node> st = stripPrefix(raw);
        if (st.isEmpty()) {
            return;
        }
        variable(st, ctx);
        switch (ctx.mode()) {
            case DEPENDENCIES -> dependencyStatement(st, ctx);
            case PLUGINS -> pluginStatement(st, ctx);
            case DEPENDENCY_MANAGEMENT -> managementStatement(st, ctx);
            case EXT, NORMAL -> normalStatement(st, ctx);
        }
    }

    /** Drops annotations and lambda parameters / {@code when} conditions ({@code x ->}) in front of a statement. */
    private static List<Node> stripPrefix(List<Node> st) {
        int from = 0;
        while (from + 1 < st.size() && st.get(from) instanceof Token t && t.is("@") && st.get(from + 1) instanceof Token) {
            from += 2;
            if (from < st.size() && st.get(from) instanceof Token c && c.is(":") && from + 1 < st.size()) {
                from += 2; // @file:Suppress
            }
            if (from < st.size() && st.get(from) instanceof Group g && g.open() == '(') {
                from++;
            }
        }
        for (int k = from; k < st.size(); k++) {
            if (st.get(k) instanceof Token t && t.is("->")) {
                from = k + 1;
                break;
            }
            if (st.get(k) instanceof Group g && g.open() == '{') {
                break;
            }
        }
        return st.subList(from, st.size());
    }

    // ---- outside dependency blocks ----------------------------------------------------------------------

    private static final Set<String> TYPES = Set.of("object", "class", "interface", "enum");

    private void normalStatement(List<Node> st, Context ctx) {
        if (source || kotlin && isTypeDeclaration(st)) {
            // object Versions { const val ktor = ".." } in a script too: its members are Versions.ktor
            typeDeclaration(st, ctx);
            return;
        }
        int last = st.size() - 1;
        Group body = st.get(last) instanceof Group g && g.open() == '{' ? g : null;
        String name = body == null ? null : blockName(st, last);
        if (body != null && name != null) {
            boolean simple = isSimpleBlockHead(st, last);
            if (name.equals("dependencies") && (simple || isReceiverBlockHead(st, last))) {
                block(body.children(), ctx.push(name, Mode.DEPENDENCIES));
                scanCalls(st.subList(0, last), ctx);
                return;
            }
            if (name.equals("plugins") && simple && last == 1
                    && (ctx.topLevel() || ctx.stack().equals(List.of("pluginManagement")))) {
                block(body.children(), ctx.push(name, Mode.PLUGINS));
                return;
            }
            if (name.equals("ext") && simple || isExtraScope(st, last)) {
                block(body.children(), ctx.push(name, Mode.EXT));
                return;
            }
            if (name.equals("dependencyManagement") && last == 1) {
                block(body.children(), ctx.push(name, Mode.DEPENDENCY_MANAGEMENT));
                return;
            }
            if (name.equals("versionCatalogs") || ctx.stack().contains("versionCatalogs") || onVersionCatalogs(st, last)) {
                catalogDeclaration(st, body, ctx);
            }
        }
        if (ctx.stack().contains("gradlePlugin") && assignment(st) == 1 && st.size() == 3
                && st.get(0) instanceof Token t && t.is("id") && st.get(2) instanceof Token v && v.kind() == Kind.STRING) {
            definedPluginIds.add(v.text());
        }
        int handler = handlerCall(st);
        if (handler > 0) {
            dependencyStatement(st.subList(handler, st.size()), ctx.push("dependencies", Mode.DEPENDENCIES));
            return;
        }
        applyPlugin(st);
        scanCalls(st, ctx);
        nestedBlocks(st, ctx, name, body);
    }

    /**
     * {@code dependencies.compileOnly 'g:a:v'}, {@code project.dependencies.implementation(..)}: a declaration made
     * on the dependency handler without a block. Returns the index of the configuration name, or -1 ({@code add} and
     * {@code create} are {@link #scanCalls}'s).
     */
    private static int handlerCall(List<Node> st) {
        int k = st.size() > 2 && st.get(0) instanceof Token p && (p.is("project") || p.is("rootProject") || p.is("it"))
                && st.get(1) instanceof Token dot && dot.is(".") ? 2 : 0;
        if (k + 3 < st.size() && st.get(k) instanceof Token d && d.is("dependencies") && st.get(k + 1) instanceof Token dot
                && dot.is(".") && st.get(k + 2) instanceof Token c && c.ident() && !c.is("add") && !c.is("create")
                && !OPAQUE.contains(c.text()) && !(st.get(k + 3) instanceof Token next && (next.is(".") || next.is("?.")))
                && assignment(st) < 0) {
            return k + 2;
        }
        return -1;
    }

    /** {@code object X {..}}, {@code class X {..}}: a named type with a body. */
    private static boolean isTypeDeclaration(List<Node> st) {
        if (!(st.get(st.size() - 1) instanceof Group body && body.open() == '{')) {
            return false;
        }
        for (int k = 0; k + 1 < st.size(); k++) {
            if (st.get(k) instanceof Token t && TYPES.contains(t.text()) && st.get(k + 1) instanceof Token name && name.ident()) {
                return true;
            }
        }
        return false;
    }

    /** In build-logic sources only types matter: their bodies hold the constants. */
    private void typeDeclaration(List<Node> st, Context ctx) {
        if (!(st.get(st.size() - 1) instanceof Group body && body.open() == '{')) {
            return;
        }
        for (int k = 0; k + 1 < st.size(); k++) {
            if (st.get(k) instanceof Token t && TYPES.contains(t.text()) && st.get(k + 1) instanceof Token name && name.ident()) {
                block(body.children(), ctx.type(name.text()));
                return;
            }
        }
    }

    /** Walks the brace groups of a statement that is not itself special: lambdas, configuration blocks. */
    private void nestedBlocks(List<Node> st, Context ctx, String trailingName, Group trailing) {
        for (int k = 0; k < st.size(); k++) {
            Node n = st.get(k);
            if (n instanceof Group g) {
                if (g.open() == '{') {
                    String name = g == trailing ? trailingName : blockName(st, k);
                    block(g.children(), ctx.push(name == null ? "" : name, Mode.NORMAL));
                } else {
                    nestedBlocks(g.children(), ctx, null, null);
                }
            }
        }
    }

    /** The name of the block a brace group opens: the identifier before it, skipping arguments and type arguments. */
    static String blockName(List<Node> st, int braceIndex) {
        int k = braceIndex - 1;
        if (k >= 0 && st.get(k) instanceof Group g && g.open() == '(') {
            k--;
        }
        if (k >= 0 && st.get(k) instanceof Token t && t.is(">")) {
            int depth = 0;
            for (; k >= 0; k--) {
                if (st.get(k) instanceof Token a && a.is(">")) {
                    depth++;
                } else if (st.get(k) instanceof Token a && a.is("<") && --depth == 0) {
                    k--;
                    break;
                }
            }
        }
        if (k >= 0 && st.get(k) instanceof Token t && (t.ident() || t.kind() == Kind.STRING)) {
            return t.text();
        }
        return null;
    }

    /** {@code name {}}, {@code name(args) {}} or {@code a.b.name {}}: a block opened by a plain call. */
    private static boolean isSimpleBlockHead(List<Node> st, int braceIndex) {
        for (int k = 0; k < braceIndex; k++) {
            Node n = st.get(k);
            boolean ok = n instanceof Token t && (t.ident() || t.is(".") || t.is("?."))
                    || n instanceof Group g && g.open() == '(' && k == braceIndex - 1;
            if (!ok) {
                return false;
            }
        }
        return braceIndex > 0;
    }

    /** {@code extra.apply {}}, {@code rootProject.ext.run {}}: a block whose receiver is the extra properties, like {@code ext {}}. */
    private static boolean isExtraScope(List<Node> st, int braceIndex) {
        return braceIndex >= 3 && st.get(braceIndex - 1) instanceof Token f && (f.is("apply") || f.is("run"))
                && st.get(braceIndex - 2) instanceof Token dot && dot.is(".")
                && st.get(braceIndex - 3) instanceof Token ex && (ex.is("ext") || ex.is("extra"))
                && isSimpleBlockHead(st, braceIndex);
    }

    /**
     * {@code sourceSets["commonMain"].dependencies {}}, {@code sourceSets.getByName("jvmMain").dependencies {}}: a
     * block opened on a receiver reached through calls or subscripts.
     */
    private static boolean isReceiverBlockHead(List<Node> st, int braceIndex) {
        if (braceIndex < 3 || !(st.get(0) instanceof Token first && first.ident())
                || !(st.get(braceIndex - 2) instanceof Token dot && (dot.is(".") || dot.is("?.")))) {
            return false;
        }
        for (int k = 1; k < braceIndex - 2; k++) {
            Node n = st.get(k);
            boolean ok = n instanceof Token t && (t.ident() || t.is(".") || t.is("?."))
                    || n instanceof Group g && (g.open() == '(' || g.open() == '[');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Finds {@code dependencies.add(...)} and {@code dependencies.create(...)} calls anywhere in a statement. */
    private void scanCalls(List<Node> nodes, Context ctx) {
        for (int k = 0; k < nodes.size(); k++) {
            if (k + 3 < nodes.size() && nodes.get(k) instanceof Token d && d.is("dependencies")
                    && nodes.get(k + 1) instanceof Token dot && dot.is(".")
                    && nodes.get(k + 2) instanceof Token m && (m.is("add") || m.is("create"))
                    && nodes.get(k + 3) instanceof Group args && args.open() == '(' && !ownedByOther(nodes, k)) {
                List<List<Node>> arguments = arguments(args.children());
                String configuration = "";
                if (m.is("add")) {
                    if (arguments.isEmpty() || !(single(arguments.get(0)) instanceof Token c && c.kind() == Kind.STRING)) {
                        unknown(nodes.subList(k, k + 4));
                        k += 3;
                        continue;
                    }
                    configuration = c.text();
                    arguments = arguments.subList(1, arguments.size());
                }
                Group closure = k + 4 < nodes.size() && nodes.get(k + 4) instanceof Group g && g.open() == '{' ? g : null;
                declarations.add(new Declaration(configuration, arguments, closure, d.line(), text(nodes.subList(k, k + 4)),
                        String.join("/", ctx.stack())));
                k += 3;
                continue;
            }
            if (nodes.get(k) instanceof Group g && g.open() != '{') {
                scanCalls(g.children(), ctx);
            }
        }
    }

    /** {@code configurations.x.dependencies.add(..)} adds to a configuration, not to the project's dependency handler. */
    private static boolean ownedByOther(List<Node> nodes, int k) {
        if (k == 0 || !(nodes.get(k - 1) instanceof Token p && (p.is(".") || p.is("?.")))) {
            return false;
        }
        return !(k > 1 && nodes.get(k - 2) instanceof Token q && (q.is("project") || q.is("rootProject") || q.is("it")));
    }

    /** {@code apply plugin: 'x'} (Groovy) and {@code apply(plugin = "x")} (Kotlin). */
    private void applyPlugin(List<Node> st) {
        if (!(st.get(0) instanceof Token a && a.is("apply"))) {
            return;
        }
        List<Node> args = st.size() == 2 && st.get(1) instanceof Group g && g.open() == '(' ? g.children() : st.subList(1, st.size());
        for (List<Node> arg : arguments(args)) {
            if (arg.size() == 3 && arg.get(0) instanceof Token k && k.is("plugin") && arg.get(1) instanceof Token sep
                    && (sep.is(":") || sep.is("=")) && arg.get(2) instanceof Token v && v.kind() == Kind.STRING) {
                plugins.add(new PluginRequest("apply", List.of(v), null, a.line(), text(st)));
            }
            if (arg.size() >= 3 && arg.get(0) instanceof Token k && k.is("from") && arg.get(1) instanceof Token sep
                    && (sep.is(":") || sep.is("="))) {
                List<Node> target = arg.subList(2, arg.size());
                // "x.gradle", file("x.gradle"), rootProject.file("x.gradle"), project.file(..)
                boolean root = target.size() >= 2 && target.get(0) instanceof Token r && r.is("rootProject");
                Node last = target.get(target.size() - 1);
                if (target.size() >= 2 && last instanceof Group g && g.open() == '(' && target.get(target.size() - 2) instanceof Token f
                        && f.is("file")) {
                    last = single(g.children());
                } else if (target.size() != 1) {
                    continue;
                }
                if (last instanceof Token path && path.kind() == Kind.STRING) {
                    appliedScripts.add(root ? "$rootDir/" + path.text() : path.text());
                }
            }
        }
    }

    /** {@code versionCatalogs { create("x") { from(files("path")) } }} and catalogs built entry by entry, in settings scripts. */
    private void catalogDeclaration(List<Node> st, Group body, Context ctx) {
        String catalog = catalogName(st, ctx);
        if (catalog == null) {
            return;
        }
        Map<String, String> versions = new LinkedHashMap<>();
        Map<String, String[]> libraries = new LinkedHashMap<>();
        Map<String, List<String>> bundles = new LinkedHashMap<>();
        Map<String, String[]> pluginEntries = new LinkedHashMap<>();
        Map<String, String> versionAliases = new HashMap<>(); // val jpa = version("jpa", ..): jpa names the version "jpa"
        for (List<Node> inner : statements(body.children())) {
            if (inner.size() >= 2 && inner.get(0) instanceof Token from && from.is("from")) {
                // from(files("x.toml")), or Groovy's from files("x.toml")
                List<Node> x = inner.get(1) instanceof Group fa && fa.open() == '(' ? fa.children() : inner.subList(1, inner.size());
                if (x.size() >= 2 && x.get(0) instanceof Token files && (files.is("files") || files.is("file"))
                        && x.get(1) instanceof Group fp && !arguments(fp.children()).isEmpty()
                        && single(arguments(fp.children()).get(0)) instanceof Token path && path.kind() == Kind.STRING) {
                    catalogs.put(catalog, path.text());
                }
            }
            List<Node> entry = withoutNewlines(inner);
            int eq = assignment(entry);
            if (eq > 0) {
                String name = declaredName(entry.subList(0, eq));
                entry = entry.subList(eq + 1, entry.size());
                if (name != null && entry.size() >= 2 && entry.get(0) instanceof Token v && v.is("version") && entry.get(1) instanceof Group call
                        && !arguments(call.children()).isEmpty()
                        && single(arguments(call.children()).get(0)) instanceof Token alias && alias.kind() == Kind.STRING) {
                    versionAliases.put(name, alias.text());
                }
            }
            catalogEntry(entry, versions, libraries, bundles, pluginEntries, versionAliases);
        }
        if (!versions.isEmpty() || !libraries.isEmpty() || !pluginEntries.isEmpty()) {
            declaredCatalogs.putIfAbsent(catalog, GradleCatalog.declared(versions, libraries, bundles, pluginEntries));
        }
    }

    /** {@code versionCatalogs.create("libs") {}}, {@code settings.dependencyResolutionManagement.versionCatalogs.register("x") {}}. */
    private static boolean onVersionCatalogs(List<Node> st, int braceIndex) {
        return braceIndex >= 4 && st.get(braceIndex - 4) instanceof Token v && v.is("versionCatalogs")
                && st.get(braceIndex - 3) instanceof Token dot && dot.is(".") && isSimpleBlockHead(st, braceIndex);
    }

    /** The catalog a block declares: {@code create("x") {}}, {@code register("x") {}}, or Groovy's {@code x {}} in versionCatalogs. */
    private static String catalogName(List<Node> st, Context ctx) {
        int last = st.size() - 1;
        if (last == 1 && st.get(0) instanceof Token name && name.ident() && !ctx.stack().isEmpty()
                && ctx.stack().get(ctx.stack().size() - 1).equals("versionCatalogs")) {
            return name.text();
        }
        if (!(last >= 2 && st.get(last - 1) instanceof Group args && args.open() == '(')) {
            return null;
        }
        String method = blockName(st, last);
        List<List<Node>> a = arguments(args.children());
        if (!("create".equals(method) || "register".equals(method) || "maybeCreate".equals(method)) || a.isEmpty()
                || !(single(a.get(0)) instanceof Token nameToken && nameToken.kind() == Kind.STRING)) {
            return null;
        }
        return nameToken.text();
    }

    /**
     * One entry of a catalog built in settings: {@code version("k", "1.0")}, {@code library("a", "g", "n").versionRef("k")},
     * {@code library("a", "g:n:1.0")}, {@code .version("1.0")}, {@code .withoutVersion()}, {@code bundle("b", listOf("a"))},
     * {@code plugin("p", "id").versionRef("k")}.
     */
    private static void catalogEntry(List<Node> st, Map<String, String> versions, Map<String, String[]> libraries,
            Map<String, List<String>> bundles, Map<String, String[]> plugins, Map<String, String> versionAliases) {
        if (st.size() < 2 || !(st.get(0) instanceof Token head && head.ident() && st.get(1) instanceof Group call && call.open() == '(')) {
            return;
        }
        List<String> args = new ArrayList<>();
        List<List<Node>> raw = arguments(call.children());
        for (List<Node> a : raw) {
            args.add(single(a) instanceof Token t && t.kind() == Kind.STRING ? t.text() : null);
        }
        if (args.isEmpty() || args.get(0) == null) {
            return;
        }
        String version = "";
        String[] rich = null;
        if (st.size() >= 5 && st.get(2) instanceof Token dot && dot.is(".") && st.get(3) instanceof Token m && st.get(4) instanceof Group v
                && v.open() == '(' && single(v.children()) instanceof Token value && value.kind() == Kind.STRING) {
            version = m.is("versionRef") ? "ref:" + value.text() : m.is("version") ? value.text() : "";
        } else if (st.size() >= 5 && st.get(2) instanceof Token dot && dot.is(".") && st.get(3) instanceof Token m && m.is("versionRef")
                && st.get(4) instanceof Group v && single(v.children()) instanceof Token name && versionAliases.containsKey(name.text())) {
            version = "ref:" + versionAliases.get(name.text()); // .versionRef(jpa) with val jpa = version("jpa", ..)
        } else if (st.size() == 5 && st.get(2) instanceof Token dot && dot.is(".") && st.get(3) instanceof Token m && m.is("version")
                && st.get(4) instanceof Group closure && closure.open() == '{') {
            rich = richVersion(closure); // library("x", "g", "a").version { strictly("1.0") }
            version = rich == null ? "" : rich[0];
        }
        String alias = args.get(0);
        switch (head.text()) {
            case "version" -> {
                if (args.size() == 2 && args.get(1) != null) {
                    versions.putIfAbsent(alias, args.get(1));
                } else if (args.size() == 1 && st.size() == 3 && st.get(2) instanceof Group closure && closure.open() == '{') {
                    String[] v = richVersion(closure); // version("x") { strictly("1.0") }
                    if (v != null) {
                        versions.putIfAbsent(alias, v[1]);
                    }
                }
            }
            case "library" -> {
                if (args.size() == 3 && args.get(1) != null && args.get(2) != null) {
                    libraries.putIfAbsent(alias, rich == null ? new String[] {args.get(1).trim(), args.get(2).trim(), version}
                            : new String[] {args.get(1).trim(), args.get(2).trim(), rich[0], rich[1]});
                } else if (args.size() == 2 && args.get(1) != null) {
                    String[] parts = args.get(1).split(":", -1);
                    if (parts.length >= 2 && !parts[1].isBlank()) {
                        libraries.putIfAbsent(alias, new String[] {parts[0].trim(), parts[1].trim(), parts.length > 2 ? parts[2] : version});
                    }
                }
            }
            case "plugin" -> {
                if (args.size() == 2 && args.get(1) != null) {
                    plugins.putIfAbsent(alias, new String[] {args.get(1).trim(), version});
                }
            }
            case "bundle" -> {
                if (raw.size() == 2) {
                    List<Node> list = withoutNewlines(raw.get(1));
                    Group members = list.size() == 1 && list.get(0) instanceof Group g && g.open() == '[' ? g
                            : list.size() == 2 && list.get(0) instanceof Token f && f.is("listOf") && list.get(1) instanceof Group g
                                    && g.open() == '(' ? g : null;
                    if (members != null) {
                        List<String> names = new ArrayList<>();
                        for (List<Node> member : arguments(members.children())) {
                            if (single(member) instanceof Token t && t.kind() == Kind.STRING) {
                                names.add(t.text());
                            }
                        }
                        bundles.putIfAbsent(alias, names);
                    }
                }
            }
            default -> { }
        }
    }

    /**
     * The declared and resolved version of a settings catalog's version closure, {@code { strictly("[1,2["); prefer("1.5") }}
     * (Groovy: {@code strictly '1.0'}), chosen as for a catalog file's rich version; null when it sets none.
     */
    private static String[] richVersion(Group closure) {
        Map<String, String> parts = new HashMap<>();
        for (List<Node> inner : statements(closure.children())) {
            List<Node> x = withoutNewlines(inner);
            if (x.size() == 2 && x.get(0) instanceof Token k && k.ident()) {
                Node arg = x.get(1) instanceof Group g && g.open() == '(' ? single(g.children()) : x.get(1);
                if (arg instanceof Token value && value.kind() == Kind.STRING) {
                    parts.putIfAbsent(k.text(), value.text());
                }
            }
        }
        String declared = GradleCatalog.rich(parts::get);
        return declared == null ? null : new String[] {declared, GradleCatalog.chosen(parts::get, declared)};
    }

    // ---- dependency blocks ------------------------------------------------------------------------------

    private void dependencyStatement(List<Node> st, Context ctx) {
        Node first = st.get(0);
        int last = st.size() - 1;
        Group trailing = st.get(last) instanceof Group g && g.open() == '{' ? g : null;
        if (st.size() == 1 && trailing != null) {
            block(trailing.children(), ctx); // a when branch's body: "x" -> { ... }
            return;
        }
        if (first instanceof Token t && t.ident() && CONTROL.contains(t.text())) {
            control(st, ctx);
            return;
        }
        if (listLoop(st, ctx) || letBlock(st, ctx)) {
            return;
        }
        if (first instanceof Token t && t.ident() && MODIFIERS.contains(t.text()) || assignment(st) >= 0) {
            scanCalls(st, ctx);
            return; // a local variable or property assignment, not a declaration
        }
        if (first instanceof Token t && t.ident() && OUTPUT.contains(t.text())) {
            return; // println "..", logger.info(..), System.out.println(..): output, not a declaration
        }
        if (first instanceof Token t && t.is("fun")) {
            return; // a local helper, fun flavorImplementation(notation: Any) { add("flavorImplementation", notation) }
        }
        if (first instanceof Token t && t.ident() && st.size() == 2 && trailing != null) {
            if (!OPAQUE.contains(t.text())) {
                block(trailing.children(), ctx.push(t.text(), Mode.DEPENDENCIES));
            }
            return;
        }
        if (first instanceof Token t && t.is("with") && st.size() == 3 && st.get(1) instanceof Group receiver && receiver.open() == '('
                && trailing != null && chain(withoutNewlines(receiver.children())) != null) {
            withBlock(withoutNewlines(receiver.children()), trailing, ctx);
            return;
        }
        if (first instanceof Token t && (t.ident() || t.kind() == Kind.STRING) && st.size() >= 2 && st.get(1) instanceof Group args
                && args.open() == '(' && (st.size() == 2 || st.size() == 3 && trailing != null)) {
            String configuration = t.text();
            List<List<Node>> arguments = arguments(args.children());
            if (t.ident() && configuration.equals("add")) {
                Map.Entry<String, List<List<Node>>> added = added(arguments);
                if (added == null) {
                    unknown(st);
                    return;
                }
                configuration = added.getKey();
                arguments = added.getValue();
            }
            if (t.ident() && (OPAQUE.contains(configuration) || shadowFilter(configuration, arguments))) {
                return;
            }
            declarations.add(new Declaration(configuration, arguments, trailing, t.line(), text(st), String.join("/", ctx.stack())));
            return;
        }
        String sourceSetConfiguration = sourceSetConfiguration(st, trailing);
        if (sourceSetConfiguration != null) {
            Group args = (Group) st.get(trailing != null ? last - 1 : last);
            declarations.add(new Declaration(sourceSetConfiguration, arguments(args.children()), trailing, first.line(), text(st),
                    String.join("/", ctx.stack())));
            return;
        }
        if (first instanceof Token t && t.ident() && st.size() >= 2 && st.get(1) instanceof Token second
                && (second.is(".") || second.is("?."))) {
            int before = declarations.size();
            scanCalls(st, ctx);
            boolean hasBlock = false;
            for (int k = 0; k < st.size(); k++) {
                if (st.get(k) instanceof Group g && g.open() == '{') {
                    hasBlock = true;
                    String name = blockName(st, k);
                    if (name == null || !OPAQUE.contains(name)) {
                        block(g.children(), ctx.push(name == null ? "" : name, Mode.DEPENDENCIES));
                    }
                }
            }
            if (!hasBlock && declarations.size() == before) {
                unknown(st);
            }
            return;
        }
        if (first instanceof Token t && t.ident() && st.size() >= 2 && !(st.get(1) instanceof Group g && g.open() != '(')) {
            // Groovy command syntax: implementation 'g:a:v', implementation group: 'g', name: 'a' { closure }
            int end = trailing != null ? last : st.size();
            List<Node> rest = st.subList(1, end);
            if (!rest.isEmpty() && rest.get(rest.size() - 1) instanceof Token comma && comma.is(",")) {
                rest = rest.subList(0, rest.size() - 1);
            }
            String configuration = t.text();
            List<List<Node>> arguments = arguments(rest);
            if (OPAQUE.contains(configuration) || shadowFilter(configuration, arguments)) {
                return;
            }
            Map.Entry<String, List<List<Node>>> added = configuration.equals("add") ? added(arguments) : null;
            if (added != null) { // add 'kapt', 'g:a:v'
                configuration = added.getKey();
                arguments = added.getValue();
            }
            declarations.add(new Declaration(configuration, arguments, trailing, t.line(), text(st), String.join("/", ctx.stack())));
            return;
        }
        unknown(st);
    }

    /**
     * {@code add("kapt", "g:a:v")}, Groovy {@code add 'kapt', 'g:a:v'}: the configuration its first argument names and
     * the arguments after it; null when the first argument is no string.
     */
    private static Map.Entry<String, List<List<Node>>> added(List<List<Node>> arguments) {
        return !arguments.isEmpty() && single(arguments.get(0)) instanceof Token c && c.kind() == Kind.STRING
                ? Map.entry(c.text(), arguments.subList(1, arguments.size())) : null;
    }

    /**
     * A Shadow jar filter, {@code include(dependency("g:a"))} or {@code exclude dependency('g:a:.*')} in the
     * {@code dependencies {}} block of a {@code shadowJar} task: it selects what the jar bundles and declares nothing.
     * Gradle has no {@code dependency(..)} notation, so a configuration named {@code include} (Fabric Loom's
     * {@code include(modImplementation(..))}) still declares.
     */
    private static boolean shadowFilter(String configuration, List<List<Node>> arguments) {
        if (!(configuration.equals("include") || configuration.equals("exclude")) || arguments.size() != 1) {
            return false;
        }
        List<Node> arg = withoutNewlines(arguments.get(0));
        return arg.size() == 2 && arg.get(0) instanceof Token f && f.is("dependency") && arg.get(1) instanceof Group g
                && (g.open() == '(' || g.open() == '{');
    }

    private static final String CONFIGURATION_NAME = "ConfigurationName";

    /** Calls on the way to a source set that do not name it: {@code sourceSets.getByName("x").get()}. */
    private static final Set<String> SOURCE_SET_ACCESS = Set.of("sourceSets", "get", "getByName", "named", "getting", "the");

    /**
     * {@code processStarter.implementationConfigurationName(libs.groovy) {..}} (Kotlin): a declaration in the
     * configuration a source set names, {@code processStarterImplementation} ({@code implementation} for {@code main}).
     * Null when the statement is not such a call.
     */
    private static String sourceSetConfiguration(List<Node> st, Group trailing) {
        int call = trailing != null ? st.size() - 2 : st.size() - 1;
        if (call < 3 || !(st.get(call) instanceof Group args && args.open() == '(') || !(st.get(call - 1) instanceof Token p
                && p.ident() && p.text().endsWith(CONFIGURATION_NAME) && p.text().length() > CONFIGURATION_NAME.length())
                || !(st.get(call - 2) instanceof Token dot && (dot.is(".") || dot.is("?.")))) {
            return null;
        }
        String sourceSet = null;
        for (int k = 0; k < call - 2; k++) {
            Node n = st.get(k);
            if (n instanceof Token t && t.ident() && !SOURCE_SET_ACCESS.contains(t.text())) {
                sourceSet = t.text();
            } else if (n instanceof Group g && g.open() != '{' && single(g.children()) instanceof Token key && key.kind() == Kind.STRING) {
                sourceSet = key.text(); // sourceSets["integrationTest"], sourceSets.getByName("integrationTest")
            } else if (!(n instanceof Token t && (t.ident() || t.is(".") || t.is("?.")) || n instanceof Group g && g.open() != '{')) {
                return null;
            }
        }
        if (sourceSet == null) {
            return null;
        }
        String configuration = p.text().substring(0, p.text().length() - CONFIGURATION_NAME.length());
        return sourceSet.equals("main") ? configuration
                : sourceSet + Character.toUpperCase(configuration.charAt(0)) + configuration.substring(1);
    }

    private static final Set<String> LIST_FUNCTIONS = Set.of("listOf", "setOf", "arrayOf", "mutableListOf");

    /**
     * {@code listOf("g:a:1", libs.b).forEach { implementation(it) }} (Kotlin) and {@code ['g:a:1', 'g:b:2'].each {
     * implementation it }} (Groovy): a loop that declares each element of a list literal in one configuration. Each
     * element is a declaration at its own line, like Groovy varargs. False when the statement is not such a loop.
     */
    private boolean listLoop(List<Node> st, Context ctx) {
        int n = st.size();
        if (n < 4 || !(st.get(n - 1) instanceof Group body && body.open() == '{') || !(st.get(n - 2) instanceof Token loop
                && (loop.is("forEach") || loop.is("each"))) || !(st.get(n - 3) instanceof Token dot && dot.is("."))) {
            return false;
        }
        List<Node> receiver = st.subList(0, n - 3);
        boolean held = false;
        // val testLibs = listOf(..) earlier in the script: testLibs.forEach { testImplementation(it) }, at this statement's line
        if (receiver.size() == 1 && receiver.get(0) instanceof Token v && v.ident() && variables.containsKey(v.text())) {
            receiver = variables.get(v.text());
            held = true;
        }
        Group list = listLiteral(receiver);
        if (list == null) {
            return false;
        }
        List<List<Node>> inner = statements(body.children());
        if (inner.size() != 1) {
            return false;
        }
        List<Node> lambda = inner.get(0);
        String parameter = "it";
        if (lambda.size() > 2 && lambda.get(0) instanceof Token p && p.ident() && lambda.get(1) instanceof Token arrow && arrow.is("->")) {
            parameter = p.text();
            lambda = lambda.subList(2, lambda.size());
        }
        if (lambda.size() != 2 || !(lambda.get(0) instanceof Token conf && (conf.ident() || conf.kind() == Kind.STRING))) {
            return false;
        }
        Node argument = lambda.get(1) instanceof Group g && g.open() == '(' ? single(g.children()) : lambda.get(1);
        if (!(argument instanceof Token a && a.ident() && a.text().equals(parameter)) || OPAQUE.contains(conf.text())) {
            return false;
        }
        for (List<Node> element : arguments(list.children())) {
            List<Node> e = withoutNewlines(element);
            if (!e.isEmpty()) {
                declarations.add(new Declaration(conf.text(), List.of(e), null, held ? st.get(0).line() : e.get(0).line(), text(st),
                        String.join("/", ctx.stack())));
            }
        }
        return true;
    }

    /**
     * {@code deps["autoservice"]?.let { compileOnly(it); annotationProcessor(it) }} (Kotlin): each statement of the lambda
     * that declares its parameter is a declaration of the receiver, at the statement's own line. False when the statement
     * is not such a block.
     */
    private boolean letBlock(List<Node> st, Context ctx) {
        int n = st.size();
        if (n < 4 || !(st.get(n - 1) instanceof Group body && body.open() == '{') || !(st.get(n - 2) instanceof Token let
                && (let.is("let") || let.is("also"))) || !(st.get(n - 3) instanceof Token dot && (dot.is(".") || dot.is("?.")))) {
            return false;
        }
        List<Node> receiver = withoutNewlines(st.subList(0, n - 3));
        List<List<Node>> inner = statements(body.children());
        String parameter = "it";
        List<Declaration> found = new ArrayList<>();
        for (int k = 0; k < inner.size(); k++) {
            List<Node> s = withoutNewlines(inner.get(k));
            if (k == 0 && s.size() > 2 && s.get(0) instanceof Token p && p.ident() && s.get(1) instanceof Token arrow && arrow.is("->")) {
                parameter = p.text();
                s = s.subList(2, s.size());
            }
            if (s.size() != 2 || !(s.get(0) instanceof Token conf && (conf.ident() || conf.kind() == Kind.STRING))
                    || OPAQUE.contains(conf.text())) {
                return false;
            }
            Node argument = s.get(1) instanceof Group g && g.open() == '(' ? single(g.children()) : s.get(1);
            if (!(argument instanceof Token a && a.ident() && a.text().equals(parameter))) {
                return false;
            }
            found.add(new Declaration(conf.text(), List.of(receiver), null, s.get(0).line(), text(s), String.join("/", ctx.stack())));
        }
        if (receiver.isEmpty() || found.isEmpty()) {
            return false;
        }
        declarations.addAll(found);
        return true;
    }

    /**
     * {@code with(Dependencies.Android) { implementation(coreKtx) }} (Kotlin): the body is a dependency block in which a
     * bare name given as a notation is a member of the receiver, {@code Dependencies.Android.coreKtx}.
     */
    private void withBlock(List<Node> receiver, Group body, Context ctx) {
        int before = declarations.size();
        block(body.children(), ctx.push("with", Mode.DEPENDENCIES));
        for (int k = before; k < declarations.size(); k++) {
            Declaration d = declarations.get(k);
            List<List<Node>> arguments = new ArrayList<>();
            for (List<Node> argument : d.arguments()) {
                if (single(argument) instanceof Token name && name.ident() && !name.is("it") && !name.is("project")) {
                    List<Node> member = new ArrayList<>(receiver);
                    member.add(new Token(Kind.PUNCT, ".", name.line(), name.start(), name.start(), false));
                    member.add(name);
                    arguments.add(member);
                } else {
                    arguments.add(argument);
                }
            }
            declarations.set(k, new Declaration(d.configuration(), arguments, d.closure(), d.line(), d.text(), d.context()));
        }
    }

    /** The elements of {@code listOf(..)} (and its kin) or of a Groovy {@code [..]}; null for anything else. */
    private static Group listLiteral(List<Node> nodes) {
        if (nodes.size() == 1 && nodes.get(0) instanceof Group g && g.open() == '[' && !isMapLiteral(g.children())) {
            return g;
        }
        if (nodes.size() == 2 && nodes.get(0) instanceof Token f && LIST_FUNCTIONS.contains(f.text()) && nodes.get(1) instanceof Group g
                && g.open() == '(') {
            return g;
        }
        return null;
    }

    /** {@code if (..) {..} else {..}}, {@code for}, {@code when}, {@code try}: the bodies are still dependency blocks. */
    private void control(List<Node> st, Context ctx) {
        List<List<Node>> segments = new ArrayList<>();
        List<Node> current = new ArrayList<>();
        for (Node n : st) {
            if (n instanceof Token t && (t.is("else") || t.is("catch") || t.is("finally"))) {
                segments.add(current);
                current = new ArrayList<>();
                if (t.is("catch")) {
                    current.add(t);
                }
                continue;
            }
            current.add(n);
        }
        segments.add(current);
        for (List<Node> seg : segments) {
            int from = 0;
            if (from < seg.size() && seg.get(from) instanceof Token t && CONTROL.contains(t.text())) {
                from++;
                if (from < seg.size() && seg.get(from) instanceof Group g && g.open() == '(') {
                    from++;
                }
            }
            List<Node> body = seg.subList(from, seg.size());
            if (body.isEmpty()) {
                continue;
            }
            if (body.size() == 1 && body.get(0) instanceof Group g && g.open() == '{') {
                block(g.children(), ctx);
            } else if (seg.get(0) instanceof Token t && t.is("catch")) {
                continue;
            } else {
                statement(body, ctx);
            }
        }
    }

    // ---- plugins ------------------------------------------------------------------------------------------

    private void pluginStatement(List<Node> st, Context ctx) {
        if (!(st.get(0) instanceof Token head && head.ident())) {
            unknownPlugin(st);
            return;
        }
        if (CONTROL.contains(head.text())) {
            control(st, ctx); // if (System.getenv("CI") == "true") alias(libs.plugins.x)
            return;
        }
        if (st.size() == 1 || chain(st) != null) {
            return; // `java`, `kotlin-dsl`: core plugins by name; buildsrc.convention.`kotlin-jvm`: a precompiled script plugin
        }
        String form = head.text();
        if (!form.equals("id") && !form.equals("kotlin") && !form.equals("alias")) {
            unknownPlugin(st);
            return;
        }
        List<Node> argument;
        int k;
        if (st.get(1) instanceof Group g && g.open() == '(') {
            argument = g.children();
            k = 2;
        } else {
            k = 1;
            while (k < st.size() && !(st.get(k) instanceof Token t && (t.is("version") || t.is("apply")))) {
                k++;
            }
            argument = st.subList(1, k);
        }
        List<Node> version = null;
        for (; k < st.size(); k++) {
            if (st.get(k) instanceof Token t && t.is("version") && k + 1 < st.size()) {
                int end = k + 1;
                if (st.get(end) instanceof Group g && g.open() == '(') {
                    version = g.children();
                } else {
                    while (end < st.size() && !(st.get(end) instanceof Token a && a.is("apply"))) {
                        end++;
                    }
                    version = st.subList(k + 1, end);
                }
            }
        }
        plugins.add(new PluginRequest(form, argument, version, head.line(), text(st)));
    }

    private void unknownPlugin(List<Node> st) {
        unknowns.add(new Unknown(st.get(0).line(), text(st)));
    }

    // ---- Spring dependency-management plugin -----------------------------------------------------------

    private void managementStatement(List<Node> st, Context ctx) {
        int last = st.size() - 1;
        Group trailing = st.get(last) instanceof Group g && g.open() == '{' ? g : null;
        if (!(st.get(0) instanceof Token head && head.ident())) {
            return;
        }
        String top = ctx.stack().get(ctx.stack().size() - 1);
        if (st.size() == 2 && trailing != null) {
            if (head.is("imports") || head.is("dependencies")) {
                block(trailing.children(), ctx.push(head.text(), Mode.DEPENDENCY_MANAGEMENT));
            }
            return;
        }
        String name = head.text();
        boolean call = st.size() >= 2 && st.get(1) instanceof Group g && g.open() == '(';
        List<Node> rest = call ? ((Group) st.get(1)).children() : st.subList(1, trailing != null ? last : st.size());
        if (top.equals("imports") && name.equals("mavenBom")) {
            declarations.add(new Declaration("import", arguments(rest), trailing, head.line(), text(st), "dependencyManagement/imports"));
        } else if (top.equals("dependencies") && name.equals("dependency")) {
            declarations.add(new Declaration("managed", arguments(rest), trailing, head.line(), text(st), "dependencyManagement"));
        } else if (top.equals("dependencies") && name.equals("dependencySet") && trailing != null) {
            List<List<Node>> setArgs = dependencySetArguments(arguments(rest));
            for (List<Node> entry : statements(trailing.children())) {
                if (entry.size() >= 2 && entry.get(0) instanceof Token e && e.is("entry")) {
                    List<Node> entryArgs = entry.get(1) instanceof Group eg && eg.open() == '(' ? eg.children()
                            : entry.subList(1, entry.get(entry.size() - 1) instanceof Group c && c.open() == '{' ? entry.size() - 1 : entry.size());
                    List<List<Node>> all = new ArrayList<>(setArgs);
                    List<Node> named = new ArrayList<>();
                    named.add(new Token(Kind.IDENT, "name", e.line(), e.start(), e.end(), false));
                    named.add(new Token(Kind.PUNCT, ":", e.line(), e.start(), e.end(), false));
                    named.addAll(entryArgs);
                    all.add(named);
                    declarations.add(new Declaration("managed", all, null, e.line(), text(entry), "dependencyManagement"));
                }
            }
        }
    }

    /** {@code dependencySet("io.netty:4.1.100.Final")} (the Kotlin form) as the named {@code group:} and {@code version:} of the map form. */
    private static List<List<Node>> dependencySetArguments(List<List<Node>> args) {
        if (args.size() != 1 || !(single(args.get(0)) instanceof Token s && s.kind() == Kind.STRING)) {
            return args;
        }
        List<String> parts = GradleCollector.splitColons(s.text());
        if (parts.size() != 2) {
            return args;
        }
        List<List<Node>> named = new ArrayList<>();
        String[] keys = {"group", "version"};
        for (int k = 0; k < 2; k++) {
            named.add(List.of(new Token(Kind.IDENT, keys[k], s.line(), s.start(), s.end(), false),
                    new Token(Kind.PUNCT, ":", s.line(), s.start(), s.end(), false),
                    new Token(Kind.STRING, parts.get(k), s.line(), s.start(), s.end(), s.interpolating())));
        }
        return named;
    }

    // ---- variables ----------------------------------------------------------------------------------------

    /**
     * Records {@code val x = ..}, {@code def x = ..}, {@code ext.x = ..}, {@code extra["x"] = ..}, {@code by extra(..)}, ext blocks,
     * {@code m["k"] = ..} and Groovy map appends {@code m += [k: ..]} and {@code m << [k: ..]}.
     */
    private void variable(List<Node> st, Context ctx) {
        int eq = assignment(st);
        if (eq > 0) {
            List<Node> lhs = st.subList(0, eq);
            int parameters = functionParameters(lhs);
            if (parameters > 0) {
                // fun androidx(module: String, version: String) = "androidx.$module:$module:$version": kept from its
                // parameter list on, so that a call such as androidx("core", "1.0") can be evaluated
                defineMember(((Token) lhs.get(parameters - 1)).text() + "()", st.subList(parameters, st.size()), ctx);
                return;
            }
            List<Node> rhs = st.subList(eq + 1, st.size());
            String name = declaredName(lhs);
            if (name == null) {
                name = extName(lhs);
            }
            if (name == null && (ctx.topLevel() || ctx.mode() == Mode.EXT)) {
                name = chain(lhs);
                if (name == null) {
                    name = indexedName(lhs);
                }
            }
            if (name != null) {
                defineMember(name, rhs, ctx);
            }
            return;
        }
        // versions += [jackson: "2.9.6"] and versions << [aws: "1.12"] (Groovy): the entries join the map defined before
        int n = st.size();
        if (n >= 3 && (ctx.topLevel() || ctx.mode() == Mode.EXT) && st.get(n - 2) instanceof Token plus
                && (plus.is("+=") || plus.is("<<"))
                && st.get(n - 1) instanceof Group map && map.open() == '[' && isMapLiteral(map.children())) {
            List<Node> lhs = st.subList(0, n - 2);
            String name = extName(lhs);
            if (name == null) {
                name = chain(lhs);
            }
            if (name != null) {
                define(name, st.subList(n - 1, n));
            }
            return;
        }
        // val x by extra("1.0") / val x: String by rootProject.extra("1.0")
        for (int k = 1; k < st.size(); k++) {
            if (st.get(k) instanceof Token by && by.is("by") && st.get(st.size() - 1) instanceof Group g && g.open() == '('
                    && st.get(st.size() - 2) instanceof Token ex && ex.is("extra")) {
                String name = declaredName(st.subList(0, k));
                if (name != null) {
                    define(name, g.children());
                }
                return;
            }
        }
        // val okhttp by lazy { "g:a:v" } (buildSrc objects): the lambda's value, like an assignment
        if (n >= 4 && st.get(n - 1) instanceof Group g && g.open() == '{' && st.get(n - 2) instanceof Token lazy && lazy.is("lazy")
                && st.get(n - 3) instanceof Token by && by.is("by")) {
            String name = declaredName(st.subList(0, n - 3));
            if (name != null) {
                defineMember(name, g.children(), ctx);
            }
            return;
        }
        // ext.set("x", v) / extra.set("x", v) / set("x", v) inside ext {}
        if (n >= 2 && st.get(n - 1) instanceof Group g && g.open() == '(' && st.get(n - 2) instanceof Token set && set.is("set")
                && (ctx.mode() == Mode.EXT && n == 2 || n >= 4 && st.get(n - 3) instanceof Token dot && dot.is(".")
                        && st.get(n - 4) instanceof Token ex && (ex.is("ext") || ex.is("extra")))) {
            List<List<Node>> args = arguments(g.children());
            if (args.size() == 2 && single(args.get(0)) instanceof Token key && key.kind() == Kind.STRING) {
                define(key.text(), args.get(1));
            }
            return;
        }
        // fun toolkit(module: String): String { .. }, Groovy's def local(String path) { .. }: a helper whose body is not
        // evaluated, recorded without the = of an expression body so that a call of it is known as the build's own
        int parameters = methodParameters(st);
        if (parameters > 0) {
            defineMember(((Token) st.get(parameters - 1)).text() + "()", List.of(st.get(parameters)), ctx);
        }
    }

    /**
     * The index of the parameter list of a function declared with a block body, {@code fun x(a: String): String { .. }}
     * or Groovy's {@code def x(String a) { .. }} / {@code static Provider<String> x(..) { .. }}; -1 for any other statement.
     */
    private int methodParameters(List<Node> st) {
        int n = st.size();
        if (n < 3 || !(st.get(n - 1) instanceof Group body && body.open() == '{')) {
            return -1;
        }
        if (kotlin) {
            int parameters = functionParameters(st);
            return parameters > 0 && parameters < n - 1 ? parameters : -1;
        }
        if (n < 4 || !(st.get(n - 2) instanceof Group parameters && parameters.open() == '(' && st.get(n - 3) instanceof Token name
                && name.ident() && !CONTROL.contains(name.text()) && st.get(0) instanceof Token head
                && (MODIFIERS.contains(head.text()) || Character.isUpperCase(head.text().charAt(0))))) {
            return -1;
        }
        for (Node node : st.subList(0, n - 3)) {
            if (!(node instanceof Token t && (t.ident() || t.is("<") || t.is(">") || t.is(",") || t.is(".") || t.is("?")))) {
                return -1; // tasks.register("x") { .. }, x.configure(..) { .. }
            }
        }
        return n - 2;
    }

    /** Defines a name in the object or class being read ({@code Versions.ktor}), or at the top level outside one. */
    private void defineMember(String name, List<Node> value, Context ctx) {
        if (ctx.namespace().isEmpty()) {
            define(name, value);
        } else {
            define(ctx.namespace() + "." + name, value);
            scopes.putIfAbsent(ctx.namespace() + "." + name, ctx.namespace());
        }
    }

    /**
     * The first definition of a name wins; a map literal defines one dotted name per entry, Groovy's {@code [k: v]} and
     * Kotlin's {@code mapOf("k" to v)}.
     */
    private void define(String name, List<Node> value) {
        List<Node> v = withoutNewlines(value);
        if (v.size() == 1 && v.get(0) instanceof Group g && g.open() == '[' && isMapLiteral(g.children())) {
            flattenMap(name, g.children());
            return;
        }
        if (v.size() == 2 && v.get(0) instanceof Token f && (f.is("mapOf") || f.is("mutableMapOf")) && v.get(1) instanceof Group g
                && g.open() == '(') {
            flattenPairs(name, g.children());
            return;
        }
        variables.putIfAbsent(name, v);
    }

    private static boolean isMapLiteral(List<Node> children) {
        List<Node> c = withoutNewlines(children);
        return c.size() == 1 && c.get(0) instanceof Token t && t.is(":")
                || c.size() >= 3 && (c.get(0) instanceof Token k && (k.ident() || k.kind() == Kind.STRING)) && c.get(1) instanceof Token colon
                        && colon.is(":");
    }

    private void flattenMap(String prefix, List<Node> children) {
        for (List<Node> entry : arguments(children)) {
            if (entry.size() >= 3 && entry.get(0) instanceof Token k && (k.ident() || k.kind() == Kind.STRING)
                    && entry.get(1) instanceof Token colon && colon.is(":")) {
                define(prefix + "." + k.text(), entry.subList(2, entry.size()));
            }
        }
    }

    /** {@code mapOf("junit" to "5.9.1", ..)} (Kotlin): one dotted name per pair whose key is a string. */
    private void flattenPairs(String prefix, List<Node> children) {
        for (List<Node> entry : arguments(children)) {
            List<Node> e = withoutNewlines(entry);
            if (e.size() >= 3 && e.get(0) instanceof Token k && k.kind() == Kind.STRING && e.get(1) instanceof Token to && to.is("to")) {
                define(prefix + "." + k.text(), e.subList(2, e.size()));
            }
        }
    }

    /** The name declared by {@code val x}, {@code def x}, {@code String x}, {@code val x: Type}; null otherwise. */
    private static String declaredName(List<Node> lhs) {
        int k = 0;
        boolean keyword = false;
        while (k < lhs.size() && lhs.get(k) instanceof Token t && t.ident() && MODIFIERS.contains(t.text())) {
            keyword = true;
            k++;
        }
        List<Node> rest = lhs.subList(k, lhs.size());
        if (keyword && !rest.isEmpty() && rest.get(0) instanceof Token name && name.ident()) {
            if (rest.size() == 1 || rest.get(1) instanceof Token c && c.is(":")) {
                return name.text();
            }
            if (rest.size() == 2 && rest.get(1) instanceof Token typed && typed.ident()) {
                return typed.text(); // def String x
            }
        }
        if (!keyword && rest.size() == 2 && rest.get(0) instanceof Token type && type.ident() && Character.isUpperCase(type.text().charAt(0))
                && rest.get(1) instanceof Token name && name.ident()) {
            return name.text(); // Groovy: String x = ..
        }
        return null;
    }

    /**
     * {@code private fun name(a: String, b: String): String} before the {@code =} of an expression-bodied function: the
     * index of its parameter list, or -1 when the left side is not such a function.
     */
    private static int functionParameters(List<Node> lhs) {
        int k = 0;
        while (k < lhs.size() && lhs.get(k) instanceof Token t && t.ident() && MODIFIERS.contains(t.text())) {
            k++;
        }
        return k + 2 < lhs.size() && lhs.get(k) instanceof Token f && f.is("fun") && lhs.get(k + 1) instanceof Token name
                && name.ident() && lhs.get(k + 2) instanceof Group g && g.open() == '(' ? k + 2 : -1;
    }

    /** {@code ext.x}, {@code project.ext.x}, {@code rootProject.ext.x}, {@code extra["x"]}, {@code ext["x"]}: the property name. */
    private static String extName(List<Node> lhs) {
        for (int k = 0; k < lhs.size(); k++) {
            if (lhs.get(k) instanceof Token t && (t.is("ext") || t.is("extra"))) {
                List<Node> rest = lhs.subList(k + 1, lhs.size());
                if (rest.size() == 1 && rest.get(0) instanceof Group g && g.open() == '[' && single(g.children()) instanceof Token key
                        && key.kind() == Kind.STRING) {
                    return key.text();
                }
                if (rest.size() >= 2 && rest.get(0) instanceof Token dot && dot.is(".")) {
                    return chain(rest.subList(1, rest.size()));
                }
            }
        }
        return null;
    }

    /** {@code versions["scala"]}, {@code ext.versions["scala"]}: the map entry as a dotted name; null otherwise. */
    private static String indexedName(List<Node> lhs) {
        int n = lhs.size();
        if (n < 2 || !(lhs.get(n - 1) instanceof Group g && g.open() == '[' && single(g.children()) instanceof Token key
                && key.kind() == Kind.STRING)) {
            return null;
        }
        List<Node> map = lhs.subList(0, n - 1);
        String name = extName(map);
        if (name == null) {
            name = chain(map);
        }
        return name == null ? null : name + "." + key.text();
    }

    /** {@code a.b.c} as a dotted name; null when the nodes are anything else. */
    static String chain(List<Node> nodes) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < nodes.size(); k++) {
            Node n = nodes.get(k);
            if (k % 2 == 0 && n instanceof Token t && t.ident()) {
                sb.append(t.text());
            } else if (k % 2 == 1 && n instanceof Token t && (t.is(".") || t.is("?."))) {
                sb.append('.');
            } else {
                return null;
            }
        }
        return nodes.size() % 2 == 1 ? sb.toString() : null;
    }

    /** The index of a top-level {@code =} (or {@code +=} is not an assignment we read), or -1. */
    private static int assignment(List<Node> st) {
        for (int k = 0; k < st.size(); k++) {
            if (st.get(k) instanceof Token t && t.is("=")) {
                return k;
            }
            if (st.get(k) instanceof Group g && g.open() == '{') {
                return -1;
            }
        }
        return -1;
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** Splits argument nodes at top-level commas, dropping newlines. */
    static List<List<Node>> arguments(List<Node> nodes) {
        List<List<Node>> result = new ArrayList<>();
        List<Node> current = new ArrayList<>();
        for (Node n : nodes) {
            if (n instanceof Token t && t.kind() == Kind.NEWLINE) {
                continue;
            }
            if (n instanceof Token t && t.is(",")) {
                if (!current.isEmpty()) {
                    result.add(current);
                }
                current = new ArrayList<>();
            } else {
                current.add(n);
            }
        }
        if (!current.isEmpty()) {
            result.add(current);
        }
        return result;
    }

    static List<Node> withoutNewlines(List<Node> nodes) {
        List<Node> out = new ArrayList<>(nodes.size());
        for (Node n : nodes) {
            if (!(n instanceof Token t && t.kind() == Kind.NEWLINE)) {
                out.add(n);
            }
        }
        return out;
    }

    static Node single(List<Node> nodes) {
        List<Node> n = withoutNewlines(nodes);
        return n.size() == 1 ? n.get(0) : null;
    }

    private void unknown(List<Node> st) {
        unknowns.add(new Unknown(st.get(0).line(), text(st)));
    }

    /** The source text of a statement, whitespace collapsed and cut short. */
    String text(List<Node> st) {
        if (st.isEmpty()) {
            return "";
        }
        int start = st.get(0).start();
        int end = Math.min(text.length(), st.get(st.size() - 1).end());
        if (start >= end) {
            return "";
        }
        return UnknownDeclaration.excerpt(text.substring(start, end));
    }

    /**
     * The source text of nodes, as written (for declared versions). Nodes of another script (a variable of the root
     * script or of buildSrc, whose value did not resolve) have offsets into that script's text: they give no text here
     * instead of an out-of-range substring.
     */
    String source(List<Node> nodes) {
        if (nodes.isEmpty()) {
            return "";
        }
        int start = nodes.get(0).start();
        int end = Math.min(text.length(), nodes.get(nodes.size() - 1).end());
        return start < 0 || start >= end ? "" : text.substring(start, end).trim();
    }
}
