"""The Models dialog and the window's downloads (issue 13, window side).

- ``ModelService`` (service.py): the DownloadManager, its news in the GUI thread;
- ``ModelsDialog`` (dialog.py): per task the catalogue, the user's own folders and
  files, downloads by repo id or URL and the rest of the cache; download, cancel,
  resume, verify, remove, open folder, use for this task;
- rows.py (what is on disk, read off the UI thread), list_model.py (the table),
  panel.py (the selected model's download and actions), labels.py (its words).
"""

from .dialog import ModelsDialog
from .service import ModelService

__all__ = ["ModelService", "ModelsDialog"]
