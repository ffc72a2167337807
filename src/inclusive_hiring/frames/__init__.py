"""The frame engine: trait lexicons, preference frames, referents, lawful bases and names.

Everything it knows is data in ``wordlists/frames/`` (docs/detection.md). ``analysis.analyse``
reads one prepared document; ``policy.apply_policy`` filters the phrase rules' findings with it;
``rules/preferences.py`` reports the frames it finds.
"""
