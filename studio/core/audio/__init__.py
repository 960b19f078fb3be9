"""Audio for the window process and the engine host: files, devices, recording and playback.

Qt-free.  Recording and playback run here, in the window's process (PortAudio
callbacks need low latency, not torch); decoding is shared with the engines.
"""

# ``write``, ``peaks`` and ``resample`` stay module names here (``from studio.core.audio import
# write`` is the module); their functions are imported from the modules themselves.
from .decode import AudioFileError, AudioInfo, blocks, info, read
from .peaks import file_peaks
from .write import check_writable, writable_formats

__all__ = ["AudioFileError", "AudioInfo", "blocks", "check_writable", "file_peaks", "info", "read",
           "writable_formats"]
