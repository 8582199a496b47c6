package dev.radar.scan;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One repository to scan: either a git remote ({@code url}, cloned into the cache) or a folder already on
 * disk ({@code folder}), with the team that owns it and free-form tags for the dashboard.
 *
 * @param url    a git URL or local path of a git repository, or null for a folder source
 * @param folder the repository's folder for a folder source, or null for a git source
 * @param branch the branch to check, or empty for the remote's default branch (its HEAD)
 * @param team   the owning team, or empty when unknown
 */
public record RepoSpec(String name, String url, Path folder, String branch, String team, List<String> tags) {

    /** Names become file names in the output folder: letters, digits, '.', '_' and '-', not starting with '.'. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public RepoSpec {
        branch = branch == null ? "" : branch;
        team = team == null ? "" : team;
        tags = tags == null ? List.of() : List.copyOf(tags);
        if ((url == null) == (folder == null)) {
            throw new IllegalArgumentException("a repository has either a url or a folder");
        }
    }

    /** A repository that is a folder on disk, checked as it is. */
    public static RepoSpec folder(String name, Path folder, String team, List<String> tags) {
        return new RepoSpec(name, null, folder, "", team, tags);
    }

    public boolean isGit() {
        return url != null;
    }

    /** Where the repository comes from, safe to print: the URL without credentials, or the folder. */
    public String location() {
        return isGit() ? Redactor.url(url) : folder.toString().replace('\\', '/');
    }

    /** Whether a name can be used as a repository name (and file name). */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.endsWith(".") && !name.toLowerCase(Locale.ROOT).endsWith(".lock");
    }
}
