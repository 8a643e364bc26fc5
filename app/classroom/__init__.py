"""The live classroom: rooms a teacher drives and students follow (see app/classroom/room.py)."""
