package dev.radar.yaml;

import dev.radar.model.ConfigProblem;

/** A YAML text that cannot be parsed, with its position. */
public final class YamlException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient ConfigProblem problem;

    public YamlException(ConfigProblem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public ConfigProblem problem() {
        return problem;
    }
}
