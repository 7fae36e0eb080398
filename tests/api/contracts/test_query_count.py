""""My contracts with documents" costs the same number of SQL statements for 1 or 30 contracts."""

from __future__ import annotations

from backend.models.contracts import Document, DocumentKind
from tests.helpers import make_contract
from tests.sqlcount import statements

MY = """
query { myContracts { id number complex { name } premises { number } developer { name } authorizedCompany { name }
  documents { id title size } history { action changes { field } } } }
"""


async def _holder_with(rt, holder, n: int) -> None:
    for i in range(n):
        contract = await make_contract(rt, holder, f"N-{i}")
        for kind in (DocumentKind.DDU, DocumentKind.OTHER):
            await Document.create(contract=contract, kind=kind, title=f"doc {i}", storage_key=f"k/{i}/{kind.value}",
                                  size=10, sha256="0" * 64, content_type="application/zip")


async def test_the_statement_count_does_not_grow_with_contracts(rt, citizen, legal_entity):
    await _holder_with(rt, citizen.user.iin_bin, 1)
    await _holder_with(rt, legal_entity.user.iin_bin, 30)
    await citizen.data(MY)  # warm-up: validation cache, imports
    with statements() as one:
        body = await citizen.data(MY)
    assert len(body["myContracts"]) == 1
    with statements() as thirty:
        body = await legal_entity.data(MY)
    assert len(body["myContracts"]) == 30 and all(len(c["documents"]) == 2 for c in body["myContracts"])
    assert len(thirty) == len(one), (one, thirty)
