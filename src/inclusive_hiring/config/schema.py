"""THE table of configuration keys: for each, its documented type, default, validator, merge rule,
where it may appear and how ``ih config show`` prints it (docs/configuration.md describes them
for users).

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
)
from .validate import (
    parse_accept,
    parse_exclude,
    parse_jurisdictions,
    parse_kits,
    parse_prefer,
    parse_rules,
    parse_terms,
)

_ANYWHERE = frozenset({IN_FILE, IN_OVERRIDES, ON_COMMAND_LINE})

#: In the order of the top-level keys in messages; merged in this order within a layer.
KEYS: tuple[Key, ...] = (
    Key("extends", "a preset name or file path, or a list of them",
        places=frozenset({IN_FILE, ON_COMMAND_LINE}),
        not_in_overrides="extends applies to a whole file"),  # read by load.layers_of_file
    Key("rules", "a mapping of rule selector to enable, disable or {severity, options}", _ANYWHERE,
        default=rules_default, parse=parse_rules, merge=merge_rules, show=show_rules, show_rank=90),
    Key("terms", "a list of word-list entries or strings", _ANYWHERE,
        default=empty_dict, parse=parse_terms, merge=merge_terms, show=show_terms, show_rank=50),
    Key("accept", "a list of phrases (a string is a list of one)", _ANYWHERE,
        default=empty_dict, parse=parse_accept, merge=merge_accept, show=show_accept, show_rank=20),
    Key("prefer", "a mapping of term to its one replacement", _ANYWHERE,
        default=empty_dict, parse=parse_prefer, merge=merge_prefer, show=show_prefer, show_rank=40),
    Key("jurisdictions", "a list of jurisdiction codes (a string is a list of one)", _ANYWHERE,
        default=empty_tuple, parse=parse_jurisdictions, merge=last_wins("jurisdictions"),
        show=show_jurisdictions, show_rank=10),
    Key("exclude", "a list of globs relative to the file's folder", frozenset({IN_FILE, ON_COMMAND_LINE}),
        default=empty_list, parse=parse_exclude, merge=merge_exclude, show=show_exclude, show_rank=30,
        not_in_overrides="use the top-level exclude"),
    Key("overrides", "a list of {files: [globs], ...settings}", frozenset({IN_FILE}),
        show=show_overrides, show_rank=70,
        not_in_overrides="overrides do not nest"),  # read by load.parse_overrides
    Key("kits", "a mapping: templates_dir (a folder), competencies (id -> mapping)", frozenset({IN_FILE}),
        default=kits_default, parse=parse_kits, merge=merge_kits, show=show_kits, show_rank=60,
        not_in_overrides="use the top-level kits"),
)

TOP_KEYS: tuple[str, ...] = tuple(key.name for key in KEYS if IN_FILE in key.places)
OVERRIDE_KEYS: tuple[str, ...] = ("files", *(key.name for key in KEYS if IN_OVERRIDES in key.places))
#: keys the command line may set (``cli_overrides``)
CLI_KEYS: tuple[str, ...] = tuple(key.name for key in KEYS if ON_COMMAND_LINE in key.places)
