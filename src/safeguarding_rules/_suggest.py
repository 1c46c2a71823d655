"""Did-you-mean for every name a user types: one helper, called by each look-up that fails.

Rule ids, rule sets, agencies, editions, rule-file keys and values: wherever a name is not
found, the message suggests the known name closest to it, by the standard library's
:func:`difflib.get_close_matches` (a ratio of at least 0.6, the same as its default), after
putting both in one form (by default: stripped and in lower case), so that ``" Wales"``
suggests ``"wales"`` as surely as ``"walse"`` does.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable

__all__ = ["did_you_mean"]


def _plain(name: str) -> str:
    return name.strip().lower()


def did_you_mean(
    word: str,
    choices: Iterable[str],
    *,
    form: Callable[[str], str] = _plain,
    meaning: Callable[[str], str] | None = None,
) -> str:
    """Return ``" (did you mean 'x'?)"`` for the choice closest to ``word``, else ``""``.

    :param choices: the known names (a mapping: its keys).
    :param form: the form in which names are compared.
    :param meaning: what to suggest for the closest choice, if not the choice itself (an
        agency's id for the closest of its spellings, say).

    >>> did_you_mean("walse", ["england", "wales"])
    " (did you mean 'wales'?)"
    >>> ids = {"police": "police", "police officer": "police"}
    >>> did_you_mean("Police oficer", ids, meaning=ids.__getitem__)
    " (did you mean 'police'?)"
    >>> did_you_mean("wales ", ["england", "wales"])
    " (did you mean 'wales', without the spaces?)"
    >>> did_you_mean("mars", ["england", "wales"])
    ''
    """
    forms: dict[str, str] = {}
    for name in choices:
        forms.setdefault(form(name), meaning(name) if meaning else name)
    wanted = form(word)
    close = [wanted] if wanted in forms else difflib.get_close_matches(wanted, forms, n=1)
    if not close:
        return ""
    suggestion = forms[close[0]]
    if word != suggestion and word.strip() == suggestion:
        return f" (did you mean {suggestion!r}, without the spaces?)"
    return f" (did you mean {suggestion!r}?)"
