package dev.radar.collect;

import dev.radar.model.ApiOperation;
import dev.radar.model.ApiSpec;
import dev.radar.model.CiStep;
import dev.radar.model.ConfigSetting;
import dev.radar.model.Dependency;
import dev.radar.model.FileProblem;
import dev.radar.model.LanguageUsage;
import dev.radar.model.RepoFacts;
import dev.radar.model.RepoFile;
import dev.radar.model.UnknownDeclaration;
import java.util.ArrayList;
import java.util.List;

/** Where collectors put what they read from one repository; confined to one thread. */
public final class Facts {
    private final String repo;
    private final List<Dependency> dependencies = new ArrayList<>();
    private final List<LanguageUsage> languages = new ArrayList<>();
    private final List<ConfigSetting> settings = new ArrayList<>();
    private final List<RepoFile> files = new ArrayList<>();
    private final List<FileProblem> problems = new ArrayList<>();
    private final List<UnknownDeclaration> unknownDeclarations = new ArrayList<>();
    private final List<ApiSpec> apis = new ArrayList<>();
    private final List<ApiOperation> operations = new ArrayList<>();
    private final List<CiStep> ciSteps = new ArrayList<>();

    public Facts(String repo) {
        this.repo = repo;
    }

    public String repo() {
        return repo;
    }

    /**
     * Records a dependency. One without a name (a declaration a collector took apart into nothing, such as a bare
     * {@code "@scope/"} or {@code ":"}) is recorded as a problem at its line instead: no rule could judge it, and a
     * finding naming nothing would help no one. Collectors that know why a name is missing report it themselves first.
     */
    public void add(Dependency dependency) {
        if (dependency.name().isBlank()) {
            problem(dependency.file(), dependency.line(), "a dependency without a name (" + dependency.ecosystem().id() + "); skipped");
            return;
        }
        dependencies.add(dependency);
    }

    public void add(LanguageUsage usage) {
        languages.add(usage);
    }

    public void add(ConfigSetting setting) {
        settings.add(setting);
    }

    public void add(RepoFile file) {
        files.add(file);
    }

    /** Records a declaration that was seen but not understood; it becomes an informational finding. */
    public void add(UnknownDeclaration unknown) {
        unknownDeclarations.add(unknown);
    }

    public void add(ApiSpec spec) {
        apis.add(spec);
    }

    public void add(ApiOperation operation) {
        operations.add(operation);
    }

    public void add(CiStep step) {
        ciSteps.add(step);
    }

    /** Records a file that could not be read or parsed; line 0 when the position is unknown. */
    public void problem(String file, int line, String message) {
        problems.add(new FileProblem(repo, file, Math.max(0, line), message));
    }

    public RepoFacts build() {
        return new RepoFacts(repo, dependencies, languages, settings, files, problems, unknownDeclarations, apis, operations, ciSteps);
    }
}
