"""What CI runs around a lint: baselines of known findings (``baseline.py``) and the lines a git
change touched (``gitdiff.py``)."""
