"""The optional served offer page (``planner serve``, extra ``planner[serve]``): a Starlette
application for uvicorn behind the user's reverse proxy (:mod:`planner.web.app`), and what keeps
it safe (:mod:`planner.web.guard`)."""
