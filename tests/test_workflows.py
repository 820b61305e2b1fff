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
