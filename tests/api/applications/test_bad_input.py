"""Input an outside tester sent: each gets a stable code and a clear message, never a raw exception."""

from __future__ import annotations

import pytest

from backend.models.applications import Application, ApplicationStatus as S
from tests.api.applications.conftest import FORM

CREATE = """
mutation($i: ApplicationCreateInput!) { applicationCreate(input: $i) {
  application { id } errors { field code message } } }
"""
UPDATE = "mutation($i: ApplicationUpdateInput!) { applicationUpdate(input: $i) { application { form } errors { field code message } } }"


def _create_input(world, form) -> dict:
    return {"contractId": str(world.contract.id), "type": "GUARANTEE_AGREEMENT_AMENDMENT",
            "category": "COMMISSIONING_DATE", "form": form}


@pytest.mark.parametrize("form", [["currentValue", "x"], [], "currentValue=x", 42, True], ids=["list", "empty-list", "string", "number", "bool"])
async def test_a_form_that_is_not_an_object_is_refused_clearly(world, form):
    body = await world.applicant.data(CREATE, {"i": _create_input(world, form)})
    payload = body["applicationCreate"]
    assert payload["application"] is None
    [error] = payload["errors"]
    assert (error["field"], error["code"]) == ("form", "INVALID_FORM")
    assert "object" in error["message"] and "attribute" not in error["message"]
    assert not await Application.filter(applicant_org_id=world.applicant_org.id).exists()


async def test_an_update_with_a_list_as_form_is_refused_and_changes_nothing(world, application_in):
    draft = await application_in(S.DRAFT)
    body = await world.applicant.data(UPDATE, {"i": {"applicationId": str(draft.id), "form": [{"justification": "x"}]}})
    assert [(e["field"], e["code"]) for e in body["applicationUpdate"]["errors"]] == [("form", "INVALID_FORM")]
    after = await Application.get(id=draft.id)
    assert after.form == FORM and after.version == draft.version


async def test_an_object_form_still_works(world):
    body = await world.applicant.data(CREATE, {"i": _create_input(world, FORM)})
    assert body["applicationCreate"]["errors"] == []
