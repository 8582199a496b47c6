package dev.radar.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;

/** Turns executable-model classes into a KieBase, and finds the built-in model that the build put into the jar. */
final class RuleBases {
    /** Class-path resource of the built-in model's index, written by {@link ModelGenerator}. */
    static final String BUILT_IN_INDEX = "dev/radar/policy/built-in-policies.index";

    private RuleBases() {}

    /** The index of the built-in model, when the build generated one. */
    static Optional<CompiledPolicies> builtInIndex() {
        try (InputStream in = PolicyEngine.class.getClassLoader().getResourceAsStream(BUILT_IN_INDEX)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(CompiledPolicies.parseIndex(new String(in.readAllBytes(), StandardCharsets.UTF_8), Map.of()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // a damaged index is as good as none: the DRL is compiled instead
        }
    }

    /**
     * The built-in DRL the index names, read through the class loader from the jar it is in; empty when the classes
     * are a folder (an IDE or test run: the folder is walked, so added files are seen) or a listed file is missing.
     * Cheaper than listing the jar: a check pays for it on every run.
     */
    static Optional<List<PolicySource>> builtInSources(CompiledPolicies index) {
        try {
            java.security.CodeSource code = PolicyEngine.class.getProtectionDomain().getCodeSource();
            if (code == null || !code.getLocation().getPath().endsWith(".jar")) {
                return Optional.empty();
            }
            ClassLoader loader = PolicyEngine.class.getClassLoader();
            List<PolicySource> out = new ArrayList<>();
            for (String path : index.sources()) {
                String name = PolicyEngine.BUILT_IN_ROOT + "/" + path;
                try (InputStream in = loader.getResourceAsStream(name)) {
                    if (in == null) {
                        return Optional.empty();
                    }
                    out.add(new PolicySource(path, name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            return out.isEmpty() ? Optional.empty() : Optional.of(out);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Instantiates the model classes through the loader and builds the rule base from them.
     *
     * @throws IllegalStateException when a model class is missing or broken (the caller compiles instead)
     */
    static KieBase kieBase(CompiledPolicies compiled, ClassLoader loader) {
        List<Model> models = new ArrayList<>();
        for (String name : compiled.models()) {
            try {
                models.add((Model) Class.forName(name, true, loader).getConstructor().newInstance());
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException("cannot load the compiled rule model " + name + ": " + e, e);
            }
        }
        // the configuration KieServices would make (RuleBaseConfiguration's defaults from the class path's properties),
        // made without KieServices: its first use looks up and instantiates every KIE service on the class path
        return KieBaseBuilder.createKieBaseFromModel(models, RuleBaseFactory.newKnowledgeBaseConfiguration());
    }
}
