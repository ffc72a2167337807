

def test_a_named_group_never_takes_in_the_next_line():
    from inclusive_hiring.redact.engine import redact_text

    text = ("Volunteer with the National Organization of Black Chemists\n\nProjects: a stock-control app "
            "in Kotlin.\nTreasurer, Society of Women Engineers\nReferences on request.\n")
    out = redact_text(text).text
    assert "\n\nProjects: a stock-control app in Kotlin." in out
    assert "\nReferences on request." in out
    assert "Society of Women Engineers" not in out and "Black Chemists" not in out
