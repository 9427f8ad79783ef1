"""Best-first order of an agent's queue."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from core.order_status import OrderStatus
from core.queue_priority import QueueGroup, queue_group, queue_sort_key

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def entry(
    ref: str,
    status: OrderStatus = OrderStatus.ASSIGNED,
    attempts: int = 1,
    total: str = "100",
    age_minutes: int = 60,
    callback_in: int | None = None,
) -> dict[str, object]:
    return {
        "reference": ref,
        "status": status,
        "callback_at": None if callback_in is None else NOW + timedelta(minutes=callback_in),
        "attempt_count": attempts,
        "total": D(total),
        "created_at": NOW - timedelta(minutes=age_minutes),
    }


def ranked(entries: list[dict[str, object]]) -> list[str]:
    ordered = sorted(entries, key=lambda e: queue_sort_key(**e, now=NOW))  # type: ignore[arg-type]
    return [str(e["reference"]) for e in ordered]


def test_groups_come_in_the_agreed_order() -> None:
    entries = [
        entry("later-callback", OrderStatus.CALLBACK, callback_in=30),
        entry("unreachable", OrderStatus.UNREACHABLE, attempts=3, total="900"),
        entry("returned", OrderStatus.RETURNED, attempts=2),
        entry("fresh", OrderStatus.UNASSIGNED, attempts=0),
        entry("due-callback", OrderStatus.CALLBACK, callback_in=-5, total="10"),
        entry("closed", OrderStatus.CONFIRMED),
    ]
    assert ranked(entries) == [
        "due-callback",
        "fresh",
        "returned",
        "unreachable",
        "later-callback",
        "closed",
    ]


def test_most_overdue_callback_first() -> None:
    entries = [
        entry("due-5", OrderStatus.CALLBACK, callback_in=-5, total="999"),
        entry("due-60", OrderStatus.CALLBACK, callback_in=-60),
        entry("due-now", OrderStatus.CALLBACK, callback_in=0),
    ]
    assert ranked(entries) == ["due-60", "due-5", "due-now"]


def test_value_then_age_inside_a_group() -> None:
    entries = [
        entry("cheap-old", attempts=0, total="99", age_minutes=500),
        entry("rich-new", attempts=0, total="450", age_minutes=1),
        entry("rich-old", attempts=0, total="450", age_minutes=90),
    ]
    assert ranked(entries) == ["rich-old", "rich-new", "cheap-old"]


def test_group_of_callback_without_time_is_other() -> None:
    group = queue_group(status=OrderStatus.CALLBACK, callback_at=None, attempt_count=1, now=NOW)
    assert group == QueueGroup.OTHER_OPEN


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.builds(
            entry,
            st.text("abcdef", min_size=1, max_size=3),
            st.sampled_from(list(OrderStatus)),
            st.integers(0, 4),
            st.sampled_from(["0", "99.90", "250", "1200"]),
            st.integers(0, 10_000),
            st.one_of(st.none(), st.integers(-500, 500)),
        ),
        max_size=12,
    ),
    st.randoms(use_true_random=False),
)
def test_sort_is_total_and_independent_of_input_order(
    entries: list[dict[str, object]], rnd: object
) -> None:
    shuffled = list(entries)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    keys = sorted(queue_sort_key(**e, now=NOW) for e in entries)  # type: ignore[arg-type]
    assert keys == sorted(queue_sort_key(**e, now=NOW) for e in shuffled)  # type: ignore[arg-type]
    groups = [k[0] for k in keys]
    assert groups == sorted(groups)
