"""The GitHub workflows are valid against GitHub's workflow schema."""

import subprocess
import sys

import pytest
import yaml

from support import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def test_both_workflows_exist():
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "pages.yml"}


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_matches_schema(workflow):
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema",
         "vendor.github-workflows", str(workflow)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actions_pinned_to_commit_shas():
    for workflow in WORKFLOWS:
        for line in workflow.read_text().splitlines():
            if "uses:" in line:
                ref = line.split("uses:")[1].split("#")[0].strip()
                assert "@" in ref and len(ref.split("@")[1]) == 40, f"{workflow.name}: {line}"
                assert "#" in line, f"{workflow.name}: say the version in a comment: {line}"


def test_pages_permissions_are_least():
    pages = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())
    assert pages["permissions"] == {"contents": "read"}
    deploy = pages["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert "concurrency" in pages
    assert deploy["needs"] == "build" and pages["jobs"]["build"]["needs"] == "test"


def _test_steps(name: str) -> list[dict]:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text())
    return workflow["jobs"]["test"]["steps"]


@pytest.mark.parametrize("name", ["ci.yml", "pages.yml"])
def test_test_job_runs_the_ci_script_with_playwrights_chromium(name):
    runs = [step.get("run", "") for step in _test_steps(name)]
    # The same entry point as this project's CI, which calls the README's command.
    assert runs[-1].strip() == ".ci/run"
    install = next(r for r in runs if "playwright install" in r)
    assert "--with-deps chromium" in install
    # The Playwright version comes from the one pin, not a second copy.
    assert "requirements-dev.txt" in install and "CHROMIUM_PATH" in install
    assert not any("snap install" in r or "apt-get install -y -qq chromium" in r for r in runs)


def test_ci_script_calls_the_readme_test_command():
    script = (ROOT / ".ci" / "run").read_text()
    assert "make test" in script
    assert "make test" in (ROOT / "README.md").read_text()
