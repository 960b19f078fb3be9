"""Settings → Endpoints (issue 15, window side): the inference servers the tabs can run on.

- ``EndpointService`` (service.py): the stored list, where each key is kept and what each
  server lists, all read, saved and asked off the UI thread;
- ``EndpointsDialog`` (dialog.py, form.py): add, edit, remove, Test, the key and the
  plain-HTTP confirmation;
- picker.py: the endpoints' models in a task's model picker ("model-id · endpoint");
- ``WindowEndpoints`` (window.py): the window's action, pickers and status-bar label.

A remote choice is stored per task in ``Settings.remote_models`` ({"endpoint", "model"});
``Settings.target_for(task)`` gives each tab the request's ``endpoint`` and ``model``.
"""

from .dialog import EndpointsDialog
from .service import EndpointService, Section
from .window import WindowEndpoints

__all__ = ["EndpointService", "EndpointsDialog", "Section", "WindowEndpoints"]
