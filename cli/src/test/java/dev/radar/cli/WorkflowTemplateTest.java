package dev.radar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine;

/** The governance workflow template calls radar with options that exist: a renamed option fails here, not in users' CI. */
class WorkflowTemplateTest {
    private static final Path WORKFLOW = Path.of("..", "examples", "governance", ".github", "workflows", "radar-governance.yml");

    @SuppressWarnings("unchecked")
    private static List<String> radarCommands() throws Exception {
        Map<String, Object> workflow = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(WORKFLOW, StandardCharsets.UTF_8));
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        List<String> commands = new ArrayList<>();
        for (Object job : jobs.values()) {
            for (Map<String, Object> step : (List<Map<String, Object>>) ((Map<String, Object>) job).get("steps")) {
                Object run = step.get("run");
                if (run == null) {
                    continue;
                }
                String script = run.toString().replace("\\\n", " ");
                for (String line : script.split("\n")) {
                    int at = line.indexOf(".radar-tool/radar ");
                    if (at >= 0) {
                        commands.add(line.substring(at + ".radar-tool/radar ".length()).replaceAll("\\s*>.*$", "").trim());
                    }
                }
            }
        }
        return commands;
    }

    @Test
    void the_workflow_runs_validate_and_impact_on_pull_requests_touching_the_radar() throws Exception {
        String text = Files.readString(WORKFLOW, StandardCharsets.UTF_8);
        assertThat(text).contains("pull_request:").contains("- radar.yaml").contains("gh pr comment");
        assertThat(radarCommands()).anyMatch(c -> c.startsWith("validate ")).anyMatch(c -> c.startsWith("impact ") && c.contains("--format markdown"));
    }

    @Test
    void every_radar_command_in_the_workflow_parses() throws Exception {
        for (String command : radarCommands()) {
            List<String> args = new ArrayList<>();
            for (String token : command.split("\\s+")) {
                String t = token.replaceAll("^\"|\"$", "");
                if (t.startsWith("\"${") || t.startsWith("${") && t.endsWith("[@]}")) {
                    continue; // optional arrays of options, checked below through their own literals
                }
                args.add(t.contains("$") ? "x" : t);
            }
            CommandLine cl = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
            cl.parseArgs(args.toArray(String[]::new)); // throws on an unknown option or a missing value
        }
        CommandLine cl = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        cl.parseArgs("validate", "radar.yaml", "--exceptions", "exceptions.yaml", "--policies", "policies", "--against", "summary.json");
    }
}
