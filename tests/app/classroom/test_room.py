"""Rooms: codes a class can type, a token only the teacher holds, counts, limits and expiry."""

from __future__ import annotations

import pytest

from app.classroom.room import CODE_ALPHABET, CODE_LENGTH, RoomError, RoomRegistry


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make_registry(clock: FakeClock | None = None, **kwargs: object) -> RoomRegistry:
    options: dict[str, object] = {"idle_expiry_s": 60.0, "max_rooms": 5, "max_members": 3}
    options.update(kwargs)
    return RoomRegistry(clock=clock or FakeClock(), **options)  # type: ignore[arg-type]


def test_codes_are_short_unambiguous_and_distinct() -> None:
    registry = make_registry(max_rooms=200)
    codes = {registry.create().code for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert len(code) == CODE_LENGTH
        assert set(code) <= set(CODE_ALPHABET)
        assert not set(code) & set("01OIL")


def test_a_student_types_the_code_in_lower_case() -> None:
    registry = make_registry()
    room = registry.create()
    assert registry.get(f" {room.code.lower()} ") is room


def test_only_the_teacher_token_drives_the_room() -> None:
    registry = make_registry()
    room, other = registry.create(), registry.create()
    assert room.is_teacher(room.teacher_token)
    assert not room.is_teacher(other.teacher_token)
    assert not room.is_teacher("")
    assert len(room.teacher_token) >= 40  # 32 random bytes


def test_counts_follow_joins_detaches_answers_and_leaves() -> None:
    room = make_registry().create()
    room.join("a", "Ann")
    room.join("b")
    room.members["b"].following = False
    room.members["a"].answered = True
    assert room.counts() == {"joined": 2, "following": 1, "answered": 1}
    room.leave("a")
    assert room.counts() == {"joined": 1, "following": 0, "answered": 0}


def test_nicknames_are_optional_trimmed_and_capped() -> None:
    room = make_registry().create()
    assert room.join("a", "  Li \n  Lei ").nickname == "Li Lei"
    assert room.join("b").nickname == ""
    assert len(room.join("c", "x" * 10_000).nickname) == 24


def test_a_full_room_refuses_a_new_student_but_keeps_the_others() -> None:
    room = make_registry(max_members=2).create()
    room.join("a")
    room.join("b")
    with pytest.raises(RoomError, match="full"):
        room.join("c")
    room.join("a", "again")  # a member rejoining is not a new member
    assert room.counts()["joined"] == 2


def test_the_server_refuses_rooms_beyond_its_limit() -> None:
    registry = make_registry(max_rooms=2)
    registry.create()
    registry.create()
    with pytest.raises(RoomError, match="too many"):
        registry.create()


def test_idle_rooms_expire_and_active_ones_stay() -> None:
    clock = FakeClock()
    registry = make_registry(clock)
    idle, busy = registry.create(), registry.create()
    clock.now += 50
    registry.touch(busy)
    clock.now += 20
    with pytest.raises(RoomError):
        registry.get(idle.code)
    assert registry.get(busy.code) is busy
    assert len(registry) == 1


def test_an_ended_room_refuses_joins_and_is_gone() -> None:
    registry = make_registry()
    room = registry.create()
    room.join("a")
    registry.end(room)
    assert room.counts()["joined"] == 0
    with pytest.raises(RoomError):
        registry.get(room.code)
    with pytest.raises(RoomError, match="ended"):
        room.join("b")


def test_room_limits_come_from_the_settings() -> None:
    from app.config import Settings

    settings = Settings.from_env({"AUTOGRAD_LAB_CLASSROOM_IDLE_EXPIRY_S": "90"})
    assert settings.classroom_idle_expiry_s == 90.0
    assert settings.classroom_max_members >= 100  # a lecture hall fits
