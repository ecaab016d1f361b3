"""Does a role description ("the Ruritanian leader") fit a role someone holds ("president", "Russia")?"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from .gazetteer import Role, gazetteer
from .namekeys import fold

RoleT = tuple[str, str | None]


@lru_cache(maxsize=1)
def _roles_by_phrase() -> dict[str, Role]:
    return {role.phrase: role for role in gazetteer().roles.values()}


def role_classes(phrase: str) -> frozenset[str]:
    """The role itself and every broader role it counts as.

    >>> sorted(role_classes("prime minister"))[:3]
    ['head', 'leader', 'minister']
    """
    role = _roles_by_phrase().get(phrase)
    return frozenset({phrase} | (role.classes if role else frozenset()))


def nationality_key(country: str) -> str:
    """A key under which a country and its demonym agree, for nationalities the gazetteer lacks.

    >>> nationality_key("Ruritania") == nationality_key("Ruritanian")
    True
    """
    key = fold(country).replace(" ", "")
    for suffix in ("ian", "ean", "ese", "ish", "ia", "an", "a", "i"):
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            return key[: -len(suffix)]
    return key


def role_level(described: RoleT, held: RoleT) -> int:
    """0: no fit; 1: the role fits; 2: role and nationality both fit.

    >>> role_level(("leader", "Ruritania"), ("president", "Ruritania")), role_level(("leader", "Ruritania"), ("president", "Freedonia"))
    (2, 0)
    >>> role_level(("minister", None), ("foreign minister", "Ruritania")), role_level(("president", None), ("vice president", None))
    (1, 0)
    """
    noun, country = described
    held_noun, held_country = held
    if noun != held_noun and noun not in role_classes(held_noun) and held_noun not in role_classes(noun):
        return 0
    if country and held_country:
        return 2 if nationality_key(country) == nationality_key(held_country) else 0
    return 1


def best_level(described: RoleT, held: Iterable[RoleT]) -> int:
    return max((role_level(described, h) for h in held), default=0)
