"""The platform's API under /api/v1/. Each app keeps its endpoints in <app>/api.py; this module wires them."""

from mhw.accounts.api import router as accounts_router
from mhw.api.auth import API_AUTH
from mhw.api.errors import install_error_handlers
from mhw.api.openapi import DocumentedApi
from mhw.candidates.api import router as candidates_router
from mhw.credentials.api import router as credentials_router
from mhw.learning.api import router as learning_router
from mhw.matching.api import router as matching_router
from mhw.skills.api import router as skills_router

api = DocumentedApi(
    title="Make Hydrogen Work API",
    version="1",
    description="Skills, candidates, companies and credentials of the Make Hydrogen Work campuses.",
    auth=API_AUTH,
    urls_namespace="api",
)
install_error_handlers(api)
api.add_router("/", accounts_router)
api.add_router("/", candidates_router)
api.add_router("/", skills_router)
api.add_router("/", learning_router)
api.add_router("/", matching_router)
api.add_router("/", credentials_router)
