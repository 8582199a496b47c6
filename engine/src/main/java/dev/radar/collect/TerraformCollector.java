package dev.radar.collect;

import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Terraform configurations ({@code *.tf}, and OpenTofu's {@code *.tofu}): each {@code required_providers} entry is a Terraform
 * provider dependency at the line of its {@code name = ...} entry (namespace / type, the constraint as
 * declared), resolved from the {@code .terraform.lock.hcl} of the same folder or from an exact pin; each
 * non-local {@code module} source is a Terraform module dependency at the line of its {@code source =}.
 * Providers locked but not required in that folder are listed as indirect dependencies of the lock file.
 */
public final class TerraformCollector implements Collector {

    static final String LOCK_FILE = ".terraform.lock.hcl";
    private static final String DEFAULT_HOST = "registry.terraform.io";
    /** OpenTofu's default registry: its lock files name a provider required as {@code hashicorp/aws} under this host. */
    private static final String OPENTOFU_HOST = "registry.opentofu.org";

    /** {@code [host/]namespace/name/provider[//subdir]}: namespaces and names never hold dots. */
    private static final Pattern REGISTRY_MODULE = Pattern.compile(
            "(?:([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+(?::\\d+)?)/)?([A-Za-z0-9][A-Za-z0-9_-]*)/([A-Za-z0-9][A-Za-z0-9_-]*)/([A-Za-z0-9][A-Za-z0-9_-]*)(//.*)?");
    private static final Pattern EXACT = Pattern.compile("(?:=\\s*)?v?(\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.+-]+)?)");

    @Override
    public String name() {
        return "terraform";
    }

    @Override
    public boolean wants(String path) {
        return isConfiguration(path) || path.equals(LOCK_FILE) || path.endsWith("/" + LOCK_FILE);
    }

    @Override
    public void collect(RepoTree tree, List<String> paths, Facts out) {
        Map<String, Lock> locks = new HashMap<>();
        for (String path : paths) {
            if (path.endsWith(LOCK_FILE)) {
                readLock(tree, path, out).ifPresent(lock -> locks.put(dir(path), lock));
            }
        }
        Map<String, Set<String>> required = new HashMap<>();
        for (String path : paths) {
            if (isConfiguration(path)) {
                Hcl.Body body = parse(tree, path, out);
                if (body != null) {
                    Lock lock = locks.getOrDefault(dir(path), Lock.EMPTY);
                    providers(body, path, lock, required.computeIfAbsent(dir(path), d -> new HashSet<>()), out);
                    modules(body, path, out);
                }
            }
        }
        locks.forEach((dir, lock) -> lock.providers.forEach((address, locked) -> {
            if (!required.getOrDefault(dir, Set.of()).contains(address)) {
                Source src = Source.of(address);
                out.add(new Dependency(out.repo(), Ecosystem.TERRAFORM, src.group(), src.type(), locked.constraints(),
                        locked.version(), "provider", false, lock.path, locked.line(), List.of()));
            }
        }));
    }

    /** A {@code .tf} file, or a {@code .tofu} file, which OpenTofu reads alongside (or instead of) them. */
    private static boolean isConfiguration(String path) {
        return path.endsWith(".tf") || path.endsWith(".tofu");
    }

    private static void providers(Hcl.Body body, String path, Lock lock, Set<String> required, Facts out) {
        for (Hcl.Block terraform : body.blocks("terraform")) {
            for (Hcl.Block rp : terraform.body().blocks("required_providers")) {
                for (Hcl.Attr entry : rp.body().attributes()) {
                    String source;
                    String declared;
                    if (entry.value() instanceof Hcl.Obj obj) {
                        Hcl.Attr s = obj.get("source");
                        Hcl.Attr v = obj.get("version");
                        source = s == null || s.literal() == null ? entry.name() : s.literal().trim();
                        declared = v == null || v.literal() == null ? "" : v.literal().trim();
                    } else if (entry.value() instanceof Hcl.Str str && !str.template()) {
                        source = entry.name(); // legacy form: aws = ">= 2.0"
                        declared = str.value().trim();
                    } else {
                        continue;
                    }
                    Source src = Source.of(source);
                    String address = src.address();
                    if (!lock.providers.containsKey(address) && !Source.namesHost(source)) {
                        String tofu = new Source(OPENTOFU_HOST, src.namespace(), src.type()).address();
                        address = lock.providers.containsKey(tofu) ? tofu : address;
                    }
                    required.add(address);
                    Locked locked = lock.providers.get(address);
                    String resolved = locked != null ? locked.version() : exact(declared);
                    out.add(new Dependency(out.repo(), Ecosystem.TERRAFORM, src.group(), src.type(), declared, resolved, "provider", true,
                            path, entry.line(), List.of()));
                }
            }
        }
    }

    private static void modules(Hcl.Body body, String path, Facts out) {
        for (Hcl.Block module : body.blocks("module")) {
            Hcl.Attr source = module.body().attribute("source");
            if (source == null || source.literal() == null) {
                continue;
            }
            String s = source.literal().trim();
            if (s.isEmpty() || s.startsWith("./") || s.startsWith("../") || s.startsWith(".\\") || s.startsWith("..\\")
                    || s.equals(".") || s.equals("..") || s.startsWith("/")) {
                continue; // a local module is part of this repository
            }
            Hcl.Attr version = module.body().attribute("version");
            String declared = version == null || version.literal() == null ? "" : version.literal().trim();
            Matcher m = REGISTRY_MODULE.matcher(s);
            String group;
            String name;
            String resolved;
            if (m.matches() && !RemoteModule.isGitHubShorthand(s)) { // github.com hosts repositories, never a module registry
                String host = m.group(1);
                group = host == null || isDefaultHost(host) ? m.group(2) : host + "/" + m.group(2);
                name = m.group(3) + "/" + m.group(4) + (m.group(5) == null ? "" : m.group(5));
                resolved = exact(declared);
            } else {
                RemoteModule remote = RemoteModule.of(s);
                if (remote.name().isEmpty() || remote.name().startsWith("//")) {
                    out.problem(path, source.line(), "module source names no repository: " + s);
                    continue;
                }
                group = remote.group();
                name = remote.name();
                declared = remote.ref();
                resolved = remote.ref();
            }
            out.add(new Dependency(out.repo(), Ecosystem.TERRAFORM_MODULE, group, name, declared, resolved, "module", true,
                    path, source.line(), List.of()));
        }
    }

    /**
     * Whether a host is the public registry of Terraform or of OpenTofu, which mirrors the same providers and modules
     * under the same names: {@code registry.opentofu.org/hashicorp/aws} is {@code hashicorp/aws}, not another namespace.
     */
    private static boolean isDefaultHost(String host) {
        return host.equalsIgnoreCase(DEFAULT_HOST) || host.equalsIgnoreCase(OPENTOFU_HOST);
    }

    /** The version an exact constraint ({@code 1.2.3}, {@code = 1.2.3}) pins, else empty. */
    static String exact(String constraint) {
        Matcher m = EXACT.matcher(constraint.trim());
        return m.matches() ? m.group(1) : "";
    }

    private static Hcl.Body parse(RepoTree tree, String path, Facts out) {
        try {
            return Hcl.parse(tree.read(path));
        } catch (IOException e) {
            out.problem(path, 0, "Terraform file could not be read: " + e.getMessage());
        } catch (Hcl.HclException e) {
            out.problem(path, e.line(), "Terraform file is not valid HCL: " + e.getMessage());
        }
        return null;
    }

    private static java.util.Optional<Lock> readLock(RepoTree tree, String path, Facts out) {
        Hcl.Body body = parse(tree, path, out);
        if (body == null) {
            return java.util.Optional.empty();
        }
        Map<String, Locked> providers = new LinkedHashMap<>();
        for (Hcl.Block p : body.blocks("provider")) {
            Hcl.Attr version = p.body().attribute("version");
            if (p.labels().size() == 1 && version != null && version.literal() != null) {
                Hcl.Attr constraints = p.body().attribute("constraints");
                String declared = constraints == null || constraints.literal() == null ? "" : constraints.literal().trim();
                providers.put(Source.of(p.labels().get(0)).address(), new Locked(version.literal().trim(), declared, p.line()));
            }
        }
        return java.util.Optional.of(new Lock(path, providers));
    }

    private static String dir(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** One lock file: provider address to locked version. */
    private record Lock(String path, Map<String, Locked> providers) {
        static final Lock EMPTY = new Lock("", Map.of());
    }

    private record Locked(String version, String constraints, int line) {}

    /** A provider source address: {@code [host/]namespace/type}, the host defaulting to the public registry. */
    private record Source(String host, String namespace, String type) {

        static Source of(String source) {
            String[] parts = source.trim().split("/");
            return switch (parts.length) {
                case 1 -> new Source(DEFAULT_HOST, "hashicorp", parts[0]);
                case 2 -> new Source(DEFAULT_HOST, parts[0], parts[1]);
                default -> new Source(parts[0], parts[parts.length - 2], parts[parts.length - 1]);
            };
        }

        /** Whether a source address names its registry host ({@code host/namespace/type}). */
        static boolean namesHost(String source) {
            return source.trim().split("/").length > 2;
        }

        /** The namespace, prefixed with the host when that is not a public registry (Terraform's or OpenTofu's). */
        String group() {
            return isDefaultHost(host) ? namespace : host + "/" + namespace;
        }

        /** The fully qualified, case-normalised address the lock file uses. */
        String address() {
            return (host + "/" + namespace + "/" + type).toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A module from a git repository, archive or bucket ({@code git::https://host/org/repo.git//sub?ref=v1},
     * {@code github.com/org/repo}, {@code git@host:org/repo.git}): group is the host and path prefix, name the
     * repository (with its {@code //subdir}), version the {@code ref} query parameter.
     */
    private record RemoteModule(String group, String name, String ref) {

        static RemoteModule of(String source) {
            String s = source;
            int forced = s.indexOf("::");
            if (forced > 0 && !s.substring(0, forced).contains("/")) {
                s = s.substring(forced + 2); // git::, hg::, s3::, gcs::
            }
            int schemeAt = s.indexOf("://");
            int subdirAt = s.indexOf("//", schemeAt < 0 ? 0 : schemeAt + 3);
            int queryAt = s.indexOf('?');
            if (queryAt >= 0 && subdirAt > queryAt) {
                // go-getter takes the subdirectory first and moves a query written before it back onto the address:
                // "github.com/org/repo?ref=v1//vpc" is "github.com/org/repo//vpc?ref=v1"
                String subdir = s.substring(subdirAt);
                int more = subdir.indexOf('?');
                String query = s.substring(queryAt, subdirAt) + (more < 0 ? "" : "&" + subdir.substring(more + 1));
                s = s.substring(0, queryAt) + (more < 0 ? subdir : subdir.substring(0, more)) + query;
            }
            String ref = "";
            int q = s.indexOf('?');
            if (q >= 0) {
                for (String param : s.substring(q + 1).split("&")) {
                    if (param.startsWith("ref=")) {
                        ref = param.substring(4);
                    }
                }
                s = s.substring(0, q);
            }
            int scheme = s.indexOf("://");
            if (scheme >= 0) {
                s = s.substring(scheme + 3);
            }
            String subdir = "";
            int sub = s.indexOf("//");
            if (sub >= 0) {
                subdir = s.substring(sub).replaceAll("^/+$", ""); // "repo.git//?ref=v1" names no subdirectory
                s = s.substring(0, sub);
            }
            String[] segments = s.split("/");
            if (isGitHubShorthand(source) && segments.length > 3) {
                // go-getter's GitHub shorthand clones github.com/owner/repo; further segments are a subdirectory
                String rest = String.join("/", List.of(segments).subList(3, segments.length));
                subdir = "//" + rest + (subdir.isEmpty() ? "" : "/" + subdir.substring(2));
                s = String.join("/", List.of(segments).subList(0, 3));
            }
            int at = s.indexOf('@');
            if (at >= 0 && at < s.indexOf('/') || at >= 0 && s.indexOf('/') < 0) {
                s = s.substring(at + 1); // user@host
            }
            int colon = s.indexOf(':');
            int slash = s.indexOf('/');
            if (colon > 0 && (slash < 0 || colon < slash) && !s.substring(colon + 1).matches("\\d+/.*")) {
                s = s.substring(0, colon) + "/" + s.substring(colon + 1); // scp-like host:org/repo
            }
            if (s.endsWith("/")) {
                s = s.substring(0, s.length() - 1);
            }
            if (s.endsWith(".git")) {
                s = s.substring(0, s.length() - 4);
            }
            int last = s.lastIndexOf('/');
            String group = last < 0 ? "" : s.substring(0, last);
            String name = (last < 0 ? s : s.substring(last + 1)) + subdir;
            return new RemoteModule(group, name, ref);
        }

        /** {@code github.com/owner/repo[/path]}: the GitHub shorthand, without a forced getter or scheme. */
        static boolean isGitHubShorthand(String source) {
            return source.regionMatches(true, 0, "github.com/", 0, "github.com/".length());
        }
    }
}
