package dev.radar.collect;

import dev.radar.collect.GradleSyntax.Group;
import dev.radar.collect.GradleSyntax.Kind;
import dev.radar.collect.GradleSyntax.Node;
import dev.radar.collect.GradleSyntax.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates the little of Groovy and Kotlin that build scripts use to spell versions: string templates
 * ({@code "$v"}, {@code "${v}"}, {@code "${libs.versions.x.get()}"}), concatenation, {@code ?:} defaults and
 * references to variables ({@code ext}, {@code extra}, {@code val}, {@code def}, maps in {@code ext}),
 * {@code gradle.properties} values ({@code property("x")}, {@code findProperty("x")}) and catalog versions.
 * Variables are looked up in the script itself, then in the scripts of its folder and of the folders above
 * it, then in {@code gradle.properties} from its folder up to the root.
 */
final class GradleResolver {

    /** A value: its text with unresolvable parts kept as written, and whether everything was resolved. */
    record Value(String text, boolean resolved) {
        static Value unresolved(String text) {
            return new Value(text, false);
        }
    }

    private static final int MAX_DEPTH = 16;
    private static final Set<String> PREFIXES = Set.of("rootProject", "project", "ext", "extra", "properties", "settings", "it",
            "this", "gradle", "parent");
    private static final Set<String> PROPERTY_CALLS = Set.of("property", "findProperty", "getProperty", "gradleProperty", "get");

    private final GradleScript script;
    private final List<Map<String, List<Node>>> variables;
    private final List<Map<String, String>> properties;
    private final Map<String, GradleCatalog> catalogs;
    private final Map<String, String> scopes;
    /** The object or class whose member's value is being evaluated: its unqualified names are its members first. */
    private String scope = "";
    /** The parameters of the function whose body is being evaluated, bound to the call's arguments. */
    private Map<String, Value> locals = Map.of();

    /**
     * @param variables  the script's own variables first, then those of scripts further out
     * @param properties gradle.properties of the script's folder first, then of the folders above
     * @param scopes     for members of objects and classes ({@code Libs.Compose.ui}), the type they belong to
     */
    GradleResolver(GradleScript script, List<Map<String, List<Node>>> variables, List<Map<String, String>> properties,
            Map<String, GradleCatalog> catalogs, Map<String, String> scopes) {
        this.script = script;
        this.variables = variables;
        this.properties = properties;
        this.catalogs = catalogs;
        this.scopes = scopes;
    }

    Map<String, GradleCatalog> catalogs() {
        return catalogs;
    }

    Value eval(List<Node> expr) {
        return eval(expr, 0);
    }

    /** A string template as written between quotes. */
    Value template(String raw) {
        return template(raw, true, 0);
    }

    private Value eval(List<Node> raw, int depth) {
        List<Node> e = GradleScript.withoutNewlines(raw);
        if (e.isEmpty()) {
            return Value.unresolved("");
        }
        if (depth > MAX_DEPTH) {
            return Value.unresolved(script.source(e));
        }
        int elvis = indexOf(e, "?:");
        if (elvis > 0) {
            Value left = eval(e.subList(0, elvis), depth + 1);
            return left.resolved() ? left : eval(e.subList(elvis + 1, e.size()), depth + 1);
        }
        List<List<Node>> parts = split(e, "+");
        if (parts.size() > 1) {
            StringBuilder sb = new StringBuilder();
            boolean resolved = true;
            for (List<Node> p : parts) {
                Value v = eval(p, depth + 1);
                sb.append(v.text());
                resolved &= v.resolved();
            }
            return new Value(sb.toString(), resolved);
        }
        if (e.size() == 1 && e.get(0) instanceof Token t && t.kind() == Kind.STRING) {
            return template(t.text(), t.interpolating() || script.kotlin(), depth + 1);
        }
        if (e.size() == 1 && e.get(0) instanceof Token t && t.kind() == Kind.NUMBER) {
            return new Value(t.text(), true);
        }
        if (e.size() == 1 && e.get(0) instanceof Group g && g.open() == '(') {
            return eval(g.children(), depth + 1);
        }
        int n = e.size();
        if (n >= 4 && e.get(n - 1) instanceof Group lambda && lambda.open() == '{' && e.get(n - 2) instanceof Token let
                && let.is("let") && e.get(n - 3) instanceof Token dot && (dot.is("?.") || dot.is("."))) {
            return let(e.subList(0, n - 3), lambda, depth + 1);
        }
        Optional<Value> called = call(e, depth + 1);
        if (called.isPresent()) {
            return called.get();
        }
        String key = reference(e);
        if (key != null) {
            Optional<Value> v = lookup(key, depth + 1);
            if (v.isPresent()) {
                return v.get();
            }
        }
        return Value.unresolved(script.source(e));
    }

    /**
     * {@code androidx("appcompat", Versions.appCompat)}: a call of an expression-bodied function the scripts or buildSrc
     * define ({@code fun androidx(module: String, version: String) = "androidx.$module:$module:$version"}), its body
     * evaluated with the parameters bound to the arguments; empty when no such function is known or an argument
     * does not resolve.
     */
    private Optional<Value> call(List<Node> e, int depth) {
        int n = e.size();
        if (n < 2 || !(e.get(n - 1) instanceof Group args && args.open() == '(')) {
            return Optional.empty();
        }
        String name = GradleScript.chain(e.subList(0, n - 1));
        String key = name == null ? null : functionKey(name);
        List<Node> definition = key == null ? null : definitionOf(key);
        if (definition == null || !(definition.get(0) instanceof Group parameters) || indexOf(definition, "=") < 0) {
            return Optional.empty();
        }
        List<List<Node>> declared = GradleScript.arguments(parameters.children());
        List<List<Node>> values = GradleScript.arguments(args.children());
        if (values.size() > declared.size()) {
            return Optional.empty();
        }
        // arguments by position, then by name (version = "1.0"), evaluated where the call is
        Map<String, Value> bound = new HashMap<>();
        for (int k = 0; k < values.size(); k++) {
            List<Node> v = values.get(k);
            boolean named = v.size() > 2 && v.get(0) instanceof Token id && id.ident() && v.get(1) instanceof Token assign
                    && assign.is("=");
            String parameter = named ? ((Token) v.get(0)).text()
                    : declared.get(k).get(0) instanceof Token p && p.ident() ? p.text() : null;
            Value value = eval(named ? v.subList(2, v.size()) : v, depth + 1);
            if (parameter == null || !value.resolved()) {
                return Optional.empty();
            }
            bound.put(parameter, value);
        }
        Map<String, Value> outerLocals = locals;
        String outerScope = scope;
        locals = bound;
        scope = key.lastIndexOf('.') < 0 ? "" : key.substring(0, key.lastIndexOf('.'));
        try {
            // parameters left out take their defaults, which may name the parameters before them (group: String = artifact)
            for (List<Node> parameter : declared) {
                int eq = indexOf(parameter, "=");
                if (!(parameter.get(0) instanceof Token p && p.ident())) {
                    return Optional.empty();
                }
                if (!bound.containsKey(p.text())) {
                    List<Node> fallback = eq < 0 ? List.of() : parameter.subList(eq + 1, parameter.size());
                    Value value = fallback.isEmpty() ? null : eval(fallback, depth + 1);
                    if (value == null || !value.resolved() && !(GradleScript.single(fallback) instanceof Token t && t.is("null"))) {
                        return Optional.empty();
                    }
                    bound.put(p.text(), value); // version: String? = null stays without a value
                }
            }
            return Optional.of(eval(definition.subList(indexOf(definition, "=") + 1, definition.size()), depth + 1));
        } finally {
            locals = outerLocals;
            scope = outerScope;
        }
    }

    /**
     * {@code version?.let { ":$version" }}: the lambda's value with {@code it} (or its named parameter) bound to the
     * receiver's, unresolved when the receiver has no value, so that {@code ?: ""} supplies one.
     */
    private Value let(List<Node> receiver, Group lambda, int depth) {
        Value v = eval(receiver, depth);
        List<Node> body = GradleScript.withoutNewlines(lambda.children());
        String parameter = "it";
        if (body.size() > 2 && body.get(0) instanceof Token p && p.ident() && body.get(1) instanceof Token arrow && arrow.is("->")) {
            parameter = p.text();
            body = body.subList(2, body.size());
        }
        if (!v.resolved()) {
            return Value.unresolved(script.source(receiver));
        }
        Map<String, Value> outerLocals = locals;
        Map<String, Value> inner = new HashMap<>(locals);
        inner.put(parameter, v);
        locals = inner;
        try {
            return eval(body, depth);
        } finally {
            locals = outerLocals;
        }
    }

    /** The variables' key of the function a call names, looked up like a name: members of the enclosing types first. */
    private String functionKey(String name) {
        for (String type = scope; !type.isEmpty(); type = type.lastIndexOf('.') < 0 ? "" : type.substring(0, type.lastIndexOf('.'))) {
            if (definitionOf(type + "." + name + "()") != null) {
                return type + "." + name + "()";
            }
        }
        return definitionOf(name + "()") != null ? name + "()" : null;
    }

    /**
     * Whether the build defines {@code name} as a helper: a function ({@code fun ktor(module: String) = ..}, also with a
     * block body) or a variable holding a Groovy closure ({@code ext.arcModule = { String name -> .. }}).
     */
    boolean definesHelper(String name) {
        if (functionKey(name) != null) {
            return true;
        }
        List<Node> value = definitionOf(name);
        return value != null && GradleScript.single(value) instanceof Group closure && closure.open() == '{';
    }

    private List<Node> definitionOf(String key) {
        for (Map<String, List<Node>> names : variables) {
            List<Node> value = names.get(key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /**
     * The name an expression refers to: {@code a.b.c}, {@code property("x")}, {@code project.findProperty("x")},
     * {@code extra["x"]}, {@code m["k"]["j"]} (as {@code m.k.j}, also {@code m.getValue("k")}),
     * {@code providers.gradleProperty("x").get()}; null for anything else.
     */
    static String reference(List<Node> expr) {
        List<Node> e = stripSuffixes(expr);
        if (e.isEmpty()) {
            return null;
        }
        Node last = e.get(e.size() - 1);
        if (last instanceof Group g && (g.open() == '(' || g.open() == '[')
                && GradleScript.single(g.children()) instanceof Token key && key.kind() == Kind.STRING) {
            if (g.open() == '[') {
                // deps['okhttp']['core'] is deps.okhttp.core; extra["x"] and rootProject.ext["x"] end up as x in lookup
                String receiver = e.size() == 1 ? null : reference(e.subList(0, e.size() - 1));
                return receiver == null ? key.text() : receiver + "." + key.text();
            }
            if (e.size() >= 4 && e.get(e.size() - 2) instanceof Token f && f.is("getValue") && e.get(e.size() - 3) instanceof Token dot
                    && (dot.is(".") || dot.is("?."))) {
                // versions.getValue("kotlin") (Kotlin) is versions["kotlin"]
                String receiver = reference(e.subList(0, e.size() - 3));
                return receiver == null ? null : receiver + "." + key.text();
            }
            if (e.size() >= 2 && e.get(e.size() - 2) instanceof Token f && PROPERTY_CALLS.contains(f.text())) {
                return key.text();
            }
            return null;
        }
        return GradleScript.chain(e);
    }

    /** Drops {@code .get()}, {@code .toString()}, {@code .orNull}, {@code !!}, {@code as String} from the end of an expression. */
    static List<Node> stripSuffixes(List<Node> expr) {
        List<Node> e = GradleScript.withoutNewlines(expr);
        boolean changed = true;
        while (changed && !e.isEmpty()) {
            changed = false;
            int n = e.size();
            if (n >= 3 && e.get(n - 1) instanceof Group g && g.open() == '(' && g.children().isEmpty()
                    && e.get(n - 2) instanceof Token m && (m.is("get") || m.is("toString") || m.is("asProvider") || m.is("getOrNull"))
                    && e.get(n - 3) instanceof Token dot && (dot.is(".") || dot.is("?."))) {
                e = e.subList(0, n - 3);
                changed = true;
            } else if (n >= 2 && e.get(n - 1) instanceof Token m && (m.is("orNull") || m.is("orElse"))
                    && e.get(n - 2) instanceof Token dot && (dot.is(".") || dot.is("?."))) {
                e = e.subList(0, n - 2);
                changed = true;
            } else if (n >= 1 && e.get(n - 1) instanceof Token bang && bang.is("!!")) {
                e = e.subList(0, n - 1);
                changed = true;
            } else if (n >= 3 && e.get(n - 2) instanceof Token as && as.is("as") && e.get(n - 1) instanceof Token) {
                e = e.subList(0, n - 2);
                changed = true;
            }
        }
        return e;
    }

    /** Looks a name up: catalog versions, variables (own script first), then gradle.properties. */
    Optional<Value> lookup(String name, int depth) {
        if (depth > MAX_DEPTH) {
            return Optional.empty();
        }
        Value local = locals.get(name);
        if (local != null) {
            return Optional.of(local);
        }
        // inside object Compose { const val version = ..; const val ui = "..:$version" }: Compose's members first
        for (String type = scope; !type.isEmpty(); type = type.lastIndexOf('.') < 0 ? "" : type.substring(0, type.lastIndexOf('.'))) {
            Optional<Value> member = lookupExact(type + "." + name, depth);
            if (member.isPresent()) {
                return member;
            }
        }
        String key = name;
        while (true) {
            Optional<Value> v = lookupExact(key, depth);
            if (v.isPresent()) {
                return v;
            }
            int dot = key.indexOf('.');
            if (dot < 0 || !PREFIXES.contains(key.substring(0, dot))) {
                return Optional.empty();
            }
            key = key.substring(dot + 1);
        }
    }

    /**
     * The first script variable an expression names, evaluated with its unresolvable parts kept as written
     * ({@code "g:a:$unknown"}); empty when the expression names no script variable.
     */
    Optional<Value> definition(List<Node> expr) {
        String key = reference(expr);
        Optional<Map.Entry<String, List<Node>>> found = key == null ? Optional.empty() : variable(key, 0);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String outer = scope;
        scope = scopes.getOrDefault(found.get().getKey(), "");
        try {
            return Optional.of(eval(found.get().getValue(), 1));
        } finally {
            scope = outer;
        }
    }

    /**
     * The list literal a script variable holds when an expression names it ({@code libraries.lwjgl3} after
     * {@code libraries.lwjgl3 = ["g:a:1", "g:b:1"]}, {@code deps.wala} in {@code ext.deps = [wala: [..]]}): its items.
     */
    Optional<List<List<Node>>> listDefinition(List<Node> expr) {
        String key = reference(expr);
        Optional<Map.Entry<String, List<Node>>> found = key == null ? Optional.empty() : variable(key, 0);
        return found.map(f -> GradleScript.single(f.getValue()))
                .filter(n -> n instanceof Group g && g.open() == '[')
                .map(n -> GradleScript.arguments(((Group) n).children()));
    }

    /** The name and expression of the first script variable a reference names, through prefixes and aliases. */
    private Optional<Map.Entry<String, List<Node>>> variable(String name, int depth) {
        String key = name;
        while (key != null) {
            for (Map<String, List<Node>> names : variables) {
                List<Node> value = names.get(key);
                if (value != null) {
                    return Optional.of(Map.entry(key, value));
                }
            }
            int dot = key.indexOf('.');
            key = dot < 0 || !PREFIXES.contains(key.substring(0, dot)) ? null : key.substring(dot + 1);
        }
        // deps.build.checkApi where deps.build = build assigned a map by its name, as throughAlias follows it
        Alias alias = depth < MAX_DEPTH ? alias(name) : null;
        return alias == null ? Optional.empty() : variable(alias.target() + alias.rest(), depth + 1);
    }

    /**
     * The expression a variable of this script holds when an expression is just that variable's name
     * ({@code composeBom} after {@code val composeBom = platform(libs.compose.bom)}); empty otherwise.
     */
    Optional<List<Node>> ownDefinition(List<Node> expr) {
        List<Node> e = GradleScript.withoutNewlines(expr);
        String key = e.size() == 1 && e.get(0) instanceof Token t && t.ident() ? t.text() : null;
        return key == null ? Optional.empty() : Optional.ofNullable(script.variables.get(key));
    }

    private Optional<Value> lookupExact(String key, int depth) {
        int dot = key.indexOf('.');
        if (dot > 0 && catalogs.containsKey(key.substring(0, dot)) && key.startsWith("versions.", dot + 1)) {
            return catalogs.get(key.substring(0, dot)).version(key.substring(dot + 1 + "versions.".length()))
                    .map(v -> new Value(v, true));
        }
        for (Map<String, List<Node>> names : variables) {
            List<Node> value = names.get(key);
            if (value != null) {
                String outer = scope;
                Map<String, Value> outerLocals = locals;
                scope = scopes.getOrDefault(key, "");
                locals = Map.of();
                Value v;
                try {
                    v = eval(value, depth + 1);
                } finally {
                    scope = outer;
                    locals = outerLocals;
                }
                if (v.resolved()) {
                    return Optional.of(v);
                }
            }
        }
        for (Map<String, String> props : properties) {
            String value = props.get(key);
            if (value != null) {
                return Optional.of(new Value(value.trim(), true));
            }
        }
        return throughAlias(key, depth);
    }

    /**
     * {@code deps.room.runtime} where {@code deps.room = room} assigned a map by its name: looked up as {@code room.runtime}.
     * Only the longest aliased prefix is followed, so a lookup costs one path however the names refer to each other.
     */
    private Optional<Value> throughAlias(String key, int depth) {
        Alias alias = alias(key);
        if (alias == null) {
            return Optional.empty();
        }
        // object Lib { val kotlin = Kotlin; object Kotlin {..} }: the alias names a type of its own object first
        String owner = scopes.getOrDefault(alias.head(), "");
        Optional<Value> nested = owner.isEmpty() ? Optional.empty() : lookup(owner + "." + alias.target() + alias.rest(), depth + 1);
        return nested.isPresent() ? nested : lookup(alias.target() + alias.rest(), depth + 1);
    }

    /** A dotted name's longest prefix {@code head} that a variable aliases to {@code target}, and the {@code rest} after it. */
    private record Alias(String head, String target, String rest) {}

    /** The longest prefix of a dotted name that names another variable by its name ({@code deps.room = room}); null if none. */
    private Alias alias(String key) {
        for (int dot = key.lastIndexOf('.'); dot > 0; dot = key.lastIndexOf('.', dot - 1)) {
            String head = key.substring(0, dot);
            for (Map<String, List<Node>> names : variables) {
                List<Node> value = names.get(head);
                String target = value == null ? null : GradleScript.chain(value);
                if (target != null && !target.equals(head)) {
                    return new Alias(head, target, key.substring(dot));
                }
            }
        }
        return null;
    }

    private Value template(String raw, boolean interpolating, int depth) {
        if (!interpolating || raw.indexOf('$') < 0 && raw.indexOf('\\') < 0) {
            return new Value(raw, true);
        }
        StringBuilder out = new StringBuilder();
        boolean resolved = true;
        int n = raw.length();
        int k = 0;
        while (k < n) {
            char c = raw.charAt(k);
            if (c == '\\' && k + 1 < n) {
                out.append(raw.charAt(k + 1));
                k += 2;
            } else if (c == '$' && k + 1 < n && raw.charAt(k + 1) == '{') {
                int end = closingBrace(raw, k + 2);
                String expr = raw.substring(k + 2, end);
                Value v = eval(GradleSyntax.parseExpression(expr, script.kotlin()), depth + 1);
                if (v.resolved()) {
                    out.append(v.text());
                } else {
                    out.append(raw, k, Math.min(n, end + 1));
                    resolved = false;
                }
                k = end + 1;
            } else if (c == '$' && k + 1 < n && Character.isJavaIdentifierStart(raw.charAt(k + 1)) && raw.charAt(k + 1) != '$') {
                int end = k + 1;
                while (end < n && Character.isJavaIdentifierPart(raw.charAt(end)) && raw.charAt(end) != '$') {
                    end++;
                }
                // Groovy reads "$a.b.c" as a property path; Kotlin only as "$a" followed by text
                List<Integer> ends = new ArrayList<>();
                ends.add(end);
                if (!script.kotlin()) {
                    int p = end;
                    while (p + 1 < n && raw.charAt(p) == '.' && Character.isJavaIdentifierStart(raw.charAt(p + 1))) {
                        p++;
                        while (p < n && Character.isJavaIdentifierPart(raw.charAt(p)) && raw.charAt(p) != '$') {
                            p++;
                        }
                        ends.add(0, p);
                    }
                }
                Optional<Value> found = Optional.empty();
                int used = end;
                for (int e : ends) {
                    found = lookup(raw.substring(k + 1, e), depth + 1);
                    if (found.isPresent()) {
                        used = e;
                        break;
                    }
                }
                if (found.isPresent() && found.get().resolved()) {
                    out.append(found.get().text());
                    k = used;
                } else {
                    int e = ends.get(0);
                    out.append(raw, k, e);
                    resolved = false;
                    k = e;
                }
            } else {
                out.append(c);
                k++;
            }
        }
        return new Value(out.toString(), resolved);
    }

    /** The index of the brace closing a {@code ${} that starts at {@code from}, skipping nested braces and strings. */
    static int closingBrace(String raw, int from) {
        int depth = 1;
        int k = from;
        while (k < raw.length()) {
            char c = raw.charAt(k);
            if (c == '"' || c == '\'') {
                int close = raw.indexOf(c, k + 1);
                k = close < 0 ? raw.length() : close + 1;
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return k;
            }
            k++;
        }
        return raw.length();
    }

    private static int indexOf(List<Node> e, String op) {
        for (int k = 0; k < e.size(); k++) {
            if (e.get(k) instanceof Token t && t.is(op)) {
                return k;
            }
        }
        return -1;
    }

    private static List<List<Node>> split(List<Node> e, String op) {
        List<List<Node>> parts = new ArrayList<>();
        int from = 0;
        for (int k = 0; k < e.size(); k++) {
            if (e.get(k) instanceof Token t && t.is(op)) {
                parts.add(e.subList(from, k));
                from = k + 1;
            }
        }
        parts.add(e.subList(from, e.size()));
        return parts;
    }
}
