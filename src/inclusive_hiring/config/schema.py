"""THE table of configuration keys: for each, its documented type, default, validator, merge rule,
where it may appear, how ``ih config show`` prints it and what ``ih init`` writes for it
(docs/configuration.md describes them for users).

Adding a key is one :class:`~.model.Key` here plus the code that reads it
(``config.value("name")``); docs/architecture-config.md shows an example.
"""

from __future__ import annotations

from .merge import (
    empty_dict,
    empty_list,
    empty_tuple,
    kits_default,
    last_wins,
    merge_accept,
    merge_exclude,
    merge_kits,
    merge_prefer,
    merge_rules,
    merge_terms,
    nothing,
    rules_default,
)
from .model import IN_FILE, IN_OVERRIDES, ON_COMMAND_LINE, Key
from .show import (
    show_accept,
    show_exclude,
    show_jurisdictions,
    show_kits,
    show_overrides,
    show_prefer,
    show_rules,
    show_terms,
    show_value,
)
from .validate import (
    parse_accept,
    parse_exclude,
    parse_jurisdictions,
    parse_kits,
    parse_prefer,
    parse_rules,
    parse_terms,
    parse_track,
)

#: What ``ih init`` writes for each key (docs/configuration.md describes them).
_STARTER_EXTENDS = """\
# Start from a shipped preset: recommended (the defaults), strict or relaxed.
extends: recommended
"""

_STARTER_JURISDICTIONS = """\
# Where you hire. The pay-transparency and salary-history checks then follow these places' rules,
# for example [US-CO, US-NYC, CA-ON, EU]; the full list is in docs/configuration.md.
jurisdictions: []
"""

_STARTER_ACCEPT = """\
# Phrases that are never flagged: product names, legal text you must quote as it is.
accept:
#  - Salesforce
"""

_STARTER_PREFER = """\
# House style: each key is flagged (IH091) and the value offered as a safe fix.
prefer:
#  e-mail: email
"""

_STARTER_TERMS = """\
# Your organization's own terms to avoid (IH090), in the word-list entry format
# (docs/wordlist-format.md). A plain string is a term with the default message.
terms:
#  - headcount
#  - terms: [tiger team]
#    message: "“{match}” is internal jargon; say what the team does."
#    replacements: [launch team]
"""

_STARTER_RULES = """\
# Rules by id (IH801), id prefix (IH8), name (high-reading-grade) or category (readability):
# enable, disable, or a mapping of severity and options.
rules:
#  IH801: {max_grade: 10}          # reading grade
#  IH810: {max_words: 900}         # posting length
#  IH650: {max_requirements: 10}   # requirement count
#  jargon: {severity: error}
"""

_STARTER_EXCLUDE = """\
# Files that are never linted (globs relative to this file's folder).
exclude:
#  - drafts/**
"""

_STARTER_OVERRIDES = """\
# Settings for some files only.
overrides:
#  - files: ["internal/**"]
#    rules: {IH750: disable}
"""

_STARTER_TRACK = """\
# ih track (docs/tracking.md): the tracking store, your applicant-tracking system's export layout
# (greenhouse, lever, or a file) and the smallest group a report shows.
#track:
#  db: .ih/track.sqlite
#  mapping: greenhouse
#  min_cell: 5
"""

_ANYWHERE = frozenset({IN_FILE, IN_OVERRIDES, ON_COMMAND_LINE})

#: In the order of the top-level keys in messages; merged in this order within a layer.
KEYS: tuple[Key, ...] = (
    Key("extends", "a preset name or file path, or a list of them",
        places=frozenset({IN_FILE, ON_COMMAND_LINE}),
        not_in_overrides="extends applies to a whole file",
        starter=_STARTER_EXTENDS, starter_rank=10),  # read by load.layers_of_file
    Key("rules", "a mapping of rule selector to enable, disable or {severity, options}", _ANYWHERE,
        default=rules_default, parse=parse_rules, merge=merge_rules, show=show_rules, show_rank=90,
        starter=_STARTER_RULES, starter_rank=60),
    Key("terms", "a list of word-list entries or strings", _ANYWHERE,
        default=empty_dict, parse=parse_terms, merge=merge_terms, show=show_terms, show_rank=50,
        starter=_STARTER_TERMS, starter_rank=50),
    Key("accept", "a list of phrases (a string is a list of one)", _ANYWHERE,
        default=empty_dict, parse=parse_accept, merge=merge_accept, show=show_accept, show_rank=20,
        starter=_STARTER_ACCEPT, starter_rank=30),
    Key("prefer", "a mapping of term to its one replacement", _ANYWHERE,
        default=empty_dict, parse=parse_prefer, merge=merge_prefer, show=show_prefer, show_rank=40,
        starter=_STARTER_PREFER, starter_rank=40),
    Key("jurisdictions", "a list of jurisdiction codes (a string is a list of one)", _ANYWHERE,
        default=empty_tuple, parse=parse_jurisdictions, merge=last_wins("jurisdictions"),
        show=show_jurisdictions, show_rank=10, starter=_STARTER_JURISDICTIONS, starter_rank=20),
    Key("exclude", "a list of globs relative to the file's folder", frozenset({IN_FILE, ON_COMMAND_LINE}),
        default=empty_list, parse=parse_exclude, merge=merge_exclude, show=show_exclude, show_rank=30,
        not_in_overrides="use the top-level exclude", starter=_STARTER_EXCLUDE, starter_rank=70),
    Key("overrides", "a list of {files: [globs], ...settings}", frozenset({IN_FILE}),
        show=show_overrides, show_rank=70,
        not_in_overrides="overrides do not nest",
        starter=_STARTER_OVERRIDES, starter_rank=80),  # read by load.parse_overrides
    Key("kits", "a mapping: templates_dir (a folder), competencies (id -> mapping)", frozenset({IN_FILE}),
        default=kits_default, parse=parse_kits, merge=merge_kits, show=show_kits, show_rank=60,
        not_in_overrides="use the top-level kits"),
    Key("track", "a mapping: db (a file), mapping (a name, file or mapping), min_cell (3 or more)",
        frozenset({IN_FILE}), default=nothing, parse=parse_track, merge=last_wins("track"),
        show=show_value("track"), show_rank=65, not_in_overrides="use the top-level track",
        starter=_STARTER_TRACK, starter_rank=90),
)

TOP_KEYS: tuple[str, ...] = tuple(key.name for key in KEYS if IN_FILE in key.places)
OVERRIDE_KEYS: tuple[str, ...] = ("files", *(key.name for key in KEYS if IN_OVERRIDES in key.places))
#: keys the command line may set (``cli_overrides``)
CLI_KEYS: tuple[str, ...] = tuple(key.name for key in KEYS if ON_COMMAND_LINE in key.places)
