"""The storage adapter, local folder and S3-compatible (a moto server on loopback), one contract."""

from __future__ import annotations

import hashlib

import pytest

from backend.adapters.storage import LocalStorage, S3Storage, StorageConflict
from tests.files.tus import _noise

MIB = 1024 * 1024


@pytest.fixture(params=["local", "s3"])
def storage(request, tmp_path):
    if request.param == "local":
        return LocalStorage(tmp_path / "files")
    return request.getfixturevalue("s3_storage")


async def _stream(data: bytes, step: int = 64 * 1024):
    for i in range(0, len(data), step):
        yield data[i : i + step]


async def _read(storage, key, offset=0, length=None) -> bytes:
    return b"".join([chunk async for chunk in storage.read(key, offset, length)])


async def test_appends_finish_read_size_delete(storage):
    # given: 12 MiB in three appends of uneven sizes (across S3 part boundaries)
    data = _noise(12 * MIB + 777, 1)
    key = "uploads/abc"
    assert await storage.size(key) is None
    assert not await storage.exists(key)
    # when
    assert await storage.append(key, 0, _stream(data[:3 * MIB + 5])) == 3 * MIB + 5
    assert await storage.append(key, 3 * MIB + 5, _stream(data[3 * MIB + 5 : 9 * MIB])) == 9 * MIB
    assert await storage.size(key) == 9 * MIB
    assert await storage.append(key, 9 * MIB, _stream(data[9 * MIB :])) == len(data)
    await storage.finish(key)
    # then
    assert await storage.size(key) == len(data)
    assert await storage.exists(key)
    assert hashlib.sha256(await _read(storage, key)).digest() == hashlib.sha256(data).digest()
    assert await _read(storage, key, 5 * MIB - 3, 10) == data[5 * MIB - 3 : 5 * MIB + 7]
    assert await _read(storage, key, len(data) - 5) == data[-5:]
    assert await _read(storage, key, 7, 0) == b""
    # when
    await storage.delete(key)
    # then
    assert await storage.size(key) is None
    await storage.delete(key)  # twice is fine


async def test_append_at_the_wrong_offset_is_a_conflict(storage):
    key = "uploads/conflict"
    await storage.append(key, 0, _stream(b"%PDF-" + b"x" * 100))
    with pytest.raises(StorageConflict):
        await storage.append(key, 50, _stream(b"more"))
    assert await storage.size(key) == 105


async def test_a_failing_source_keeps_what_came_before(storage):
    # given: a body that breaks after 6 MiB (one S3 part and a tail)
    data = _noise(6 * MIB, 2)

    async def breaking():
        async for chunk in _stream(data):
            yield chunk
        raise ConnectionResetError("client went away")

    # when
    with pytest.raises(ConnectionResetError):
        await storage.append("uploads/broken", 0, breaking())
    # then
    assert await storage.size("uploads/broken") == len(data)
    await storage.append("uploads/broken", len(data), _stream(b"end"))
    await storage.finish("uploads/broken")
    assert await _read(storage, "uploads/broken") == data + b"end"


async def test_small_objects_and_empty_appends(storage):
    await storage.append("uploads/small", 0, _stream(b""))
    assert (await storage.size("uploads/small") or 0) == 0
    await storage.append("uploads/small", 0, _stream(b"tiny"))
    await storage.finish("uploads/small")
    assert await _read(storage, "uploads/small") == b"tiny"


async def test_unfinished_object_is_deleted_with_its_state(storage):
    await storage.append("uploads/half", 0, _stream(_noise(7 * MIB, 3)))
    await storage.delete("uploads/half")
    assert await storage.size("uploads/half") is None
    if isinstance(storage, S3Storage):
        assert not storage.client.list_multipart_uploads(Bucket=storage.bucket).get("Uploads")
        assert storage.client.list_objects_v2(Bucket=storage.bucket).get("KeyCount", 0) == 0


@pytest.mark.parametrize("key", ["../etc/passwd", "/abs", "a/../../b", "", "uploads/a b"])
def test_keys_cannot_escape(tmp_path, key):
    with pytest.raises(ValueError):
        LocalStorage(tmp_path)._path(key)


def test_storage_is_chosen_by_settings(settings, tmp_path):
    import dataclasses

    from backend.adapters.storage import build_storage

    local = build_storage(settings)
    assert isinstance(local, LocalStorage) and local.root == settings.var_dir / "files"
    s3 = build_storage(dataclasses.replace(settings, storage="s3", s3_bucket="b", s3_endpoint_url="http://127.0.0.1:1"))
    assert isinstance(s3, S3Storage) and s3.bucket == "b"


def test_settings_from_env_pick_s3_when_a_bucket_is_set(monkeypatch, tmp_path):
    from backend.settings import Settings

    monkeypatch.setenv("VAR_DIR", str(tmp_path))
    monkeypatch.setenv("S3_BUCKET", "shanyraq")
    monkeypatch.delenv("STORAGE", raising=False)
    assert Settings.from_env().storage == "s3"
    monkeypatch.setenv("STORAGE", "local")
    assert Settings.from_env().storage == "local"
    monkeypatch.setenv("STORAGE", "ftp")
    with pytest.raises(RuntimeError):
        Settings.from_env()
