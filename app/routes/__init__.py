"""The HTTP routes, one module per part of the site; handlers only parse, call and respond.

`run` (POST /api/run), `health` (GET /healthz), `pages` (the playground and the page context
shared by every HTML page), `lessons` (the course pages and /api/lessons). `app.main` mounts
them; `state` gives handlers the app's worker pool and settings.
"""
