"""Presence survives people joining and leaving at the same moment.

With Redis (CI's PostgreSQL/Redis leg) the room is a Redis hash changed one
entry at a time; without it, a lock guards the room's dict. Reading the
dict, changing it and writing it back lost people when changes overlapped.
"""

import asyncio

from asgiref.sync import async_to_sync

from community import presence

ROOM = 987654


def test_forty_overlapping_joins_and_leaves_lose_nobody():
    async def scenario():
        await asyncio.gather(
            *(presence.change(ROOM, f"kanal-{n}", [n, f"Anggota {n}"]) for n in range(40))
        )
        joined = await presence.members(ROOM)
        await asyncio.gather(*(presence.change(ROOM, f"kanal-{n}") for n in range(0, 40, 2)))
        return joined, await presence.members(ROOM)

    joined, after = async_to_sync(scenario)()
    assert len(joined) == 40
    assert joined["kanal-7"] == [7, "Anggota 7"]
    assert sorted(after) == sorted(f"kanal-{n}" for n in range(1, 40, 2))


def test_a_change_returns_the_room_as_it_is_afterwards():
    async def scenario():
        first = await presence.change(ROOM + 1, "kanal-a", [1, "Ni Luh Sukerti"])
        second = await presence.change(ROOM + 1, "kanal-b", [2, "Made Wirawan"])
        left = await presence.change(ROOM + 1, "kanal-a")
        return first, second, left

    first, second, left = async_to_sync(scenario)()
    assert first == {"kanal-a": [1, "Ni Luh Sukerti"]}
    assert second == {"kanal-a": [1, "Ni Luh Sukerti"], "kanal-b": [2, "Made Wirawan"]}
    assert left == {"kanal-b": [2, "Made Wirawan"]}
