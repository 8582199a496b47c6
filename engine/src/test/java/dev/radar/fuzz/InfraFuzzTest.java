package dev.radar.fuzz;

import static dev.radar.fuzz.FuzzHarness.collect;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Fuzzes the infrastructure files: Dockerfile, compose, Kubernetes manifests, Helm charts, workflows, Terraform. */
class InfraFuzzTest {

    @FuzzTest
    void dockerfile_never_crashes(byte[] data) {
        collect("Dockerfile", data);
    }

    @FuzzTest
    void compose_file_never_crashes(byte[] data) {
        collect("docker-compose.yml", data);
    }

    /** Also read by the OpenAPI collector, which looks at every YAML file outside .github. */
    @FuzzTest
    void kubernetes_manifest_never_crashes(byte[] data) {
        collect("deploy/app.yaml", data);
    }

    @FuzzTest
    void helm_chart_never_crashes(byte[] data) {
        collect("chart/Chart.yaml", data);
    }

    @FuzzTest
    void github_workflow_never_crashes(byte[] data) {
        collect(".github/workflows/ci.yml", data);
    }

    @FuzzTest
    void terraform_never_crashes(byte[] data) {
        collect("infra/main.tf", data);
    }

    @FuzzTest
    void terraform_lock_never_crashes(byte[] data) {
        collect("infra/.terraform.lock.hcl", data);
    }
}
