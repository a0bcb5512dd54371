"""The generator's vectorised building blocks agree with the plain numpy they replace.

Each quick path (guide tables, radix sorting, copied digit blocks, sort-based
distinct values) must give exactly what the obvious numpy call gives, on any
input; Hypothesis looks for the input where they differ.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from ice_generator.distributions import (
    categorical_from_uniform,
    dictionary_labels,
    labels,
    normalise,
    search_uniform,
    serial_chars,
    serial_ids,
    sorted_unique,
    stable_order,
)

from yearbook.memory import retained_heap

# Long enough for the guide table to be used (it is skipped below 4,096 numbers).
LONG = 5_000

edge_uniforms = st.sampled_from([0.0, np.nextafter(1.0, 0.0), 0.5, 0.25, 1 / 3])


@st.composite
def weights_and_uniforms(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray]:
    codes = draw(st.integers(1, 400))
    weights = draw(
        hnp.arrays(np.float64, codes, elements=st.floats(0.0, 1e6, allow_subnormal=False))
    )
    if weights.sum() <= 0:
        weights[0] = 1.0
    seed = draw(st.integers(0, 2**32 - 1))
    uniform = np.random.default_rng(seed).random(LONG)
    # Numbers on the cumulative weights themselves, and just either side, are the hard cases.
    cumulative = np.cumsum(normalise(weights))
    spots = cumulative[cumulative < 1.0]
    hard = np.concatenate([spots, np.nextafter(spots, 0.0), np.nextafter(spots, 1.0)])
    hard = hard[(hard >= 0.0) & (hard < 1.0)]
    uniform[: len(hard)] = hard[:LONG]
    uniform[-1] = draw(edge_uniforms)
    return weights, uniform


@settings(max_examples=60, deadline=None)
@given(weights_and_uniforms())
def test_categorical_draw_equals_binary_search(case: tuple[np.ndarray, np.ndarray]) -> None:
    weights, uniform = case
    cumulative = np.cumsum(normalise(weights))
    expected = np.minimum(np.searchsorted(cumulative, uniform, side="right"), len(weights) - 1)
    np.testing.assert_array_equal(categorical_from_uniform(uniform, weights), expected)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 20), st.integers(1, 60), st.integers(0, 2**32 - 1))
def test_grouped_search_equals_binary_search(groups: int, per_group: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    edges = np.concatenate(
        [g + np.sort(np.append(rng.random(per_group - 1), 1.0)) for g in range(groups)]
    )
    group = rng.integers(0, groups, LONG).astype(np.int8)
    uniform = rng.random(LONG)
    uniform[:3] = [0.0, np.nextafter(1.0, 0.0), 0.5]
    expected = np.searchsorted(edges, group + uniform, side="right")
    np.testing.assert_array_equal(search_uniform(edges, uniform, group, groups), expected)


@settings(max_examples=200, deadline=None)
@given(
    st.text("ABCRX", min_size=0, max_size=2),
    st.integers(1, 12),
    st.data(),
)
def test_serial_identifiers_are_zero_padded_numbers(
    prefix: str, width: int, data: st.DataObject
) -> None:
    limit = 10**width
    first = data.draw(st.integers(0, limit - 1))
    count = data.draw(st.integers(0, min(30_000, limit - first)))
    got = serial_ids(prefix, first, count, width).to_pylist()
    assert got == [f"{prefix}{n:0{width}d}" for n in range(first, first + count)]


def test_serial_identifiers_refuse_numbers_too_wide() -> None:
    with pytest.raises(ValueError, match="does not fit in 4 digits"):
        serial_chars("A", 9_999, 2, 4)


@settings(max_examples=100, deadline=None)
@given(
    hnp.arrays(
        np.int64,
        st.integers(0, 3_000),
        elements=st.one_of(st.integers(-5, 400), st.integers(-(2**40), 2**40)),
    )
)
def test_stable_order_equals_stable_argsort(values: np.ndarray) -> None:
    np.testing.assert_array_equal(stable_order(values), np.argsort(values, kind="stable"))


@settings(max_examples=100, deadline=None)
@given(hnp.arrays(np.int64, st.integers(0, 3_000), elements=st.integers(-1_000, 1_000)))
def test_sorted_unique_equals_numpy_unique(values: np.ndarray) -> None:
    np.testing.assert_array_equal(sorted_unique(values), np.unique(values))


@given(st.lists(st.integers(0, 3), max_size=200))
def test_dictionary_labels_decode_to_the_labels(codes: list[int]) -> None:
    names = ["convicted", "pending", "other", "Ünknown"]
    array = np.array(codes, dtype=np.int64)
    encoded = dictionary_labels(array, names)
    assert pa.types.is_dictionary(encoded.type)
    assert encoded.to_pylist() == labels(array, names).to_pylist() == [names[c] for c in codes]


def test_retained_heap_nests_and_changes_no_result() -> None:
    def digest() -> str:
        rng = np.random.default_rng(7)
        big = [rng.random(2_000_000) for _ in range(3)]
        return hashlib.sha256(b"".join(a.tobytes() for a in big)).hexdigest()

    outside = digest()
    with retained_heap():
        with retained_heap():
            inside = digest()
        assert digest() == inside
    assert digest() == outside == inside
