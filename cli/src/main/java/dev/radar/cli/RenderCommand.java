package dev.radar.cli;

import dev.radar.governance.Baseline;
import dev.radar.governance.OrgSummary;
import dev.radar.governance.RadarDocument;
import dev.radar.governance.RadarHtml;
import dev.radar.governance.RadarSvg;
import dev.radar.governance.RadarUsage;
import dev.radar.governance.RenderRequest;
import dev.radar.report.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radar render --out radar.html}: draws the radar as a self-contained HTML page and/or SVG. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Draw the radar as a self-contained HTML page or SVG.", "Four quadrants, four rings, numbered blips with a legend, markers for new and moved entries (from git history), and each blip's name, ring, rationale and replacement on hover or keyboard focus.",
            "The HTML page is self-contained: no network is needed to view it. The same radar always gives the same drawing."})
final class RenderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RADAR", description = "The radar file (default: ./radar.yaml).")
    Path radar;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the HTML page here (e.g. radar.html).")
    Path html;

    @Option(names = "--svg", paramLabel = "FILE", description = "Write the SVG drawing here (e.g. radar.svg).")
    Path svg;

    @Option(names = "--usage", paramLabel = "SUMMARY", description = "An org scan's summary.json: each blip shows how many repositories use it.")
    Path usage;

    @Mixin
    MarkerOptions markers;

    @Override
    public Integer call() throws IOException {
        if (html == null && svg == null) {
            throw new UserError(ExitCode.CONFIG_ERROR, "give --out FILE (HTML) and/or --svg FILE");
        }
        Path file = radar != null ? radar : Path.of("radar.yaml");
        if (!Files.isRegularFile(file)) {
            throw new UserError(ExitCode.CONFIG_ERROR, file + ": no such radar file");
        }
        RadarDocument doc = RadarDocument.load(file);
        if (doc.radar().quadrants().size() > 4) {
            throw new UserError(ExitCode.CONFIG_ERROR, file + ": render draws four quadrants; this radar has " + doc.radar().quadrants().size());
        }
        Optional<Map<String, Set<String>>> used = Optional.empty();
        if (usage != null) {
            if (!Files.isRegularFile(usage)) {
                throw new UserError(ExitCode.CONFIG_ERROR, "--usage " + usage + ": no such file");
            }
            used = Optional.of(RadarUsage.of(doc.radar(), OrgSummary.read(usage)));
        }
        Baseline baseline = markers.baseline(file, doc, spec.commandLine().getErr());
        RenderRequest request = new RenderRequest(doc, baseline.changes(), used, baseline.label());
        if (html != null) {
            String page = RadarHtml.render(request);
            AtomicFiles.write(html, w -> w.write(page));
        }
        if (svg != null) {
            String drawing = RadarSvg.render(request);
            AtomicFiles.write(svg, w -> w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + drawing));
        }
        var out = spec.commandLine().getOut();
        out.println("radar: drew " + doc.entries().size() + " entries (" + baseline.changes().size() + " new or moved"
                + (baseline.label().isEmpty() ? "" : ", " + baseline.label()) + ")"
                + (html != null ? " to " + html : "") + (html != null && svg != null ? " and" : "") + (svg != null ? " to " + svg : ""));
        out.flush();
        return ExitCode.COMPLIANT.code();
    }
}
