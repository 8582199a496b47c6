package dev.radar.collect;

import dev.radar.model.ApiOperation;
import dev.radar.model.ApiPath;
import dev.radar.model.ApiServer;
import dev.radar.model.ApiSpec;
import dev.radar.model.HttpStatus;
import dev.radar.yaml.YamlException;
import dev.radar.yaml.YamlNode;
import dev.radar.yaml.YamlReader;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads OpenAPI 3.x and Swagger 2.0 documents, YAML or JSON, whatever they are called: a {@code .yaml},
 * {@code .yml} or {@code .json} file is a spec when its top level declares {@code openapi: 3.x} or
 * {@code swagger: "2.0"}. Internal {@code $ref}s ({@code #/components/responses/NotFound},
 * {@code #/responses/NotFound}, path items) are resolved inside the file; references to other files are left
 * unresolved and their contents count as unknown.
 */
public final class OpenApiCollector implements Collector {

    private static final Pattern YAML_MARKER = Pattern.compile("(?m)^[\"']?(openapi|swagger)[\"']?[ \\t]*:[ \\t]*[\"']?[0-9]");
    private static final Pattern JSON_MARKER = Pattern.compile("\"(openapi|swagger)\"\\s*:\\s*\"[0-9]");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Set<String> NOT_SPECS = Set.of(
            "package.json", "package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml", "composer.json", "tsconfig.json");
    private static final int MAX_REF_HOPS = 32;

    @Override
    public String name() {
        return "openapi";
    }

    @Override
    public boolean wants(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        String name = lower.substring(lower.lastIndexOf('/') + 1);
        return (lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json")) && !NOT_SPECS.contains(name)
                && !lower.startsWith(".github/");
    }

    @Override
    public void collect(RepoTree tree, List<String> paths, Facts out) {
        for (String path : paths) {
            String text;
            try {
                text = tree.read(path);
            } catch (IOException e) {
                continue; // not knowing whether it is a spec, an unreadable data file is not worth a finding
            }
            boolean json = path.toLowerCase(Locale.ROOT).endsWith(".json");
            if (!(json ? JSON_MARKER : YAML_MARKER).matcher(text).find()) {
                continue;
            }
            Tree root;
            try {
                root = json ? Tree.json(text) : yaml(path, text);
            } catch (Tree.JsonException e) {
                out.problem(path, e.line(), "API spec " + e.problem());
                continue;
            } catch (YamlException e) {
                out.problem(path, e.problem().line(), "API spec " + e.problem().message());
                continue;
            }
            if (root != null && root.isMapping()) {
                read(path, root, out);
            }
        }
    }

    private static Tree yaml(String path, String text) throws YamlException {
        YamlNode node = YamlReader.parse(path, text);
        return node == null ? null : Tree.of(node);
    }

    private static void read(String path, Tree root, Facts out) {
        Tree.Entry marker = root.entry("openapi");
        boolean swagger = false;
        if (marker == null || !marker.value().text().startsWith("3.")) {
            marker = root.entry("swagger");
            if (marker == null || !marker.value().text().startsWith("2.")) {
                return; // openapi: or swagger: nested somewhere, or another version: not a spec this collector knows
            }
            swagger = true;
        }
        String format = (swagger ? "swagger " : "openapi ") + marker.value().text();
        Tree info = root.get("info");
        String title = info == null ? "" : info.text("title");
        String version = info == null ? "" : info.text("version");
        List<ApiServer> servers = swagger ? swaggerServers(root) : servers(root.get("servers"));
        List<ApiPath> apiPaths = new ArrayList<>();
        Tree paths = root.get("paths");
        List<String> globalProduces = strings(root.get("produces"));
        if (paths != null) {
            for (Tree.Entry p : paths.entries()) {
                if (!p.key().startsWith("/")) {
                    continue;
                }
                apiPaths.add(new ApiPath(p.key(), p.line()));
                Tree item = resolve(root, p.value());
                if (item == null) {
                    continue;
                }
                for (Tree.Entry m : item.entries()) {
                    String method = m.key().toLowerCase(Locale.ROOT);
                    Tree op = METHODS.contains(method) ? resolve(root, m.value()) : null;
                    if (op != null && op.isMapping()) { // an operation in another file ($ref: ops/list.yml) is unknown, not wrong
                        out.add(operation(path, root, p.key(), method, new Tree.Entry(m.key(), m.line(), op), swagger, globalProduces,
                                out.repo()));
                    }
                }
            }
        }
        out.add(new ApiSpec(out.repo(), path, marker.line(), format, title, version, servers, apiPaths));
    }

    private static ApiOperation operation(String file, Tree root, String path, String method, Tree.Entry entry, boolean swagger,
            List<String> globalProduces, String repo) {
        Tree op = entry.value();
        List<String> codes = new ArrayList<>();
        Map<String, List<String>> errorTypes = new LinkedHashMap<>();
        Tree responses = op.get("responses");
        List<String> produces = op.get("produces") != null ? strings(op.get("produces")) : globalProduces;
        if (responses != null) {
            for (Tree.Entry r : responses.entries()) {
                String code = r.key().trim();
                if (code.startsWith("x-")) {
                    continue;
                }
                codes.add(code);
                if (!HttpStatus.isClientError(code) && !HttpStatus.isServerError(code)) {
                    continue;
                }
                Tree response = resolve(root, r.value());
                if (response == null) {
                    continue; // behind a reference to another file: unknown, not wrong
                }
                if (swagger) {
                    if (response.get("schema") == null) {
                        errorTypes.put(code, List.of());
                    } else if (!produces.isEmpty()) {
                        errorTypes.put(code, produces);
                    }
                } else {
                    Tree content = response.get("content");
                    List<String> types = new ArrayList<>();
                    if (content != null) {
                        content.entries().forEach(c -> types.add(c.key()));
                    }
                    errorTypes.put(code, types);
                }
            }
        }
        return new ApiOperation(repo, file, entry.line(), path, method, op.text("operationId"), codes, errorTypes);
    }

    private static List<ApiServer> servers(Tree servers) {
        List<ApiServer> out = new ArrayList<>();
        if (servers == null) {
            return out;
        }
        for (Tree s : servers.items()) {
            Tree url = s.get("url");
            if (url == null) {
                continue;
            }
            String u = url.text();
            Tree variables = s.get("variables");
            if (variables != null) {
                for (Tree.Entry v : variables.entries()) {
                    u = u.replace("{" + v.key() + "}", v.value().text("default"));
                }
            }
            out.add(new ApiServer(u, url.line()));
        }
        return out;
    }

    /** Swagger 2.0 has no server list: one URL per scheme from host and basePath, or basePath alone. */
    private static List<ApiServer> swaggerServers(Tree root) {
        List<ApiServer> out = new ArrayList<>();
        Tree host = root.get("host");
        Tree basePath = root.get("basePath");
        String base = basePath == null ? "" : basePath.text();
        Tree schemes = root.get("schemes");
        if (host != null && !host.text().isEmpty()) {
            if (schemes != null && !schemes.items().isEmpty()) {
                for (Tree s : schemes.items()) {
                    out.add(new ApiServer(s.text() + "://" + host.text() + base, s.line()));
                }
            } else {
                out.add(new ApiServer("//" + host.text() + base, host.line()));
            }
        } else if (!base.isEmpty()) {
            out.add(new ApiServer(base, basePath.line()));
        }
        return out;
    }

    private static List<String> strings(Tree node) {
        List<String> out = new ArrayList<>();
        if (node != null) {
            node.items().forEach(i -> out.add(i.text()));
        }
        return out;
    }

    /**
     * Follows {@code $ref}s that point inside the document ({@code #/components/responses/NotFound}); null for a
     * reference to another file, one that points nowhere, or a cycle.
     */
    static Tree resolve(Tree root, Tree node) {
        Tree current = node;
        for (int hops = 0; hops < MAX_REF_HOPS; hops++) {
            if (current == null || !current.isMapping() || current.get("$ref") == null) {
                return current;
            }
            String ref = current.text("$ref");
            if (!ref.startsWith("#/")) {
                return null;
            }
            Tree target = root;
            for (String token : ref.substring(2).split("/", -1)) {
                String key;
                try {
                    key = URLDecoder.decode(token.replace("+", "%2B"), StandardCharsets.UTF_8).replace("~1", "/").replace("~0", "~");
                } catch (IllegalArgumentException e) {
                    return null; // a malformed percent-escape: the reference cannot be followed
                }
                target = target == null ? null : target.isSequence() ? item(target, key) : target.get(key);
            }
            current = target;
        }
        return null;
    }

    private static Tree item(Tree seq, String index) {
        try {
            int i = Integer.parseInt(index);
            return i >= 0 && i < seq.items().size() ? seq.items().get(i) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
