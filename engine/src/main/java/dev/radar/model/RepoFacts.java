package dev.radar.model;

import java.util.List;

/** Everything the collectors read from one repository, ready to be inserted into a rule session. */
public record RepoFacts(
        String repo,
        List<Dependency> dependencies,
        List<LanguageUsage> languages,
        List<ConfigSetting> settings,
        List<RepoFile> files,
        List<FileProblem> problems,
        List<UnknownDeclaration> unknownDeclarations,
        List<ApiSpec> apis,
        List<ApiOperation> operations,
        List<CiStep> ciSteps) {

    public RepoFacts {
        dependencies = List.copyOf(dependencies);
        languages = List.copyOf(languages);
        settings = List.copyOf(settings);
        files = List.copyOf(files);
        problems = List.copyOf(problems);
        unknownDeclarations = List.copyOf(unknownDeclarations);
        apis = List.copyOf(apis);
        operations = List.copyOf(operations);
        ciSteps = List.copyOf(ciSteps);
    }

    /** Facts without declarations that were not understood, API specs and CI steps. */
    public RepoFacts(String repo, List<Dependency> dependencies, List<LanguageUsage> languages, List<ConfigSetting> settings,
            List<RepoFile> files, List<FileProblem> problems) {
        this(repo, dependencies, languages, settings, files, problems, List.of(), List.of(), List.of(), List.of());
    }

    /** The same facts with more problems added (files read outside the collectors, such as .radar/exceptions.yaml). */
    public RepoFacts withProblems(List<FileProblem> more) {
        var all = new java.util.ArrayList<>(problems);
        all.addAll(more);
        return new RepoFacts(repo, dependencies, languages, settings, files, all, unknownDeclarations, apis, operations, ciSteps);
    }

    /** Every fact, in a stable order, for insertion into a session. */
    public List<Object> all() {
        var out = new java.util.ArrayList<Object>(dependencies.size() + languages.size() + settings.size() + files.size() + problems.size()
                + unknownDeclarations.size());
        out.addAll(dependencies);
        out.addAll(languages);
        out.addAll(settings);
        out.addAll(files);
        out.addAll(problems);
        out.addAll(unknownDeclarations);
        out.addAll(apis);
        out.addAll(operations);
        out.addAll(ciSteps);
        out.add(new Repository(repo));
        return out;
    }
}
