"""Small-cell and complementary suppression."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from inclusive_hiring.track.suppress import COMPLEMENTARY, PRIMARY, Cell, suppress


def test_a_group_of_three_is_suppressed_and_one_more_to_protect_it():
    cells = [Cell("a", 3, 1), Cell("b", 50, 20), Cell("c", 12, 6), Cell("d", 40, 10)]
    hidden = suppress(cells, 5)
    assert hidden == {"a": PRIMARY, "c": COMPLEMENTARY}  # c is the smallest cell left


def test_nothing_is_suppressed_when_every_group_is_large_enough():
    assert suppress([Cell("a", 5, 0), Cell("b", 9, 9)], 5) == {}


def test_complementary_cells_are_added_until_the_hidden_total_is_safe():
    # a (1) + b (7) = 8 >= 5 but none selected: the total's selections would show both rejected
    cells = [Cell("a", 1, 0), Cell("b", 7, 0), Cell("c", 9, 3), Cell("d", 30, 12)]
    hidden = suppress(cells, 5)
    assert hidden == {"a": PRIMARY, "b": COMPLEMENTARY, "c": COMPLEMENTARY}


def test_two_tiny_groups_are_not_enough_alone():
    # 1 + 1 = 2: the total minus the rest would say "two people", hence one each
    cells = [Cell("a", 1, 1), Cell("b", 1, 0), Cell("c", 6, 3), Cell("d", 40, 20)]
    hidden = suppress(cells, 5)
    assert set(hidden) == {"a", "b", "c"} and hidden["c"] == COMPLEMENTARY


def test_minimum_cell_is_configurable():
    cells = [Cell("a", 6, 3), Cell("b", 20, 10), Cell("c", 30, 10)]
    assert suppress(cells, 5) == {}
    assert suppress(cells, 10) == {"a": PRIMARY, "b": COMPLEMENTARY}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 40), st.floats(0, 1)), min_size=1, max_size=7), st.integers(3, 10))
def test_no_suppressed_value_can_be_recovered_from_the_total(sizes, min_cell):
    cells = [Cell(f"g{i}", n, round(n * share)) for i, (n, share) in enumerate(sizes)]
    hidden = suppress(cells, min_cell)
    small = {c.key for c in cells if c.considered < min_cell}
    assert small <= set(hidden)
    if not hidden or len(hidden) == len(cells):
        return  # nothing hidden, or everything (the total then tells only the total)
    secret = [c for c in cells if c.key in hidden]
    # What subtraction gives: the hidden cells' combined counts. It must not pin any one down.
    assert len(secret) >= 2
    assert sum(c.considered for c in secret) >= min_cell
    selected = sum(c.selected for c in secret)
    assert 0 < selected < sum(c.considered for c in secret)
