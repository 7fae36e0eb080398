"""Photos from real tus uploads: images only, at most five, claimed with the request in one
transaction (a refused one gives every upload back), added and removed while NEW, served per viewer."""

from __future__ import annotations

from backend.models.service_requests import ServiceRequest, ServiceRequestPhoto
from backend.models.uploads import Upload, UploadStatus
from tests.api.service_requests.helpers import CREATE, ONE, TAKE, UPDATE, codes, file, mutate, type_id
from tests.files.tus import Tus, jpeg, pdf, png


async def _upload(client, data: bytes, name: str) -> str:
    return await Tus(client.http, client.token).upload(data, filename=name)


async def test_a_request_is_filed_with_photos_that_its_viewers_can_open(cast):
    # given
    ids = [await _upload(cast.resident, jpeg(3000), "труба.jpg"), await _upload(cast.resident, png(2000, 1), "кран.png")]
    # when
    row = await file(cast.resident, cast.world.account_x, photoUploadIds=ids)
    # then
    assert [(p["title"], p["contentType"], p["size"]) for p in row["photos"]] == [
        ("труба.jpg", "image/jpeg", 3000), ("кран.png", "image/png", 2000)]
    mine = await cast.resident.http.get(row["photos"][0]["url"], headers={"authorization": f"Bearer {cast.resident.token}"})
    assert mine.status_code == 200 and mine.content == jpeg(3000)
    staff = (await cast.staff_x.data(ONE, {"id": row["id"]}))["serviceRequest"]["photos"][0]["url"]
    assert (await cast.staff_x.http.get(staff, headers={"authorization": f"Bearer {cast.staff_x.token}"})).status_code == 200
    # a link is the viewer's own: another person presenting it gets nothing
    stolen = await cast.other_resident.http.get(row["photos"][0]["url"],
                                                headers={"authorization": f"Bearer {cast.other_resident.token}"})
    assert stolen.status_code == 404


async def test_a_pdf_is_refused_and_nothing_is_filed_nor_claimed(cast):
    # given
    photo = await _upload(cast.resident, jpeg(1000), "photo.jpg")
    paper = await _upload(cast.resident, pdf(1000), "scan.pdf")
    # when
    payload = await mutate(cast.resident, CREATE, "serviceRequestCreate", accountId=str(cast.world.account_x.id),
                           typeId=await type_id(), content="Течёт", photoUploadIds=[photo, paper])
    # then
    assert payload["errors"] == [{"field": "photoUploadIds", "code": "UPLOAD_TYPE_NOT_ALLOWED",
                                  "params": {"uploadId": paper, "allowed": ["image/jpeg", "image/png"]}}]
    assert await ServiceRequest.all().count() == 0
    assert {u.status for u in await Upload.filter(id__in=[photo, paper])} == {UploadStatus.COMPLETE}
    again = await file(cast.resident, cast.world.account_x, photoUploadIds=[photo])
    assert len(again["photos"]) == 1


async def test_someone_elses_upload_cannot_be_attached(cast):
    # given
    theirs = await _upload(cast.other_resident, jpeg(1000), "their.jpg")
    # when
    payload = await mutate(cast.resident, CREATE, "serviceRequestCreate", accountId=str(cast.world.account_x.id),
                           typeId=await type_id(), content="Течёт", photoUploadIds=[theirs])
    # then
    assert codes(payload) == ["UPLOAD_NOT_FOUND"]
    assert (await Upload.get(id=theirs)).status is UploadStatus.COMPLETE


async def test_at_most_five_photos(cast):
    # given
    ids = [await _upload(cast.resident, jpeg(500, n), f"{n}.jpg") for n in range(6)]
    # when
    payload = await mutate(cast.resident, CREATE, "serviceRequestCreate", accountId=str(cast.world.account_x.id),
                           typeId=await type_id(), content="Течёт", photoUploadIds=ids)
    # then
    assert payload["errors"] == [{"field": "photoUploadIds", "code": "TOO_MANY", "params": {"max": 5}}]


async def test_the_author_adds_and_removes_photos_while_new(cast):
    # given
    first = await _upload(cast.resident, jpeg(800), "a.jpg")
    row = await file(cast.resident, cast.world.account_x, photoUploadIds=[first])
    more = await _upload(cast.resident, png(900), "b.png")
    # when
    payload = await mutate(cast.resident, UPDATE, "serviceRequestUpdate", id=row["id"], addPhotoUploadIds=[more],
                           removePhotoIds=[row["photos"][0]["id"]])
    # then
    assert payload["errors"] == []
    assert [p["title"] for p in payload["serviceRequest"]["photos"]] == ["b.png"]
    assert await ServiceRequestPhoto.filter(request_id=row["id"]).count() == 1
    assert payload["serviceRequest"]["history"][-1]["action"] == "updated"


async def test_the_five_photo_limit_holds_over_edits(cast):
    # given
    row = await file(cast.resident, cast.world.account_x,
                     photoUploadIds=[await _upload(cast.resident, jpeg(300, n), f"{n}.jpg") for n in range(4)])
    extra = [await _upload(cast.resident, jpeg(300, 10 + n), f"x{n}.jpg") for n in range(2)]
    # when
    payload = await mutate(cast.resident, UPDATE, "serviceRequestUpdate", id=row["id"], addPhotoUploadIds=extra)
    # then
    assert codes(payload) == ["TOO_MANY"]
    assert await ServiceRequestPhoto.filter(request_id=row["id"]).count() == 4
    assert {u.status for u in await Upload.filter(id__in=extra)} == {UploadStatus.COMPLETE}


async def test_photos_cannot_change_once_taken(cast):
    # given
    row = await file(cast.resident, cast.world.account_x)
    await mutate(cast.staff_x, TAKE, "serviceRequestTake", id=row["id"])
    late = await _upload(cast.resident, jpeg(300), "late.jpg")
    # when
    payload = await mutate(cast.resident, UPDATE, "serviceRequestUpdate", id=row["id"], addPhotoUploadIds=[late])
    # then
    assert codes(payload) == ["WRONG_STATUS"]
    assert (await Upload.get(id=late)).status is UploadStatus.COMPLETE


async def test_removing_a_photo_of_another_request_is_not_found(cast):
    # given
    other = await file(cast.resident, cast.world.account_x, photoUploadIds=[await _upload(cast.resident, jpeg(300), "o.jpg")])
    row = await file(cast.resident, cast.world.account_x)
    # when
    payload = await mutate(cast.resident, UPDATE, "serviceRequestUpdate", id=row["id"],
                           removePhotoIds=[other["photos"][0]["id"]])
    # then
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("removePhotoIds", "NOT_FOUND")]
    assert await ServiceRequestPhoto.filter(request_id=other["id"]).count() == 1
