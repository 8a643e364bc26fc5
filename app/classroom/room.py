"""Rooms in memory: a short join code, an unguessable teacher token, members and idle expiry.

A room holds only what a class needs to follow its teacher: the latest shared state (code, run,
step, lesson) and, for a prediction round, answer counts. Nothing personal is stored: a member
is an opaque connection id with an optional, length-capped nickname that is never persisted.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field

# No 0/O, 1/I/L: a code read off a projector must not be mistyped.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6
MAX_NICKNAME_CHARS = 24


class RoomError(Exception):
    """A room operation that cannot be done (unknown room, wrong token, full room)."""


@dataclass(slots=True)
class Member:
    """One connected student: following the teacher or detached, and whether they answered."""

    nickname: str
    following: bool = True
    answered: bool = False


@dataclass(slots=True)
class Room:
    """A class: its code, the teacher's token, its members and when it was last used."""

    code: str
    teacher_token: str
    created_at: float
    last_active: float
    max_members: int
    members: dict[str, Member] = field(default_factory=dict)
    state: dict[str, object] = field(default_factory=dict)
    ended: bool = False

    def is_teacher(self, token: str) -> bool:
        """Whether `token` drives this room (compared in constant time)."""
        return hmac.compare_digest(self.teacher_token.encode(), token.encode())

    def join(self, member_id: str, nickname: str = "") -> Member:
        """Add a student; the nickname is trimmed and capped, never required."""
        if self.ended:
            raise RoomError("room has ended")
        if member_id not in self.members and len(self.members) >= self.max_members:
            raise RoomError("room is full")
        member = Member(nickname=" ".join(nickname.split())[:MAX_NICKNAME_CHARS])
        self.members[member_id] = member
        return member

    def leave(self, member_id: str) -> None:
        """Forget a student entirely (nothing about them outlives the connection)."""
        self.members.pop(member_id, None)

    def counts(self) -> dict[str, int]:
        """What the teacher panel shows: joined, following and answered."""
        members = tuple(self.members.values())
        return {
            "joined": len(members),
            "following": sum(m.following for m in members),
            "answered": sum(m.answered for m in members),
        }


class RoomRegistry:
    """Every room of this process, created with fresh codes and dropped when idle too long."""

    def __init__(
        self,
        *,
        idle_expiry_s: float,
        max_rooms: int,
        max_members: int,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._rooms: dict[str, Room] = {}
        self._idle_expiry_s = idle_expiry_s
        self._max_rooms = max_rooms
        self._max_members = max_members
        self._clock = clock

    def create(self) -> Room:
        """A new room with a code no live room has; refused when the server holds too many."""
        self.expire()
        if len(self._rooms) >= self._max_rooms:
            raise RoomError("too many rooms")
        code = self._new_code()
        now = self._clock()
        room = Room(
            code=code,
            teacher_token=secrets.token_urlsafe(32),
            created_at=now,
            last_active=now,
            max_members=self._max_members,
        )
        self._rooms[code] = room
        return room

    def get(self, code: str) -> Room:
        """The live room with this code (case-insensitive), or RoomError."""
        self.expire()
        room = self._rooms.get(code.strip().upper())
        if room is None or room.ended:
            raise RoomError("no such room")
        return room

    def touch(self, room: Room) -> None:
        """Note activity so the room does not expire while a class uses it."""
        room.last_active = self._clock()

    def end(self, room: Room) -> None:
        """End a room: it refuses joins and is forgotten."""
        room.ended = True
        room.members.clear()
        self._rooms.pop(room.code, None)

    def expire(self) -> None:
        """Drop rooms idle for longer than the configured time."""
        deadline = self._clock() - self._idle_expiry_s
        for room in tuple(self._rooms.values()):
            if room.last_active < deadline:
                self.end(room)

    def __len__(self) -> int:
        return len(self._rooms)

    def _new_code(self) -> str:
        while True:
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            if code not in self._rooms:
                return code
