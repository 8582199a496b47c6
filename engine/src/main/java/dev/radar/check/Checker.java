package dev.radar.check;

import dev.radar.collect.Collectors;
import dev.radar.collect.RepoTree;
import dev.radar.exceptions.ExceptionLoader;
import dev.radar.model.CheckScope;
import dev.radar.model.ConfigException;
import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import dev.radar.model.ExceptionGrant;
import dev.radar.model.ExceptionOrigin;
import dev.radar.model.FileProblem;
import dev.radar.model.RepoFacts;
import dev.radar.model.Today;
import dev.radar.policy.Evaluation;
import dev.radar.policy.PolicyEngine;
import dev.radar.report.Report;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Checks one repository: collectors, then one rule session, then a sorted, fingerprinted report. */
public final class Checker {
    private final Supplier<PolicyEngine> source;
    private PolicyEngine engine;

    public Checker(PolicyEngine engine) {
        this.engine = engine;
        this.source = () -> engine;
    }

    /**
     * A checker whose rule base is asked for only when the collected facts are ready to be judged: a single check
     * collects the repository while the rule base is still being built on another thread.
     */
    public Checker(Supplier<PolicyEngine> engine) {
        this.source = engine;
    }

    private PolicyEngine engine() {
        if (engine == null) {
            engine = source.get();
        }
        return engine;
    }

    /**
     * Runs the check. The repository's own {@code .radar/exceptions.yaml} joins the request's exceptions; when it
     * cannot be loaded, its problems are reported like any unreadable file (the check goes on without it).
     *
     * @throws IOException when the repository folder itself cannot be walked (single unreadable files are findings)
     */
    public Report check(CheckRequest request) throws IOException {
        return Timings.time("check", () -> run(request)).report();
    }

    /** Runs the check and keeps the facts and radar usages next to the report (the org scan needs them). */
    public CheckResult run(CheckRequest request) throws IOException {
        RepoFacts facts = Timings.time("collect", () -> Collectors.collect(request.repo(), request.dir()));
        // Read like every repository file (RepoTree): no link followed, size-capped, UTF-8 text only.
        return run(request, facts, () -> RepoTree.readOne(request.dir(), ExceptionLoader.REPO_LOCAL_PATH));
    }

    /**
     * As {@link #run(CheckRequest)} for a tree that is not a folder on disk (a commit read from a git object database);
     * the request's folder is not read.
     */
    public CheckResult run(CheckRequest request, RepoTree tree) {
        RepoFacts facts = Timings.time("collect", () -> Collectors.collect(request.repo(), tree));
        return run(request, facts, () -> tree.readIfPresent(ExceptionLoader.REPO_LOCAL_PATH));
    }

    private interface LocalFile {
        Optional<String> read() throws IOException;
    }

    private CheckResult run(CheckRequest request, RepoFacts facts, LocalFile localExceptions) {
        List<ExceptionGrant> local = List.of();
        List<FileProblem> problems = new ArrayList<>();
        try {
            Optional<String> text = localExceptions.read();
            if (text.isPresent()) {
                local = ExceptionLoader.parse(ExceptionLoader.REPO_LOCAL_PATH, text.get(), ExceptionOrigin.REPO_LOCAL, request.repo());
            }
        } catch (IOException e) {
            problems.add(new FileProblem(request.repo(), ExceptionLoader.REPO_LOCAL_PATH, 0, "exceptions file not used: " + e.getMessage()));
            facts = facts.withProblems(problems);
        } catch (ConfigException e) {
            e.problems().forEach(p -> problems.add(new FileProblem(request.repo(), ExceptionLoader.REPO_LOCAL_PATH, p.line(),
                    "exceptions file not used: " + (p.column() > 0 ? "column " + p.column() + ": " : "") + p.message())));
            facts = facts.withProblems(problems);
        }
        return run(request.withExceptions(local), facts);
    }

    /** Evaluates facts that were already collected, with the request's exceptions that name this repository. */
    public Report evaluate(CheckRequest request, RepoFacts facts) {
        return run(request, facts).report();
    }

    private CheckResult run(CheckRequest request, RepoFacts facts) {
        PolicyEngine rules = engine();
        Set<Ecosystem> ecosystems = null;
        if (rules.needsOnlyMatchersOfDependencyEcosystems()) {
            ecosystems = EnumSet.noneOf(Ecosystem.class);
            for (Dependency d : facts.dependencies()) {
                ecosystems.add(d.ecosystem());
            }
        }
        List<Object> all = new ArrayList<>(request.radar().facts(ecosystems));
        all.addAll(facts.all());
        all.add(new Today(request.today()));
        all.add(new CheckScope(request.repo()));
        request.exceptions().stream().filter(g -> g.coversRepo(request.repo())).forEach(all::add);
        Evaluation evaluation = Timings.time("evaluate", () -> rules.run(all, request.radar().standards()));
        Report report = Report.of(request.repo(), request.today(), request.radar().source(), evaluation.findings(),
                List.copyOf(rules.rules().values()), facts.dependencies().size(), facts.problems());
        return new CheckResult(report, facts, evaluation.usages());
    }
}
