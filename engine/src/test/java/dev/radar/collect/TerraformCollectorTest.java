package dev.radar.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import dev.radar.model.FileProblem;
import dev.radar.model.RepoFacts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TerraformCollectorTest {

    @TempDir
    Path dir;

    @Test
    void required_providers_in_object_and_legacy_string_form_are_listed_at_their_entry_line() {
        RepoFacts facts = new InfraFixture(dir).file("versions.tf", """
                terraform {
                  required_version = ">= 1.5.7"

                  required_providers {
                    aws = {
                      source  = "hashicorp/aws"
                      version = ">= 5.0"
                    }
                    google = { source = "registry.terraform.io/hashicorp/google", version = "7.43.0" }
                    random = "~> 3.1"
                    acme = {
                      source = "app.terraform.io/acme-corp/acme"
                    }
                  }
                }

                provider_meta "aws" {
                  module_name = "vpc"
                }
                """).run(new TerraformCollector());

        assertThat(facts.dependencies())
                .extracting(Dependency::ecosystem, Dependency::group, Dependency::name, Dependency::declaredVersion, Dependency::version,
                        Dependency::line)
                .containsExactly(
                        tuple(Ecosystem.TERRAFORM, "hashicorp", "aws", ">= 5.0", "", 5),
                        tuple(Ecosystem.TERRAFORM, "hashicorp", "google", "7.43.0", "7.43.0", 9),
                        tuple(Ecosystem.TERRAFORM, "hashicorp", "random", "~> 3.1", "", 10),
                        tuple(Ecosystem.TERRAFORM, "app.terraform.io/acme-corp", "acme", "", "", 11));
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void opentofu_tofu_files_declare_providers_and_modules_and_its_lock_file_resolves_them() {
        RepoFacts facts = new InfraFixture(dir)
                .file("mod/versions.tofu", """
                        terraform {
                          required_providers {
                            google = {
                              source  = "hashicorp/google"
                              version = ">= 7.0.0, < 8.0.0" # tested
                            }
                          }
                        }

                        module "net" {
                          source  = "acme/network/google"
                          version = "2.1.0"
                        }
                        """)
                .file("mod/.terraform.lock.hcl", """
                        provider "registry.opentofu.org/hashicorp/google" {
                          version = "7.2.0"
                        }
                        """)
                .run(new TerraformCollector());

        assertThat(facts.dependencies())
                .extracting(Dependency::ecosystem, Dependency::group, Dependency::name, Dependency::version, Dependency::file,
                        Dependency::line, Dependency::direct)
                .containsExactlyInAnyOrder(
                        tuple(Ecosystem.TERRAFORM, "hashicorp", "google", "7.2.0", "mod/versions.tofu", 3, true),
                        tuple(Ecosystem.TERRAFORM_MODULE, "acme", "network/google", "2.1.0", "mod/versions.tofu", 11, true));
    }

    @Test
    void opentofu_registry_host_is_a_public_registry_so_the_group_is_the_namespace_alone() {
        RepoFacts facts = new InfraFixture(dir)
                .file("live/main.tf", """
                        terraform {
                          required_providers {
                            aws = {
                              source  = "registry.opentofu.org/hashicorp/aws"
                              version = "~> 5.0"
                            }
                          }
                        }

                        module "vpc" {
                          source  = "registry.opentofu.org/terraform-aws-modules/vpc/aws"
                          version = "5.8.1"
                        }
                        """)
                .file("live/.terraform.lock.hcl", """
                        provider "registry.opentofu.org/hashicorp/aws" {
                          version = "5.40.0"
                        }

                        provider "registry.opentofu.org/hashicorp/random" {
                          version = "3.6.2"
                        }
                        """)
                .run(new TerraformCollector());

        assertThat(facts.dependencies())
                .extracting(Dependency::ecosystem, Dependency::group, Dependency::name, Dependency::version, Dependency::line,
                        Dependency::direct)
                .containsExactlyInAnyOrder(
                        tuple(Ecosystem.TERRAFORM, "hashicorp", "aws", "5.40.0", 3, true),
                        tuple(Ecosystem.TERRAFORM_MODULE, "terraform-aws-modules", "vpc/aws", "5.8.1", 11, true),
                        tuple(Ecosystem.TERRAFORM, "hashicorp", "random", "3.6.2", 5, false));
    }

    @Test
    void lock_file_of_the_same_folder_resolves_versions_and_lists_providers_only_it_knows() {
        RepoFacts facts = new InfraFixture(dir)
                .file("infra/main.tf", """
                        terraform {
                          required_providers {
                            aws = { source = "hashicorp/aws", version = "~> 5.0" }
                          }
                        }
                        """)
                .file("infra/.terraform.lock.hcl", """
                        # This file is maintained automatically by "terraform init".
                        provider "registry.terraform.io/hashicorp/aws" {
                          version     = "5.31.0"
                          constraints = "~> 5.0"
                          hashes = [
                            "h1:abc=",
                            "zh:def",
                          ]
                        }

                        provider "registry.terraform.io/hashicorp/tls" {
                          version = "4.0.5"
                        }
                        """)
                .file("other/main.tf", """
                        terraform {
                          required_providers {
                            aws = { source = "hashicorp/aws", version = "~> 5.0" }
                          }
                        }
                        """)
                .run(new TerraformCollector());

        assertThat(facts.dependencies())
                .extracting(Dependency::name, Dependency::declaredVersion, Dependency::version, Dependency::direct, Dependency::file,
                        Dependency::line)
                .containsExactlyInAnyOrder(
                        tuple("aws", "~> 5.0", "5.31.0", true, "infra/main.tf", 3),
                        tuple("tls", "", "4.0.5", false, "infra/.terraform.lock.hcl", 11),
                        tuple("aws", "~> 5.0", "", true, "other/main.tf", 3));
    }

    @Test
    void registry_modules_are_listed_with_subdirectory_and_local_modules_are_skipped() {
        RepoFacts facts = new InfraFixture(dir).file("main.tf", """
                module "apis" {
                  source  = "terraform-google-modules/project-factory/google//modules/project_services"
                  version = "~> 18.0"
                }

                module "vpc" {
                  # pinned
                  version = "5.8.1"
                  source  = "app.terraform.io/acme/vpc/aws"
                }

                module "local" {
                  source = "../../modules/flow-log"
                }

                module "here" {
                  source = "./modules/here"
                }
                """).run(new TerraformCollector());

        assertThat(facts.dependencies())
                .extracting(Dependency::ecosystem, Dependency::group, Dependency::name, Dependency::declaredVersion, Dependency::version,
                        Dependency::line)
                .containsExactly(
                        tuple(Ecosystem.TERRAFORM_MODULE, "terraform-google-modules", "project-factory/google//modules/project_services",
                                "~> 18.0", "", 2),
                        tuple(Ecosystem.TERRAFORM_MODULE, "app.terraform.io/acme", "vpc/aws", "5.8.1", "5.8.1", 9));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "git::https://github.com/acme/tf-modules.git//network?ref=v1.2.0 | github.com/acme  | tf-modules//network | v1.2.0",
        "github.com/acme/terraform-aws-rds?ref=3.0.0                     | github.com/acme  | terraform-aws-rds   | 3.0.0",
        "git@github.com:acme/infra.git//modules/db                       | github.com/acme  | infra//modules/db   | ''",
        "git::ssh://git@gitlab.example.com/platform/mods.git?ref=abc123  | gitlab.example.com/platform | mods     | abc123",
        "https://example.com/modules/vpc-module.zip                      | example.com/modules | vpc-module.zip   | ''",
        "github.com/acme/tf-modules?ref=v0.3.0//vpc                      | github.com/acme  | tf-modules//vpc     | v0.3.0",
        "git::https://github.com/acme/mods.git?ref=v2//net/sub           | github.com/acme  | mods//net/sub       | v2",
        "github.com/acme/tf-modules/modules/iam-role                     | github.com/acme  | tf-modules//modules/iam-role | ''",
        "github.com/acme/tf-modules/modules//iam-role?ref=v3             | github.com/acme  | tf-modules//modules/iam-role | v3",
        "git::https://github.com/acme/vpc.git//?ref=v0.9.1               | github.com/acme  | vpc                 | v0.9.1",
        "git@github.com:acme/network//?ref=v0.0.10                       | github.com/acme  | network             | v0.0.10",
    })
    void remote_module_sources_are_named_by_host_and_repository_and_versioned_by_ref(String source, String group, String name, String ref) {
        RepoFacts facts = new InfraFixture(dir).file("main.tf", "module \"m\" {\n  source = \"" + source + "\"\n}\n")
                .run(new TerraformCollector());

        assertThat(facts.dependencies())
                .extracting(Dependency::ecosystem, Dependency::group, Dependency::name, Dependency::declaredVersion, Dependency::version,
                        Dependency::line)
                .containsExactly(tuple(Ecosystem.TERRAFORM_MODULE, group, name, ref, ref, 2));
    }

    @Test
    void heredocs_comments_strings_and_interpolations_with_braces_do_not_confuse_the_block_reader() {
        RepoFacts facts = new InfraFixture(dir).file("main.tf", """
                /* a block comment with a fake
                   terraform { required_providers { fake = "1" } }
                */
                locals {
                  policy = <<-EOT
                    {
                      "Statement": [{ "Effect": "Allow" }]
                    }
                    terraform {
                  EOT
                  name   = "x-${lookup(var.m, "k", "}")}-y" # a string with a brace in an interpolation
                  escaped = "quote \\" and brace { and $${literal}"
                  tags = { for k, v in var.tags : k => v if v != "" }
                  list = [
                    "a", // comment
                    { b = 1 },
                  ]
                }

                resource "aws_s3_bucket" "b" { bucket = "b" }

                terraform {
                  required_providers {
                    // a line comment { with a brace
                    aws = {
                      source  = "hashicorp/aws" # trailing comment }
                      version = ">= 6.28"
                    }
                  }
                }
                """).run(new TerraformCollector());

        assertThat(facts.problems()).isEmpty();
        assertThat(facts.dependencies())
                .extracting(Dependency::group, Dependency::name, Dependency::declaredVersion, Dependency::version, Dependency::line)
                .containsExactly(tuple("hashicorp", "aws", ">= 6.28", "", 25));
    }

    @Test
    void unbalanced_braces_are_a_problem_and_other_files_are_still_read() {
        RepoFacts facts = new InfraFixture(dir)
                .file("a/broken.tf", "terraform {\n  required_providers {\n    aws = { source = \"hashicorp/aws\"\n")
                .file("b/ok.tf", "terraform {\n  required_providers {\n    aws = \">= 4\"\n  }\n}\n")
                .run(new TerraformCollector());

        assertThat(facts.problems()).extracting(FileProblem::file).containsExactly("a/broken.tf");
        assertThat(facts.dependencies()).extracting(Dependency::file).containsExactly("b/ok.tf");
    }

    @Test
    void blocks_and_objects_nested_thousands_deep_are_a_problem_at_their_line_not_a_stack_overflow() {
        // Found by fuzzing: the HCL parser recursed once per level and overflowed the stack.
        RepoFacts blocks = new InfraFixture(dir.resolve("blocks"))
                .file("main.tf", "terraform {\n  a " + "{ b ".repeat(20_000) + "}".repeat(20_000) + "\n}\n").run(new TerraformCollector());
        RepoFacts objects = new InfraFixture(dir.resolve("objects"))
                .file("main.tf", "locals {\n  a = " + "{ b = ".repeat(20_000) + "1" + " }".repeat(20_000) + "\n}\n").run(new TerraformCollector());
        assertThat(blocks.problems()).extracting(FileProblem::line, FileProblem::message)
                .containsExactly(tuple(2, "Terraform file is not valid HCL: blocks nested deeper than 128 levels"));
        assertThat(objects.problems()).extracting(FileProblem::line, FileProblem::message)
                .containsExactly(tuple(2, "Terraform file is not valid HCL: objects nested deeper than 128 levels"));
    }

    @Test
    void a_module_source_without_a_repository_is_a_problem_at_its_line_not_a_nameless_module() {
        RepoFacts facts = new InfraFixture(dir).file("infra/main.tf", """
                module "empty_git" {
                  source = "git::https://"
                }

                module "only_subdir" {
                  source = "git::https:////modules/db?ref=v1"
                }

                module "vpc" {
                  source = "git::https://example.com/network/vpc.git?ref=v1.2.0"
                }
                """).run(new TerraformCollector());

        assertThat(facts.dependencies()).extracting(Dependency::group, Dependency::name, Dependency::line)
                .containsExactly(tuple("example.com/network", "vpc", 10));
        assertThat(facts.problems()).extracting(FileProblem::file, FileProblem::line, FileProblem::message)
                .containsExactly(tuple("infra/main.tf", 2, "module source names no repository: git::https://"),
                        tuple("infra/main.tf", 6, "module source names no repository: git::https:////modules/db?ref=v1"));
    }
}
