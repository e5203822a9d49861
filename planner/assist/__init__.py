"""planner as a tool server for AI assistants (``planner mcp``, the Model Context Protocol).

An assistant (a desktop or IDE assistant, an agent framework) starts ``planner mcp`` and calls
planner's use cases as tools with typed inputs and outputs. The tools go through
:mod:`planner.api` and :mod:`planner.flows` like the commands do, and follow the same rules:
nothing private beyond what the user's own commands show, every error one clear line, a failing
online service one warning and the rest of the answer.

- ``workspace``: what one tool call works in: the config (or the demo), the state database,
  "now", and the warnings of the call;
- ``outputs``: the typed results (pydantic models, which the SDK turns into output schemas);
- ``reading``: the read tools: the week's plan, the agenda, contacts, proposals, venues,
  invitations;
- ``writing``: the two-step write tools, invite and hold: the first call is the dry run (who,
  when, where) with a confirmation token, only a second call with that token acts;
- ``confirm``: the tokens: signed with a per-install secret (mode 0600 in the data dir), bound
  to the action's content, expiring, single-use;
- ``registry``: the tool decorators; adding a tool is one function in ``reading`` or ``writing``;
- ``server``: the MCP server built on the official ``mcp`` SDK (the optional extra
  ``planner[mcp]``, imported only by ``planner mcp``).

The layer contract puts this package just below :mod:`planner.cli`: it imports
:mod:`planner.render`, :mod:`planner.api` and the flows, never the CLI.
"""
