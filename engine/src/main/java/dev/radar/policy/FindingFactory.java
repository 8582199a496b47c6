package dev.radar.policy;

import dev.radar.model.Dependency;
import dev.radar.model.Finding;
import dev.radar.model.FindingStatus;
import dev.radar.model.RadarEntry;
import dev.radar.model.RuleInfo;
import dev.radar.model.Severity;
import java.util.Map;
import java.util.Optional;
import org.drools.model.Drools;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Builds findings in rule consequences, taking id, severity and remediation from the firing rule's
 * metadata and the radar's severity overrides. Exposed to DRL as the global {@code findings}; rules pass
 * {@code drools}, which the executable model types as {@link Drools}.
 */
public final class FindingFactory {
    private final Map<String, RuleInfo> rules;
    private final Map<String, Optional<Severity>> overrides;

    FindingFactory(Map<String, RuleInfo> rules, Map<String, Optional<Severity>> overrides) {
        this.rules = rules;
        this.overrides = overrides;
    }

    /** A finding about a dependency recognised by a radar entry. */
    public Finding about(Drools rule, Dependency d, RadarEntry entry, String message, String remediation) {
        return at(rule, d.repo(), d.file(), d.line(), message, remediation, entry == null ? "" : entry.id(), d.key());
    }

    /** As {@link #about(Drools, Dependency, RadarEntry, String, String)}, with a severity chosen by the rule. */
    public Finding about(Drools rule, Severity severity, Dependency d, RadarEntry entry, String message, String remediation) {
        return at(rule, severity, d.repo(), d.file(), d.line(), message, remediation, entry == null ? "" : entry.id(), d.key());
    }

    /** A finding about a dependency that no radar entry recognises. */
    public Finding about(Drools rule, Dependency d, String message) {
        return at(rule, d.repo(), d.file(), d.line(), message, "", "", d.key());
    }

    /**
     * A finding at a file and line.
     *
     * @param remediation a specific remediation; empty to use the rule's own
     * @param subject     what the finding is about, stable across line moves (for fingerprints)
     */
    public Finding at(Drools rule, String repo, String file, int line, String message, String remediation,
            String entryId, String subject) {
        return at(rule, null, repo, file, line, message, remediation, entryId, subject);
    }

    /**
     * As {@link #at(Drools, String, String, int, String, String, String, String)}, with a severity chosen by the
     * rule for this finding (null for the rule's own). The radar's {@code standards} override can lower a chosen
     * severity but never raises it: a warning announced before an escalation date stays a warning when the
     * radar sets the rule to error.
     */
    public Finding at(Drools rule, Severity severity, String repo, String file, int line, String message,
            String remediation, String entryId, String subject) {
        RuleInfo info = info(rule);
        Optional<Severity> override = overrides.getOrDefault(info.id(), Optional.empty());
        Severity effective = severity == null ? override.orElse(info.severity())
                : override.filter(o -> !o.atLeast(severity)).orElse(severity);
        return new Finding(info.id(), effective, repo, file, line, message,
                remediation == null || remediation.isEmpty() ? info.remediation() : remediation,
                entryId, subject, "", FindingStatus.OPEN, "");
    }

    private RuleInfo info(Drools drools) {
        if (!(drools instanceof RuleContext rule)) {
            throw new IllegalStateException("findings are made in rule consequences: pass drools");
        }
        String id = PolicyEngine.meta(rule.getRule().getMetaData(), "id");
        RuleInfo info = id == null ? null : rules.get(id);
        if (info == null) {
            throw new IllegalStateException("rule '" + rule.getRule().getName() + "' emits a finding but has no @id metadata");
        }
        return info;
    }
}
