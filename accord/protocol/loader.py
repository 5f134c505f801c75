"""Load a profile from YAML, refuse anything malformed, and build the immutable `Profile`.

The loader refuses a rule without a citation or citing a paragraph the profile does not have: a rule the
reader cannot trace to the protocol's words is not a rule of the protocol.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from accord.protocol.model import Paragraph, Profile, RoleDef, Rule, split_label
from accord.protocol.rulebook import RULE_PARAMS, rule_kind, unknown_rule_message
from accord.protocol.schema import ProfileIn, RoleIn, render_error, render_loc

PROFILES_DIR = Path(__file__).resolve().parent / "profiles"


class ProfileError(ValueError):
    """A profile file that cannot be used; `errors` holds one 'key.path: problem' line each."""

    def __init__(self, file: str, errors: list[str]) -> None:
        self.file = file
        self.errors = errors
        super().__init__("\n".join(f"{file}: {e}" for e in errors))


class _UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML keeps the last of two equal keys; in a profile that hides a mistake, so refuse it."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} appears twice", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


_profile_dirs: tuple[Path, ...] = ()


def configure_profile_dirs(dirs: Iterable[str | Path]) -> None:
    """Set the councils' own profile directories (the ACCORD_PROFILE_DIRS setting), searched after the
    profiles shipped with Accord. A key shipped with Accord is never replaced by a council's file."""
    global _profile_dirs
    _profile_dirs = tuple(Path(d) for d in dirs)
    _load_installed.cache_clear()


def profile_dirs() -> tuple[Path, ...]:
    """Where profiles are looked for, in order: Accord's own, then each configured directory."""
    return (PROFILES_DIR, *_profile_dirs)


def profile_sources() -> dict[str, Path]:
    """Each installed profile's key and the file it comes from, e.g. {'district': .../district.yaml}.

    The first directory holding a key wins (see `profile_dirs`); a directory that does not exist is skipped
    (`shadowed_profiles` and `accord protocol list` report what is left out).
    """
    found: dict[str, Path] = {}
    for directory in profile_dirs():
        for path in sorted(_yaml_files(directory)):
            found.setdefault(path.stem, path)
    return found


def shadowed_profiles() -> list[Path]:
    """Files in a configured directory whose key an earlier directory already provides: never loaded."""
    sources = profile_sources()
    return [
        path
        for directory in _profile_dirs
        for path in sorted(_yaml_files(directory))
        if sources[path.stem] != path
    ]


def _yaml_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return [*directory.glob("*.yaml"), *directory.glob("*.yml")]


def available_profiles() -> list[str]:
    """The keys of the installed profiles (Accord's and the configured directories'), e.g. ['district', 'norfolk']."""
    return sorted(profile_sources())


def load_profile(name_or_path: str | Path) -> Profile:
    """An installed profile by key (cached), or any profile file by path (read afresh each time).

    Raises `ProfileError` naming the file and each problem.
    """
    if (
        isinstance(name_or_path, Path)
        or name_or_path.endswith((".yaml", ".yml"))
        or ("/" in name_or_path)
    ):
        return load_profile_file(Path(name_or_path))
    return _load_installed(name_or_path)


@cache
def _load_installed(key: str) -> Profile:
    path = profile_sources().get(key)
    if path is None:
        known = ", ".join(available_profiles())
        raise ProfileError(f"{key}.yaml", [f"no profile called {key!r} (available: {known})"])
    profile = load_profile_file(path)
    if profile.key != key:
        raise ProfileError(path.name, [f"key: {profile.key!r} does not match the file name"])
    return profile


def load_profile_file(path: Path) -> Profile:
    """The profile in the YAML file at `path`; raises `ProfileError` naming the file and every problem."""
    name = path.name
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    except FileNotFoundError:
        raise ProfileError(str(path), ["file not found"]) from None
    except yaml.YAMLError as exc:
        raise ProfileError(name, [f"not valid YAML: {exc}"]) from None
    if not isinstance(raw, dict):
        raise ProfileError(name, ["(top level): a profile is a mapping of keys such as key, code"])
    try:
        data = ProfileIn.model_validate(raw)
    except ValidationError as exc:
        raise ProfileError(name, [render_error(e) for e in exc.errors()]) from None
    errors = _cross_check(data)
    if errors:
        raise ProfileError(name, errors)
    return _build(data, path)


def _resolve(data: ProfileIn, ids: set[str], ref: str) -> str | None:
    code, pid = split_label(ref)
    if code is not None and code != data.code:
        return None
    return pid if pid in ids else None


def _cross_check(data: ProfileIn) -> list[str]:
    """What a schema alone cannot see: duplicate ids, dangling parents and citations, rule params."""
    errors: list[str] = []
    ids: set[str] = set()
    for i, p in enumerate(data.paragraphs):
        if p.id in ids:
            errors.append(f"paragraphs[{i}].id: paragraph {p.id!r} appears twice")
        if p.parent is not None and p.parent not in ids:
            errors.append(
                f"paragraphs[{i}].parent: paragraph {p.parent!r} is not an earlier paragraph"
            )
        ids.add(p.id)

    def check_cites(where: tuple[str | int, ...], cites: list[str]) -> None:
        for j, ref in enumerate(cites):
            if _resolve(data, ids, ref) is None:
                loc = render_loc((*where, "cites", j))
                errors.append(f"{loc}: paragraph {ref!r} is not in this profile")

    for group in ("statutory_roles", "chief_officers"):
        roles: list[RoleIn] = getattr(data, group)
        keys: set[str] = set()
        for i, role in enumerate(roles):
            if role.key in keys:
                errors.append(f"{group}[{i}].key: {role.key!r} appears twice")
            keys.add(role.key)
            check_cites((group, i), role.cites)
    for rule_id, rule in data.rules.items():
        check_cites(("rules", rule_id), rule.cites)
        params_model = RULE_PARAMS.get(rule_id)
        if params_model is None:
            errors.append(f"{render_loc(('rules', rule_id))}: {unknown_rule_message(rule_id)}")
            continue
        if rule.kind != rule_kind(rule_id):
            errors.append(
                f"{render_loc(('rules', rule_id, 'kind'))}: {rule.kind!r}, but the engine follows "
                f"{rule_id!r} as a {rule_kind(rule_id)} (write kind: {rule_kind(rule_id)})"
            )
        try:
            params_model.model_validate(rule.params)
        except ValidationError as exc:
            for e in exc.errors():
                e["loc"] = ("rules", rule_id, "params", *e["loc"])
                errors.append(render_error(e))
    return errors


def _build(data: ProfileIn, path: Path) -> Profile:
    paragraphs = tuple(
        Paragraph(
            id=p.id,
            label=f"{data.code} {p.id}",
            heading=p.heading,
            text=p.text,
            parent=p.parent,
            kind=p.kind,
            subheading=p.subheading,
        )
        for p in data.paragraphs
    )
    skeleton = Profile(
        key=data.key,
        code=data.code,
        title=data.title,
        version=data.version,
        area_noun=data.area_noun,
        source=data.source,
        paragraphs=paragraphs,
        rules={},
    )

    def cite_all(refs: list[str]) -> tuple[Any, ...]:
        return tuple(skeleton.cite(ref) for ref in refs)

    rules = {
        rule_id: Rule(
            id=rule_id,
            kind=r.kind,
            cites=tuple(skeleton.paragraph_id(ref) for ref in r.cites),
            summary=r.summary,
            params=dict(r.params),
            citations=cite_all(r.cites),
        )
        for rule_id, r in data.rules.items()
    }
    return Profile(
        key=data.key,
        code=data.code,
        title=data.title,
        version=data.version,
        area_noun=data.area_noun,
        source=data.source,
        paragraphs=paragraphs,
        rules=rules,
        statutory_roles=tuple(
            RoleDef(key=r.key, title=r.title, citations=cite_all(r.cites))
            for r in data.statutory_roles
        ),
        chief_officers=tuple(
            RoleDef(key=r.key, title=r.title, citations=cite_all(r.cites))
            for r in data.chief_officers
        ),
        notes=tuple(data.notes),
        path=str(path),
    )
