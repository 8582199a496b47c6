package dev.radar.report;

import dev.radar.model.Dependency;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dependency inventory the engine sees ({@code radar deps}). TSV columns, in this order:
 * {@code ecosystem group name version_declared version_resolved file line scope direct via}.
 */
public final class Inventory {
    public static final List<String> TSV_COLUMNS = List.of(
            "ecosystem", "group", "name", "version_declared", "version_resolved", "file", "line", "scope", "direct", "via");

    private static final Comparator<Dependency> ORDER = Comparator.comparing(Dependency::file)
            .thenComparingInt(Dependency::line)
            .thenComparing(d -> d.ecosystem().id())
            .thenComparing(Dependency::coordinate);

    private Inventory() {}

    /**
     * A package.json {@code peerDependencies} or {@code optionalDependencies} entry: a requirement on the host or an
     * extra, not what the package declares for its own install, so {@code radar deps} lists it only when asked
     * ({@code --peer-and-optional}); facts and checks keep it. Locked (transitive) entries are not concerned.
     */
    public static boolean isNpmPeerOrOptional(Dependency d) {
        return d.direct() && d.ecosystem() == dev.radar.model.Ecosystem.NPM && (d.scope().equals("peer") || d.scope().equals("optional"));
    }

    public static List<Dependency> sorted(List<Dependency> deps) {
        List<Dependency> out = new ArrayList<>(deps);
        out.sort(ORDER);
        return out;
    }

    public static void writeTsv(List<Dependency> deps, Writer out) throws IOException {
        out.write(String.join("\t", TSV_COLUMNS) + "\n");
        for (Dependency d : sorted(deps)) {
            out.write(String.join("\t", d.ecosystem().id(), cell(d.group()), cell(d.name()), cell(d.declaredVersion()),
                    cell(d.version()), cell(d.file()), String.valueOf(d.line()), cell(d.scope()), String.valueOf(d.direct()),
                    cell(String.join(" > ", d.via()))) + "\n");
        }
    }

    public static void writeJson(String repo, List<Dependency> deps, Writer out) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Dependency d : sorted(deps)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ecosystem", d.ecosystem().id());
            m.put("group", d.group());
            m.put("name", d.name());
            m.put("versionDeclared", d.declaredVersion());
            m.put("versionResolved", d.version());
            m.put("file", d.file());
            m.put("line", d.line());
            m.put("scope", d.scope());
            m.put("direct", d.direct());
            m.put("via", d.via());
            rows.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", Report.SCHEMA_VERSION);
        root.put("repo", repo);
        root.put("dependencies", rows);
        Json.write(out, root);
        out.write("\n");
    }

    /** Tabs and line breaks would break the TSV layout; they become spaces. */
    private static String cell(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
