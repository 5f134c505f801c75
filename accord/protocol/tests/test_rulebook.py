"""A profile is checked against the rules the engine knows: unknown rules and params, wrong types, refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.protocol import ProfileError, available_profiles, load_profile
from accord.protocol.loader import PROFILES_DIR, load_profile_file
from accord.protocol.rulebook import RULE_PARAMS, known_rules


def _district_with(tmp_path: Path, old: str, new: str) -> Path:
    text = (PROFILES_DIR / "district.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "ashcombe.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _errors(path: Path) -> list[str]:
    with pytest.raises(ProfileError) as raised:
        load_profile_file(path)
    assert raised.value.file == path.name
    return raised.value.errors


@pytest.mark.cites("D 6.2")
def test_a_misspelt_rule_id_is_refused_naming_the_rule(tmp_path: Path) -> None:
    path = _district_with(tmp_path, "  enquiry.routing:\n", "  enquiry.routng:\n")
    assert _errors(path) == [
        "rules.enquiry.routng: unknown rule 'enquiry.routng': the engine does not enforce it "
        "(did you mean 'enquiry.routing'?)"
    ]
    with pytest.raises(ProfileError, match=r"^ashcombe.yaml: rules.enquiry.routng: unknown rule"):
        load_profile(path)


@pytest.mark.cites("D 6.3")
def test_an_unknown_param_is_refused_naming_the_key(tmp_path: Path) -> None:
    path = _district_with(tmp_path, "      working_days: 5\n", "      workng_days: 5\n")
    assert _errors(path) == [
        "rules.enquiry.response-deadline.params.working_days: required key is missing",
        "rules.enquiry.response-deadline.params.workng_days: unknown key "
        "(check the spelling; see docs/writing-a-profile.md)",
    ]


@pytest.mark.cites("D 6.3")
@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        (
            "      working_days: 5\n",
            '      working_days: "five"\n',
            "rules.enquiry.response-deadline.params.working_days",
        ),
        ("      allowed: true\n", '      allowed: "yes"\n', "rules.enquiry.pause.params.allowed"),
        (
            "      step_working_days: 2\n",
            "      step_working_days: 2.5\n",
            "rules.enquiry.reminders.params.step_working_days",
        ),
        (
            'chain: ["head-of-service", "chief-officer"]',
            'chain: ["head-of-service", "cheif-officer"]',
            "rules.enquiry.escalation.params.chain[1]",
        ),
        ("      steps: [acknowledged,", "      steps: [acknowledgd,", "steps[0]"),
    ],
)
def test_a_param_of_the_wrong_type_is_refused_naming_the_key(
    tmp_path: Path, old: str, new: str, where: str
) -> None:
    errors = _errors(_district_with(tmp_path, old, new))
    assert len(errors) == 1
    assert errors[0].startswith("rules.") and f"{where}: " in errors[0]


@pytest.mark.cites("D 6.4")
def test_a_rule_of_the_wrong_kind_is_refused(tmp_path: Path) -> None:
    path = _district_with(
        tmp_path, "  enquiry.burden:\n    kind: workflow\n", "  enquiry.burden:\n    kind: rule\n"
    )
    assert _errors(path) == [
        "rules.enquiry.burden.kind: 'rule', but the engine follows 'enquiry.burden' as a workflow "
        "(write kind: workflow)"
    ]


def test_every_shipped_rule_is_in_the_rulebook() -> None:
    for key in available_profiles():
        assert set(load_profile(key).rules) <= set(RULE_PARAMS), key
    assert known_rules() == sorted(RULE_PARAMS)
