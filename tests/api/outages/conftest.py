"""The service requests' cast (tests/api/service_requests/conftest.py) serves the outages' tests too."""

from tests.api.service_requests.conftest import cast  # noqa: F401 - a fixture
