package dev.radar.scan;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a repository URL is: a remote over https, http, git or ssh, a {@code file://} URL or a local path.
 * Remote-helper transports ({@code ext::cmd}, {@code fd::}) run commands and are refused.
 */
final class GitUrls {

    private static final Pattern SCHEME = Pattern.compile("(?i)([a-z][a-z0-9+.-]*)://.*");
    private static final Pattern HELPER = Pattern.compile("(?i)[a-z][a-z0-9+.-]*::.*");
    private static final Pattern SCP = Pattern.compile("(?:[^@/:]+@)?[^/:]+:.*");

    private GitUrls() {}

    /** Why a URL cannot be used, or null when it can. */
    static String refusal(String url) {
        if (url.isEmpty()) {
            return "empty";
        }
        if (HELPER.matcher(url).matches()) {
            return "remote-helper transports (such as ext:: or fd::) run commands and are not allowed";
        }
        for (char c : url.toCharArray()) {
            if (Character.isISOControl(c) || c == ' ') {
                return "contains spaces or control characters";
            }
        }
        if (url.startsWith("-")) {
            return "must not start with '-'";
        }
        var m = SCHEME.matcher(url);
        if (m.matches()) {
            String scheme = m.group(1).toLowerCase(Locale.ROOT);
            String authority = url.substring(url.indexOf("://") + 3).split("/", 2)[0];
            int at = authority.lastIndexOf('@');
            if (authority.startsWith("-") || authority.substring(at + 1).startsWith("-")) {
                return "a host or user name starting with '-' could be taken for a command-line option";
            }
            return switch (scheme) {
                case "https", "http", "git", "ssh", "file" -> null;
                default -> "unsupported scheme '" + scheme + "'; use https, http, git, ssh, file or a local path";
            };
        }
        return null;
    }

    /** True for URLs that JGit reaches over the network (not a local path or {@code file://}). */
    static boolean isRemote(String url) {
        var m = SCHEME.matcher(url);
        if (m.matches()) {
            return !"file".equalsIgnoreCase(m.group(1));
        }
        return isScpLike(url);
    }

    /** {@code git@host:org/repo.git}: a colon before any slash, and not a Windows drive letter. */
    static boolean isScpLike(String url) {
        return !SCHEME.matcher(url).matches() && SCP.matcher(url).matches() && !(url.length() > 1 && url.charAt(1) == ':');
    }

    /** The scheme in lower case: {@code ssh} for scp-like URLs, {@code file} for local paths. */
    static String scheme(String url) {
        var m = SCHEME.matcher(url);
        if (m.matches()) {
            return m.group(1).toLowerCase(Locale.ROOT);
        }
        return isScpLike(url) ? "ssh" : "file";
    }

    /** A relative local path resolved against the folder of repos.yaml; anything else unchanged. */
    static String resolveLocal(String url, Path base) {
        if (SCHEME.matcher(url).matches() || isScpLike(url)) {
            return url;
        }
        return base.resolve(url).normalize().toString();
    }

    /** A branch name git would accept (no spaces, control characters, '..', or leading '-'). */
    static boolean validBranch(String branch) {
        if (branch.startsWith("-") || branch.startsWith("/") || branch.endsWith("/") || branch.endsWith(".lock")
                || branch.contains("..") || branch.contains("//") || branch.contains("@{")) {
            return false;
        }
        for (char c : branch.toCharArray()) {
            if (Character.isISOControl(c) || " ~^:?*[\\".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
